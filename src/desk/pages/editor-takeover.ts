// 接管编辑 on the editor's page: the button that takes the article over from whoever else has it open (shown by
// the script when someone does), and the banner a person sees when someone took it over from them.
import { html } from "hono/html";

export const takeoverParts = html`<p class="actions" data-takeover-offer hidden><button type="button" class="quiet" data-takeover aria-describedby="takeover-hint">接管编辑</button>
<span class="hint" id="takeover-hint">接管后，对方的编辑器会停止自动保存；谁先保存仍以版本为准，不会覆盖别人的改动。</span></p>
<section class="banner" data-taken hidden tabindex="-1" aria-labelledby="taken-title"><h2 id="taken-title">别人接管了这篇文章的编辑</h2>
<p data-taken-text></p>
<p class="actions"><button type="button" data-taken-copy>复制我的文字</button><a href="" data-taken-reopen>重新打开这篇文章</a></p></section>`;

// 版本对比 on the editor's page: the frame its script (client/lib/editor/revision-diff.ts) fills with two
// revisions side by side. Hidden until a person asks for a comparison in 版本记录; it needs the script.
import { html } from "hono/html";

export const revisionDiff = html`<section class="panel revision-diff" data-revision-diff hidden aria-labelledby="diff-title">
<h2 id="diff-title" tabindex="-1" data-diff-title>版本对比</h2>
<div class="diff-pick"><div class="field"><label for="diff-left">左栏：较早的版本</label><select id="diff-left" data-diff-left></select></div>
<div class="field"><label for="diff-right">右栏：较新的版本</label><select id="diff-right" data-diff-right></select></div></div>
<p class="hint">左栏中<del>加删除线</del>的文字是右栏没有的，右栏中<ins>加下划线</ins>的文字是左栏没有的；逐字比较。</p>
<div data-diff-out aria-live="polite"></div>
<p class="actions"><button type="button" data-diff-restore hidden>恢复此版本</button><button type="button" class="quiet" data-diff-close>关闭对比</button></p>
</section>`;

// 写稿's pictures in the body: the tools under 正文 (插入图片, 图片库), the uploads in progress, the pictures a
// paste could not bring in, and the two dialogs (替代文字 before a picture goes in; the image library). All
// hidden until the editor's script (client/lib/editor/images.ts) shows them: without it they could not work.
import { html } from "hono/html";
import { ALT_MAX, CAPTION_MAX } from "../../media/metadata.ts";
import { IMAGE_TYPES } from "../../media/sniff.ts";
import type { Html } from "../../render/layout.ts";

/** The file picker offers the types the upload path accepts (it still sniffs the bytes itself). */
const ACCEPT = Object.values(IMAGE_TYPES).join(",");

/** Under 正文: the tools, what is uploading now, and what a paste could not bring in. */
export const bodyImageTools: Html = html`<div class="body-tools" data-body-tools hidden>
<p class="actions"><button type="button" class="quiet" data-image-pick>插入图片</button><button type="button" class="quiet" data-library-open>从图片库选择</button></p>
<input type="file" accept="${ACCEPT}" data-image-file hidden>
<p class="count">也可以把图片拖到正文里，或直接粘贴图片；从 Word、WPS 或网页粘贴的内容会先整理成干净的格式。</p>
<ul class="uploads" data-uploads aria-label="图片上传" aria-live="polite"></ul>
<section class="banner" data-image-problems hidden tabindex="-1" aria-labelledby="image-problems-title"><h2 id="image-problems-title">粘贴的图片需要处理</h2>
<p>没能导入的图片在正文里留下了【图片未能导入】的标记：请重新插入图片，或删掉标记。</p>
<ul data-image-problem-list></ul>
<p class="actions"><button type="button" class="quiet" data-image-problems-close>知道了</button></p></section>
</div>`;

/** The dialogs, outside the form: what is typed in them is no part of the article. */
export const imageDialogs: Html = html`<dialog class="dialog" data-alt-dialog aria-labelledby="alt-title">
<form method="dialog" data-alt-form novalidate>
<h2 id="alt-title">插入图片：填写替代文字</h2>
<img class="alt-preview" data-alt-preview alt="">
<p class="hint" data-alt-file></p>
<div class="field"><label for="alt-text">替代文字（必填）</label>
<input id="alt-text" type="text" maxlength="${ALT_MAX}" required autocomplete="off" aria-describedby="alt-hint alt-error" data-alt-text>
<span class="count" id="alt-hint">说明图片里是什么，给看不见图片的读者。没有替代文字的图片不会插入正文。</span>
<span class="field-error" id="alt-error" data-alt-error></span></div>
<div class="field"><label for="alt-caption">图片说明（选填）</label>
<input id="alt-caption" type="text" maxlength="${CAPTION_MAX}" autocomplete="off" data-alt-caption></div>
<p class="actions"><button type="submit" value="insert">插入</button><button type="button" class="quiet" data-alt-cancel>取消</button></p>
</form>
</dialog>
<dialog class="dialog wide" data-library aria-labelledby="library-title">
<h2 id="library-title">图片库</h2>
<form class="library-search" data-library-search role="search" aria-label="搜索图片库">
<div class="field"><label for="library-q">按替代文字或图片说明搜索</label><input id="library-q" type="search" maxlength="100" autocomplete="off" data-library-q></div>
<button type="submit">搜索</button></form>
<p class="hint" data-library-state aria-live="polite"></p>
<ul class="library-list" data-library-list></ul>
<p class="actions"><button type="button" class="quiet" data-library-more hidden>加载更多</button><button type="button" class="quiet" data-library-close>关闭</button></p>
</dialog>`;

// Cleaning an old portal's body (src/content/legacy-html.ts): what editors of DedeCMS and PHPCMS
// left in them comes out as plain structure, Markdown leaves it alone, and the sanitizer has nothing to fight.
import { describe, expect, it } from "vitest";
import { renderBody } from "../src/content/markdown.ts";
import { cleanLegacyBody, cleanLine, imageSources, parseLegacyBody } from "../src/content/legacy-html.ts";

const KEY = `${"a".repeat(64)}.png`;
const clean = (html: string) =>
  cleanLegacyBody(html, {
    image: (src) => (src.startsWith("/uploads/") ? { url: `/media/${KEY}`, width: 600, height: 400 } : src.startsWith("https://") ? { url: src, width: null, height: null } : null),
    link: (href) => (/^javascript:/i.test(href) ? null : href.replace(/^http:\/\/www\.qinglan\.cn/, "")),
  });

describe("cleaning an old body", () => {
  it("drops inline styles, <font>, <span>, empty paragraphs and &nbsp; or full-width indents", () => {
    expect(
      clean(`<p style="text-indent:2em"><font face="宋体" color="#333">　　第一段。</font></p><p>&nbsp;</p><p><span style="font-size:14px">&nbsp;&nbsp;&nbsp;&nbsp;第二段<b>加粗</b>。</span></p><p>　</p>`),
    ).toBe("<p>第一段。</p>\n\n<p>第二段<strong>加粗</strong>。</p>");
  });

  it("splits <br>-separated paragraphs where a blank line or an indent says so, and keeps a plain line break", () => {
    expect(clean("　　甲。<br />　　乙。<br><br>丙，<br>丙续。")).toBe("<p>甲。</p>\n\n<p>乙。</p>\n\n<p>丙，<br>丙续。</p>");
  });

  it("unwraps a layout table of one cell and keeps a data table without its attributes", () => {
    expect(clean(`<table width="100%"><tr><td><p>正文。</p></td></tr></table><table border="1" style="x"><tr><th>项目</th><th colspan="2">数</th></tr><tr><td>甲</td><td>1</td><td>2</td></tr></table>`)).toBe(
      '<p>正文。</p>\n\n<table><tbody><tr><th>项目</th><th colspan="2">数</th></tr><tr><td>甲</td><td>1</td><td>2</td></tr></tbody></table>',
    );
  });

  it("makes a picture alone in its paragraph a Markdown image (a figure, sized from the store) and drops pictures that could not be stored", () => {
    const body = clean(`<p align="center"><a href="/uploads/big.jpg"><img src="/uploads/a.jpg" alt="1-2306.jpg" /></a></p><p>文中<img src="/uploads/b.jpg" alt="图">图。</p><p><img src="/missing.jpg"></p>`);
    expect(body).toBe(`![](/media/${KEY})\n\n<p>文中<img src="/media/${KEY}" alt="" width="600" height="400">图。</p>`);
    expect(renderBody(body).html).toContain(`<figure><img src="/media/${KEY}" alt=""`);
    expect(clean(`<figure><img src="https://img.example.com/a (1).jpg" alt="江[景]"><figcaption>岚江 "晨曦"</figcaption></figure>`)).toBe(
      '![江\\[景\\]](<https://img.example.com/a (1).jpg> "岚江 \\"晨曦\\"")',
    );
  });

  it("turns DedeCMS #p#…#e# and PHPCMS [page] breaks into one page, a titled break into a heading", () => {
    expect(clean("<p>一</p>#p#分页标题#e#<p>二</p>#p#第三部分#e#<p>三</p>[page]第四部分[/page]<p>四</p>[page]<p>五</p>")).toBe(
      "<p>一</p>\n\n<p>二</p>\n\n<h2>第三部分</h2>\n\n<p>三</p>\n\n<h2>第四部分</h2>\n\n<p>四</p>\n\n<p>五</p>",
    );
  });

  it("leaves no script, handler, frame or style, and no javascript: link", () => {
    const body = clean(
      `<p onclick="x()">文<script>alert(1)</script><a href="javascript:alert(1)">链</a></p><iframe src="http://e/"></iframe><style>p{}</style><svg onload="x()"></svg><img src="x" onerror="alert(1)"><object data="f.swf"></object>`,
    );
    expect(body).toBe("<p>文链</p>");
    expect(renderBody(body).html).toBe("<p>文链</p>");
  });

  it("keeps text that looks like Markdown as text: every block is raw HTML on its own lines", () => {
    const body = clean("<p>*不是斜体* [不是链接](x) # 不是标题</p><div>1. 不是列表</div>");
    expect(renderBody(body).html).toBe("<p>*不是斜体* [不是链接](x) # 不是标题</p>\n<p>1. 不是列表</p>");
  });

  it("finds the pictures a body shows, to store them first", () => {
    expect(imageSources(parseLegacyBody(`<p><img src=" /uploads/a.jpg "><img src="/uploads/a.jpg"></p><script><img src="/no.jpg"></script>#p#<img src="/b.gif">#e#`))).toEqual(["/uploads/a.jpg"]);
  });

  it("reads a one-line field: entities decoded, tags and runs of space gone", () => {
    expect(cleanLine(" 全市&quot;两新&quot;组织<font color=red>党建</font>&amp;发展　推进会 ")).toBe('全市"两新"组织党建&发展 推进会');
  });

  it("cleans a body or a line nested thousands of tags deep (pasted Word, a broken editor) instead of overflowing the stack", () => {
    const deep = `<p>${"<font><span>".repeat(10_000)}深处的字<img src="/uploads/deep.jpg"><script>alert(1)</script>${"</span></font>".repeat(10_000)}</p><p>下一段</p>`;
    expect(imageSources(parseLegacyBody(deep))).toEqual(["/uploads/deep.jpg"]);
    expect(clean(deep)).toBe(`<p>深处的字<img src="/media/${KEY}" alt="" width="600" height="400"></p>\n\n<p>下一段</p>`);
    expect(cleanLine(`${"<b>".repeat(20_000)}标题`)).toBe("标题");
  });
});

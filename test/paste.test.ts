// Pasting from Word, WPS or a web page (src/content/paste.ts, POST /api/v1/admin/paste): the clipboard's HTML
// becomes Markdown a person can edit, cleaned as the importer cleans old bodies, and every picture is listed
// with what the editor must do to bring it in.
import { describe, expect, it } from "vitest";
import { renderBody } from "../src/content/markdown.ts";
import { pasteToMarkdown } from "../src/content/paste.ts";
import { cleanBlocksToMarkdown } from "../src/content/html-markdown.ts";
import word from "./fixtures/paste/word.html?raw";
import { makeKey } from "./keys-fixture.ts";
import { DESK_HEADERS, fetchApp, makePerson } from "./staff-fixture.ts";

const ORIGIN = "http://localhost";
const KEY = `${"b".repeat(64)}.png`;

describe("a paste from Word", () => {
  const pasted = pasteToMarkdown(word, ORIGIN);

  it("keeps the text and its bold and italic, without styles, fonts, <o:p>, empty paragraphs, indents or the layout table", () => {
    expect(pasted.markdown).toBe(
      [
        "**岚江新区今年新开工项目86个**",
        "本报讯（记者 林晓）3月12日，记者从岚江新区管委会获悉，今年新区计划新开工项目86个，总投资**超过420亿元**。",
        "新区有关负责人介绍，项目涵盖*先进制造*、现代服务和城市更新三大领域。",
        "一季度已开工项目23个，其中重点项目9个。",
        "![](paste:1)",
        "![项目效果图](paste:2)",
        "详见[新区项目公示](https://www.qinglan.gov.example/xmgs/2024.html)，见上文。![施工现场](paste:3)",
        "<table><tbody><tr><td><strong>领域</strong></td><td><strong>项目数</strong></td></tr><tr><td>先进制造</td><td>41</td></tr></tbody></table>",
        "\\#标签 不是标题，\\*也不是强调\\*，1. 也不是列表。",
      ].join("\n\n"),
    );
    expect(pasted.markdown).not.toMatch(/mso-|o:p|font|style|　|&nbsp;|\u00a0/);
  });

  it("lists every picture once, by what the editor must do, under the placeholder the Markdown names", () => {
    expect(pasted.images.map((i) => [i.kind, i.placeholder])).toEqual([
      ["local", "paste:1"],
      ["embedded", "paste:2"],
      ["remote", "paste:3"],
    ]);
    expect(pasted.images[0]?.src).toBe("file:///C:/Users/linxiao/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg");
    expect(pasted.images[1]?.src).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(pasted.images[2]?.src).toBe("https://img.example.com/photos/site.jpg");
  });

  it("renders as the paragraphs, emphasis, link and table a reader would see, text that looks like Markdown staying text", () => {
    const html = renderBody(pasted.markdown).html;
    expect(html).toContain("<p>本报讯（记者 林晓）3月12日");
    expect(html).toContain("<strong>超过420亿元</strong>");
    expect(html).toContain("<em>先进制造</em>");
    expect(html).toContain('<a href="https://www.qinglan.gov.example/xmgs/2024.html" rel="noopener noreferrer">新区项目公示</a>');
    expect(html).toContain("<p>#标签 不是标题，*也不是强调*，1. 也不是列表。</p>");
    expect(html).toContain("<td><strong>领域</strong></td>");
  });
});

describe("pasted web pages", () => {
  it("keeps bold and italic that a page gave only by style, and drops Google Docs' not-bold <b> around everything", () => {
    const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">要闻</span><span style="font-style:italic">一则</span>，H<span style="vertical-align:sub">2</span>O</p></b>`;
    expect(pasteToMarkdown(html, ORIGIN).markdown).toBe("**要闻***一则*，H<sub>2</sub>O");
    expect(renderBody(pasteToMarkdown(html, ORIGIN).markdown).html).toBe("<p><strong>要闻</strong><em>一则</em>，H<sub>2</sub>O</p>");
  });

  it("makes headings, lists, quotes, rules, code and line breaks Markdown, and a headed table a GFM table", () => {
    const html = `<h1>标题</h1><h3>小标题 #</h3><ul><li>甲<ul><li>甲一</li></ul></li><li>乙</li></ul><ol><li>一</li><li>二</li></ol>
      <blockquote><p>引文第一段</p><p>第二段</p></blockquote><hr><pre>code *x*\n\nmore</pre><p>第一行<br>第二行</p>
      <table><tr><th>城市</th><th>数量</th></tr><tr><td>岚江|东</td><td>3</td></tr></table>`;
    const md = pasteToMarkdown(html, ORIGIN).markdown;
    expect(md).toBe(
      [
        "## 标题",
        "### 小标题 \\#",
        "- 甲\n  - 甲一\n- 乙",
        "1. 一\n2. 二",
        "> 引文第一段\n>\n> 第二段",
        "---",
        "```\ncode *x*\n\nmore\n```",
        "第一行\\\n第二行",
        "| 城市 | 数量 |\n| --- | --- |\n| 岚江\\|东 | 3 |",
      ].join("\n\n"),
    );
    const rendered = renderBody(md).html;
    expect(rendered).toContain("<h2>标题</h2>");
    expect(rendered).toContain("<h3>小标题 #</h3>");
    expect(rendered).toContain("<ul>\n<li>甲\n<ul>\n<li>甲一</li>");
    expect(rendered).toContain("<blockquote>\n<p>引文第一段</p>\n<p>第二段</p>\n</blockquote>");
    expect(rendered).toContain("<pre><code>code *x*\n\nmore\n</code></pre>");
    expect(rendered).toContain("<p>第一行<br />\n第二行</p>");
    expect(rendered).toContain("<td>岚江|东</td>");
  });

  it("keeps a table with merged cells as HTML, and links only to the web, mail, telephone and this site", () => {
    const md = pasteToMarkdown(
      `<table><tr><th colspan="2">合计</th></tr><tr><td>1</td><td>2</td></tr></table><p><a href="javascript:alert(1)">甲</a><a href="#_Toc1">乙</a><a href="file:///c:/x.doc">丙</a><a href="//example.com/a">丁</a><a href="/html/xw/1.html">戊</a></p>`,
      ORIGIN,
    ).markdown;
    expect(md).toBe('<table><tbody><tr><th colspan="2">合计</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>\n\n甲乙丙[丁](https://example.com/a)[戊](/html/xw/1.html)');
  });

  it("keeps this site's stored pictures as they are and lists the rest, each source once", () => {
    const html = `<p><img src="${ORIGIN}/media/${KEY}" alt="已有"></p><p><img src="/media/${KEY}"></p><p><img src="https://a.example/x.jpg"><img src="https://a.example/x.jpg"></p><p><img src="images/y.png"><img src="blob:https://a.example/1"></p>`;
    const pasted = pasteToMarkdown(html, ORIGIN);
    expect(pasted.markdown).toBe(`![已有](/media/${KEY})\n\n![](/media/${KEY})\n\n![](paste:1)![](paste:1)\n\n![](paste:2)![](paste:3)`);
    expect(pasted.images.map((i) => [i.kind, i.src])).toEqual([
      ["remote", "https://a.example/x.jpg"],
      ["local", "images/y.png"],
      ["local", "blob:https://a.example/1"],
    ]);
  });

  it("escapes what would read as Markdown, so pasted text stays the text it was", () => {
    const text = "1. 不是列表 <b>x</b> [a](b) `c` _d_ ~~e~~ &copy; \\ | > 引";
    const md = cleanBlocksToMarkdown([`<p>${text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</p>`]);
    expect(renderBody(md).html).toBe(`<p>${text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")}</p>`);
  });
});

describe("POST /api/v1/admin/paste", () => {
  it("answers the Markdown and the pictures to anyone who may write, a person at the desk included", async () => {
    const author = await makePerson("author");
    const res = await fetchApp("/api/v1/admin/paste", {
      method: "POST",
      headers: { ...DESK_HEADERS, Cookie: author.cookie },
      body: JSON.stringify({ html: word }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { markdown: string; images: { kind: string }[] };
    expect(body.markdown).toContain("总投资**超过420亿元**");
    expect(body.images.map((i) => i.kind)).toEqual(["local", "embedded", "remote"]);
  });

  it("refuses a body that is not {html}, and one over its limit before reading it", async () => {
    const { headers } = await makeKey("author");
    const post = (body: string, extra: Record<string, string> = {}) =>
      fetchApp("/api/v1/admin/paste", { method: "POST", headers: { ...headers, "Content-Type": "application/json", ...extra }, body });
    expect((await post(JSON.stringify({ text: "x" }))).status).toBe(400);
    expect((await post(JSON.stringify({ html: 1 }))).status).toBe(400);
    const big = await post("{}", { "Content-Length": String(17 * 1024 * 1024) });
    expect(big.status).toBe(413);
  });
});

// What a hostile or merely unlucky clipboard does to POST /api/v1/admin/paste (src/content/paste.ts): found by
// attacking the paste path. Text of the paste must reach the Markdown, and the Markdown must say what the
// page said once rendered; these cases lose or change the person's text without a word.
import { describe, expect, it } from "vitest";
import { htmlToText, renderBody } from "../src/content/markdown.ts";
import { pasteToMarkdown } from "../src/content/paste.ts";

const ORIGIN = "http://localhost";

const renderedText = (html: string) => htmlToText(renderBody(pasteToMarkdown(html, ORIGIN).markdown).html);

describe("a paste of tables nested deeper than the cleaner walks", () => {
  it("keeps the innermost text (a page of layout tables in layout tables)", () => {
    // 22 tables deep: the element at the cleaner's depth bound (64) is a <table>, whose flattened text is dropped.
    const depth = 22;
    const html = `${"<table><tr><td>外层".repeat(depth)}正文内容${"</td></tr></table>".repeat(depth)}`;
    const text = renderedText(html);
    expect(text.match(/外层/g)?.length).toBe(depth);
    expect(text).toContain("正文内容");
  });

  it("keeps the text of a table nested a thousand deep", () => {
    const html = `${"<table><tr><td>".repeat(1000)}最里面的一句话${"</td></tr></table>".repeat(1000)}`;
    expect(renderedText(html)).toContain("最里面的一句话");
  });
});

describe("a paste with two pieces of code side by side", () => {
  it("renders them as the page showed them, without backticks in the text", () => {
    // <code>npm</code><code>install</code>: each becomes a code span; side by side, their fences run together.
    const html = "<p>运行<code>npm</code><code>install</code>即可。</p>";
    expect(renderedText(html)).toBe("运行npminstall即可。");
  });
});

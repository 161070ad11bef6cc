// The pure parts of the reader site: URL grammar, page windows, cursors, the section tree, the error page.
import { describe, expect, it } from "vitest";
import type { Section } from "../src/domain/section.ts";
import { parseHtmlPath } from "../src/content/html-paths.ts";
import * as v from "valibot";
import { Cursor, KeyNumber, encodeCursor } from "../src/http/list-query.ts";
import { pageWindow } from "../src/render/pagination.ts";
import { sectionTreeJson } from "../src/render/section-json.ts";
import { renderErrorPage } from "../src/render/error-page.ts";
import { summaryOf } from "../src/render/article-list.ts";
import { one, select } from "./html.ts";

describe("parseHtmlPath", () => {
  it.each([
    ["/html/xw/dzyw/88594.html", { kind: "article", sectionPath: "xw/dzyw", id: 88594 }],
    ["/html/xw/1.html", { kind: "article", sectionPath: "xw", id: 1 }],
    ["/html/xw/9007199254740991.html", { kind: "article", sectionPath: "xw", id: 9007199254740991 }],
    ["/html/xw/dzyw/", { kind: "section", sectionPath: "xw/dzyw", page: 1 }],
    ["/html/xw/index_2.html", { kind: "section", sectionPath: "xw", page: 2 }],
    ["/html/xw/index_999999.html", { kind: "section", sectionPath: "xw", page: 999999 }],
    ["/html/xw", { kind: "section-alias", sectionPath: "xw" }],
    ["/html/xw/2023", { kind: "section-alias", sectionPath: "xw/2023" }],
    ["/html/xw/index.html", { kind: "section-alias", sectionPath: "xw" }],
    ["/html/xw/index_1.html", { kind: "section-alias", sectionPath: "xw" }],
  ])("reads %s", (path, expected) => {
    expect(parseHtmlPath(path)).toEqual(expected);
  });

  it.each([
    "/html", "/html/", "/html/1.html", "/html/xw/0.html", "/html/xw/01.html", "/html/xw/9007199254740992.html",
    "/html/xw/12345678901234567.html", "/html/xw/index_0.html", "/html/xw/index_01.html", "/html/xw/index_1000000.html",
    "/html/xw/a.html", "/html/新/", "/html/xw/%ff.html", "/html/Xw/", "/html/xw//", "/html//xw/", "/html/xw/1.html/",
    "/html/a/b/c/d/e/", "/xw/1.html",
  ])("refuses %s", (path) => {
    expect(parseHtmlPath(path)).toBeNull();
  });
});

describe("pageWindow", () => {
  it("shows both ends and two pages each side of the current one, with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(6, 50)).toEqual([1, null, 4, 5, 6, 7, 8, null, 50]);
    expect(pageWindow(1, 50)).toEqual([1, 2, 3, null, 50]);
    expect(pageWindow(50, 50)).toEqual([1, null, 48, 49, 50]);
    // A gap of one page shows the page instead of an ellipsis.
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe("list cursor", () => {
  const PublishedCursor = Cursor(v.strictTuple([KeyNumber, KeyNumber]));
  const decode = (text: string) => {
    const parsed = v.safeParse(PublishedCursor, text);
    return parsed.success ? parsed.output : null;
  };

  it("round-trips and is opaque base64url", () => {
    const text = encodeCursor([1_685_637_000_000, 88594]);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decode(text)).toEqual([1_685_637_000_000, 88594]);
    expect(decode(encodeCursor([0, Number.MAX_SAFE_INTEGER]))).toEqual([0, Number.MAX_SAFE_INTEGER]);
  });

  it("carries text keys such as a media key", () => {
    const key = `${"a".repeat(64)}.jpg`;
    const parsed = v.safeParse(Cursor(v.strictTuple([KeyNumber, v.string()])), encodeCursor([1, key]));
    expect(parsed.success && parsed.output).toEqual([1, key]);
  });

  it.each([
    "", "=", "a", "YWJj", "a".repeat(201),
    encodeCursor([1]), encodeCursor([1, 2, 3]), encodeCursor([-1, 2]), encodeCursor([1.5, 2]), encodeCursor(["1", 2]),
    encodeCursor([Number.MAX_SAFE_INTEGER + 2, 1]), btoa("not json"), btoa('{"a":1}'),
  ])("refuses %j", (text) => {
    expect(decode(text)).toBeNull();
  });
});

describe("sectionTreeJson", () => {
  const section = (id: number, path: string, parentId: number | null, sortOrder = 0): Section => ({
    id, path, slug: path.split("/").pop() ?? path, name: path.toUpperCase(), parentId, sortOrder, description: "", changedAt: 0,
  });

  it("nests children under their parents, keeping the given order", () => {
    const tree = sectionTreeJson([section(2, "b", null), section(1, "a", null), section(4, "a/y", 1), section(3, "a/x", 1), section(5, "a/x/z", 3)]);
    expect(tree.map((n) => n.path)).toEqual(["b", "a"]);
    expect(tree[1]?.children.map((n) => n.path)).toEqual(["a/y", "a/x"]);
    expect(tree[1]?.children[1]?.children).toEqual([{ path: "a/x/z", name: "A/X/Z", url: "/html/a/x/z/", children: [] }]);
  });
});

describe("summaryOf", () => {
  it("prefers the summary and falls back to an excerpt of the body", () => {
    expect(summaryOf({ summary: "摘要", bodyStart: "正文" })).toBe("摘要");
    expect(summaryOf({ summary: "", bodyStart: "一句。\n两句。" })).toBe("一句。 两句。");
    expect(summaryOf({ summary: "", bodyStart: "" })).toBe("");
  });
});

describe("renderErrorPage", () => {
  it("is a whole page in the site's look, with the message escaped", async () => {
    const html = String(await renderErrorPage({ siteName: "青岚传媒网", status: 404, message: "<b>没有</b> & 找到" }));
    expect((await one(html, "html")).attrs.lang).toBe("zh-CN");
    expect((await one(html, "title")).text).toBe("您访问的页面不存在 - 青岚传媒网");
    expect((await one(html, ".status")).text).toBe("404");
    expect(html).toContain("&lt;b&gt;没有&lt;/b&gt; &amp; 找到");
    expect((await one(html, 'link[rel="stylesheet"]')).attrs.href).toMatch(/^\/assets\/site\.[0-9a-f]{8}\.css$/);
    expect((await select(html, 'a[href="/"]')).length).toBeGreaterThan(0);
    expect(await select(html, 'link[rel="canonical"]')).toHaveLength(0);
  });

  it("names server errors without details", async () => {
    const html = String(await renderErrorPage({ siteName: "站", status: 503, message: "稍后再试" }));
    expect((await one(html, "h1")).text).toBe("服务暂时不可用");
  });
});

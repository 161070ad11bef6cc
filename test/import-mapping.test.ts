// How the importer reads an old system's fields (scripts/import/): bylines from 作者, DedeCMS's page names,
// and the section tree's paths. Pure rules.
import { describe, expect, it } from "vitest";
import { parseBylines } from "../scripts/import/bylines.ts";
import { dd2char, expandTypedir, staticArticlePath } from "../scripts/import/dedecms/urls.ts";
import { type OldSection, planSections, slugOf } from "../scripts/import/sections/plan.ts";

describe("bylines from an old 作者 field", () => {
  it("reads names with the role written before them, 作者 when none is", () => {
    expect(parseBylines("记者 林晓 通讯员 王芳")).toEqual([
      { name: "林晓", role: "记者" },
      { name: "王芳", role: "通讯员" },
    ]);
    expect(parseBylines("本报记者林晓、陈静")).toEqual([
      { name: "林晓", role: "记者" },
      { name: "陈静", role: "记者" },
    ]);
    expect(parseBylines("文/图 李明")).toEqual([{ name: "李明", role: "文/图" }]);
    expect(parseBylines("王芳/陈静")).toEqual([
      { name: "王芳", role: "作者" },
      { name: "陈静", role: "作者" },
    ]);
    expect(parseBylines("责编：邓文")).toEqual([{ name: "邓文", role: "责任编辑" }]);
  });

  it("leaves out placeholders", () => {
    expect(parseBylines("admin")).toEqual([]);
    expect(parseBylines("佚名")).toEqual([]);
    expect(parseBylines("")).toEqual([]);
  });
});

describe("DedeCMS's static page names (GetFileName)", () => {
  const a = { id: 88594, senddate: Date.parse("2023-06-01T23:30:00+08:00") / 1000, filename: "" };

  it("fills the rule with the typedir and the day it was sent, in Beijing time", () => {
    expect(staticArticlePath("{typedir}/{Y}/{M}{D}/{aid}.html", "/a/xinwen", a)).toBe("/a/xinwen/2023/0601/88594.html");
    expect(staticArticlePath("{typedir}/{Y}{M}{D}/{aid}.html", "/html/xw", a)).toBe("/html/xw/20230601/88594.html");
    expect(staticArticlePath("{typedir}/{timestamp}.html", "/a", a)).toBe(`/a/${a.senddate}.html`);
    expect(staticArticlePath("", "/a/x", a)).toBe("/a/x/20230601/88594.html");
  });

  it("uses the article's own file name, the {cc} rule, and gives up on {pinyin}", () => {
    expect(staticArticlePath("{typedir}/{Y}{M}/{aid}.html", "/a/wl", { ...a, filename: "yangmei" })).toBe("/a/wl/202306/yangmei.html");
    // Digit pairs that spell a letter's code become the letter: 88 is X.
    expect(dd2char("0601885942023")).toBe("0601X5942023");
    expect(staticArticlePath("{typedir}/{pinyin}.html", "/a", a)).toBeNull();
    expect(expandTypedir("{cmspath}/html//xw", "/dede")).toBe("/dede/html/xw");
  });
});

describe("the section tree's paths", () => {
  const s = (legacyId: number, parentLegacyId: number | null, dir: string, extra: Partial<OldSection> = {}): OldSection => ({
    legacyId, parentLegacyId, dir, name: `栏目${legacyId}`, sortOrder: legacyId, description: "", oldDirs: [], ...extra,
  });

  it("makes slugs SECTION_PATH accepts from old directory names", () => {
    expect(slugOf("Min_Sheng")).toBe("min-sheng");
    expect(slugOf("新闻")).toBeNull();
    expect(slugOf("--a.b c--")).toBe("a-b-c");
  });

  it("builds paths from the parents', and tells siblings with the same slug apart", () => {
    const { planned } = planSections([s(1, null, "xw"), s(2, 1, "dzyw"), s(3, 1, "DZYW"), s(4, null, "新闻"), s(5, 99, "orphan")]);
    expect(planned.map((p) => [p.legacyId, p.path])).toEqual([
      [1, "xw"], [2, "xw/dzyw"], [3, "xw/dzyw-3"], [4, "c4"], [5, "orphan"],
    ]);
  });

  it("never gives two siblings one path, even when a sibling's own slug is the twin's fallback", () => {
    // 6 is x-7 itself, 7 falls back to x-7; 9 (no slug from 新闻) falls back to c9, which 8 is.
    const { planned } = planSections([
      s(6, null, "x-7", { sortOrder: 1 }), s(5, null, "x", { sortOrder: 2 }), s(7, null, "x", { sortOrder: 3 }),
      s(8, null, "c9", { sortOrder: 4 }), s(9, null, "新闻", { sortOrder: 5 }), s(10, null, "c9", { sortOrder: 6 }),
    ]);
    expect(planned.map((p) => [p.legacyId, p.path])).toEqual([
      [6, "x-7"], [5, "x"], [7, "x-7-2"], [8, "c9"], [9, "c9-9"], [10, "c9-10"],
    ]);
  });

  it("keeps the first of two rows with one section id, and reports the other", () => {
    const { planned, skipped } = planSections([s(1, null, "xw"), s(2, null, "ty"), s(1, null, "cj", { name: "财经" }), s(3, 1, "dzyw")]);
    expect(planned.map((p) => [p.legacyId, p.path])).toEqual([[1, "xw"], [3, "xw/dzyw"], [2, "ty"]]);
    expect(skipped).toEqual([{ legacyId: 1, name: "财经", reason: "a second row with section id 1: only the first is imported" }]);
  });

  it("skips a section and everything under it, with why", () => {
    const { planned, skipped } = planSections([s(1, null, "xw"), s(2, null, "links", { skip: "a link" }), s(3, 2, "sub")]);
    expect(planned.map((p) => p.path)).toEqual(["xw"]);
    expect(skipped).toEqual([
      { legacyId: 2, name: "栏目2", reason: "a link" },
      { legacyId: 3, name: "栏目3", reason: "its parent section 2 is not imported" },
    ]);
  });

  it("merges sections deeper than four levels into their ancestor at the fourth", () => {
    const { planned } = planSections([s(1, null, "a"), s(2, 1, "b"), s(3, 2, "c"), s(4, 3, "d"), s(5, 4, "e"), s(6, 5, "f")]);
    expect(planned.map((p) => [p.legacyId, p.path, p.mergedInto])).toEqual([
      [1, "a", undefined], [2, "a/b", undefined], [3, "a/b/c", undefined], [4, "a/b/c/d", undefined], [5, "a/b/c/d", 4], [6, "a/b/c/d", 4],
    ]);
  });
});

// What importing the PHPCMS v9 fixture (岚江网, test/fixtures/dumps/phpcms-*.sql, a phpMyAdmin export)
// must give, whatever its encoding: the spec both import-phpcms-*.test.ts files run, each in its own database.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArticle } from "../src/db/article-load.ts";
import type { ImportSummary } from "../scripts/import/report.ts";
import { get, one, page, select, texts } from "./html.ts";
import { getTopic } from "../src/db/topics.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";
import { importDump, slotsNow, tableCounts } from "./import-fixture.ts";

const SITE = env.SITE_NAME;

async function redirectOf(path: string): Promise<string | null> {
  const res = await get(path);
  if (res.status === 404) return null;
  expect(res.status, path).toBe(301);
  return res.headers.get("Location");
}

export function describePhpcmsImport(fixture: string, encoding: string) {
  describe(`importing the PHPCMS fixture in ${encoding}`, () => {
    let summary: ImportSummary;
    beforeAll(async () => {
      summary = await importDump("phpcms", fixture);
    });

    it("reads the dump in its own encoding and reports what it did", () => {
      expect(summary.encoding).toBe(`SET NAMES ${encoding}`);
      expect(summary.prefix).toBe("v9_");
      expect(summary.sections.created).toBe(3);
      expect(summary.sections.skipped.map((s) => [s.legacyId, s.reason])).toEqual([
        [10, "not a news category (model 3)"],
        [11, "a link to http://www.gov.example/, not a section"],
        [9, "a single page (单网页), not a section"],
      ]);
      expect(summary.articles).toMatchObject({ rows: 8, published: 4, submitted: 1, drafts: 0 });
      expect(summary.articles.submittedReasons).toEqual({ "waiting for review (status 1)": 1 });
      expect(Object.fromEntries(summary.articles.skipped.map((s) => [s.id, s.reason]))).toEqual({
        105: "a link to http://www.example.com/x.html, not an article",
        106: "its section 10 (图片) is not imported: not a news category (model 3)",
        107: "a date that does not exist (inputtime 0)",
      });
    });

    it("makes the sections from v9_category, paths from catdir", async () => {
      type Node = { path: string; name: string; children: Node[] };
      const tree = ((await (await get("/api/v1/sections")).json()) as { items: Node[] }).items;
      const shape = (nodes: Node[]): unknown => nodes.map((n) => [n.path, n.name, shape(n.children)]);
      expect(shape(tree)).toEqual([["news", "新闻", [["news/local-news", "本地", []], ["news/china", "国内", []]]]]);
    });

    it("keeps id, section, title, times in Beijing time, source from copyfrom, bylines from author, and the thumb as cover", async () => {
      const html = await page("/html/news/local-news/101.html");
      expect((await one(html, "h1")).text).toBe("岚江大桥主体工程完工");
      expect(await texts(html, "nav.crumbs li")).toEqual([SITE, "新闻", "本地", "正文"]);
      expect((await one(html, ".story-meta")).text).toBe("来源：岚江日报2023年06月02日");
      expect((await one(html, ".story-meta time")).attrs.datetime).toBe("2023-06-02T10:15:00+08:00");
      expect(await texts(html, ".credits span")).toEqual(["记者 周宁"]);
      // The EXIF-turned JPEG is shown at the size it displays at.
      const cover = await one(html, "figure.cover img");
      expect([cover.attrs.width, cover.attrs.height]).toEqual(["3", "8"]);
      const article = (await loadArticle(env.DB, 101))?.article;
      expect(article?.updatedAt).toBe(Date.parse("2023-06-02T11:00:00+08:00"));
      expect((await loadArticle(env.DB, 102))?.article.source).toBe("本站");
      // Status 1, the first step of PHPCMS's review: waiting in the editors' queue here.
      expect((await loadArticle(env.DB, 104))?.article.status).toBe("submitted");
    });

    it("shows 上一篇 / 下一篇 within the section", async () => {
      const around = async (url: string) => (await select(await page(url), "nav.neighbours li")).map((li) => li.text);
      expect(await around("/html/news/local-news/101.html")).toEqual(["上一篇：没有了", "下一篇：夜市烟火气回来了"]);
      expect(await around("/html/news/local-news/102.html")).toEqual(["上一篇：岚江大桥主体工程完工", "下一篇：没有了"]);
    });

    it("cleans the bodies, turns [page] breaks into one page, rewrites pictures and the site's own links", async () => {
      const html = await page("/html/news/local-news/101.html");
      expect(await texts(html, ".story-body h2")).toEqual(["施工亮点"]);
      const img = await one(html, ".story-body figure img");
      expect(img.attrs.src).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
      expect([img.attrs.width, img.attrs.height]).toEqual(["50", "50"]);
      const stored = (await loadArticle(env.DB, 101))?.article.bodyHtml ?? "";
      for (const bad of ["<script", "document.write", "style=", "&nbsp;", "uploadfile"]) expect(stored, bad).not.toContain(bad);
      const link = await one(html, ".story-body a");
      expect(link.attrs.href).toBe("/index.php?m=content&c=index&a=show&catid=8&id=103");
      expect(await redirectOf(link.attrs.href as string)).toBe("/html/news/china/103.html");
      expect(await texts(await page("/html/news/local-news/102.html"), ".story-body p")).toEqual([
        "晚上七点，滨江夜市的灯一盏盏亮起。",
        "摊主们说，今年的客流比去年多了三成。",
      ]);
      expect(await texts(await page("/html/news/108.html"), ".story-body p")).toEqual(["岚江网新版今日上线，新增老字号誠記专栏。"]);
      expect(summary.images).toMatchObject({ stored: 2, missing: [], refused: [] });
    });

    it("answers every old URL form with a 301 to the canonical one", async () => {
      const cases: [string, string | null][] = [
        ["/index.php?m=content&c=index&a=show&catid=7&id=101", "/html/news/local-news/101.html"],
        ["/index.php?a=show&id=102", "/html/news/local-news/102.html"],
        ["/index.php?m=content&c=index&a=lists&catid=7", "/html/news/local-news/"],
        ["/index.php?m=content&c=index&a=lists&catid=8&page=3", "/html/news/china/"],
        ["/index.php?m=content&c=index&a=show&catid=7&id=104", null],
        ["/html/news/local_news/2023/0602/101.html", "/html/news/local-news/101.html"],
        ["/html/news/local_news/2023/0602/101_2.html", "/html/news/local-news/101.html"],
        ["/html/news/local_news/", "/html/news/local-news/"],
        ["/html/news/local_news/index.html", "/html/news/local-news/"],
        ["/html/news/2023/0605/108.html", "/html/news/108.html"],
        ["/show-7-102-1.html", "/html/news/local-news/102.html"],
        ["/list-7-2.html", "/html/news/local-news/"],
      ];
      for (const [old, canonical] of cases) expect(await redirectOf(old), old).toBe(canonical);
    });

    it("prints the old URL patterns it saw", () => {
      const served = summary.urls.filter((u) => u.served).map((u) => u.pattern);
      expect(served).toEqual(
        expect.arrayContaining([
          "/index.php?m=content&c=index&a=show&catid={catid}&id={id}",
          "/index.php?m=content&c=index&a=lists&catid={catid}",
          "/html/news/local_news/{n}/{n}/{id}.html",
        ]),
      );
      expect(summary.urls.filter((u) => !u.served)).toEqual([]);
    });

    it("keeps v9_position as slots: by name the home page's, the others by posid, items in listorder, expired ones out; bold from style", async () => {
      expect(summary.curation).toMatchObject({ slots: 3, items: 4, beyond: [], expired: 1, kept: [] });
      expect(summary.curation.refused.map((r) => [r.slot, r.articleId])).toEqual([["pos-9", 104]]);
      expect(await slotsNow(["toutiao", "huandeng", "pos-9", "pos-12"])).toEqual({ toutiao: [102, 108], huandeng: [101], "pos-9": [108], "pos-12": null });
      const home = await page("/");
      expect(await texts(home, ".top-story h3")).toEqual(["夜市烟火气回来了", "岚江网改版上线"]);
      expect(await texts(home, `section[aria-labelledby="slot-pos-9"] h2`)).toEqual(["网站顶部推荐"]);
      expect(await texts(home, ".headlines strong")).toContain("夜市烟火气回来了");
    });

    it("keeps v9_special as topics: groups from v9_type (module special) in listorder, members from v9_special_content's curl, the rest reported", async () => {
      expect(summary.topics).toMatchObject({ created: 2, articles: 5, kept: [] });
      expect(summary.topics.unmapped.map((u) => [u.legacyId, u.entry, u.reason])).toEqual([
        [1, "entry 3 (大桥建设者群像)", "an article written inside the 专题 (isdata 1, its body in v9_special_c_data), not an article of the site: not imported"],
        [3, "the 专题", "disabled on the old site (disabled 1)"],
        [1, "article 999", "no article 999 here (not in the dump, or not imported)"],
      ]);
      const bridge = await getTopic(env.DB, "lanjiang-bridge");
      expect(bridge).toMatchObject({ title: "岚江大桥通车", introText: "从开工到通车，岚江大桥建设全程记录。" });
      expect(bridge?.banner).toMatch(/^[0-9a-f]{64}\.jpg$/);
      expect(bridge?.groups.map((g) => [g.name, g.members])).toEqual([["大桥要闻", 2], ["图片报道", 0]]);
      expect((await getTopic(env.DB, "zt-2"))?.groups.map((g) => [g.name, g.members])).toEqual([["夜市", 2], ["网站动态", 1]]);
      const night = await page("/special/zt-2/");
      expect(await texts(night, ".topic-groups li")).toEqual(["夜市", "网站动态"]);
      // 104 waits for review: a member, listed once it is published.
      expect(await texts(night, ".item h3")).toEqual(["夜市烟火气回来了", "岚江网改版上线"]);
    });

    it("answers the 专题's old URLs, dynamic and static, with a 301 to its topic", async () => {
      const cases: [string, string | null][] = [
        ["/index.php?m=special&c=index&id=1", "/special/lanjiang-bridge/"],
        ["/index.php?m=special&c=index&id=2", "/special/zt-2/"],
        ["/index.php?m=special&c=index&a=type&specialid=2&typeid=53", "/special/zt-2/"],
        ["/special/LanJiang_Bridge/", "/special/lanjiang-bridge/"],
        ["/special/LanJiang_Bridge/index.html", "/special/lanjiang-bridge/"],
        ["/index.php?m=special&c=index&id=3", null],
      ];
      for (const [old, canonical] of cases) expect(await redirectOf(old), old).toBe(canonical);
      const served = Object.fromEntries(summary.urls.filter((u) => u.served).map((u) => [u.pattern, u.count]));
      expect(served).toMatchObject({ "/index.php?m=special&c=index&id={id}": 2, "v9_special.url (static 专题 pages)": 1 });
    });

    it("imports nothing the second time", async () => {
      const before = await tableCounts();
      const again = await importDump("phpcms", fixture);
      expect(again.articles).toMatchObject({ published: 0, submitted: 0, drafts: 0, unchanged: 5 });
      expect(again.topics).toMatchObject({ created: 0, kept: ["lanjiang-bridge", "zt-2"] });
      expect(await tableCounts()).toEqual(before);
    });

    it("lets a deleted topic take its old URLs with it: the cached 301 is purged and the old URL answers 404", async () => {
      const old = "/index.php?m=special&c=index&id=2";
      expect(await redirectOf(old)).toBe("/special/zt-2/");
      expect((await get(old)).headers.get("X-Cache")).toBe("HIT");
      const editor = await makeKey("editor");
      const gone = await settledFetch("http://localhost/api/v1/admin/topics/zt-2", { method: "DELETE", headers: { ...editor.headers, "If-Match": "*" } });
      expect(gone.status).toBe(204);
      expect(await redirectOf(old)).toBeNull();
    });
  });
}

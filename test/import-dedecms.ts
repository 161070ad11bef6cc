// What importing the DedeCMS 5.7 fixture (青岚网, test/fixtures/dumps/dedecms-*.sql) must give, whatever
// its encoding: the spec both import-dedecms-*.test.ts files run, each in its own fresh database.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadArticle } from "../src/db/article-load.ts";
import { articleUrl } from "../src/content/urls.ts";
import type { ImportSummary } from "../scripts/import/report.ts";
import { get, one, page, select, texts } from "./html.ts";
import { importDump, tableCounts } from "./import-fixture.ts";
import { makeArticle } from "./fixtures.ts";
import { slotsNow } from "./import-fixture.ts";
import { getTopic } from "../src/db/topics.ts";

const SITE = env.SITE_NAME;

const neighbours = async (url: string) => (await select(await page(url), "nav.neighbours li")).map((li) => li.text);

async function redirectOf(path: string): Promise<string | null> {
  const res = await get(path);
  if (res.status === 404) return null;
  expect(res.status, path).toBe(301);
  return res.headers.get("Location");
}

export function describeDedecmsImport(fixture: string, encoding: string) {
  describe(`importing the DedeCMS fixture in ${encoding}`, () => {
    let summary: ImportSummary;
    beforeAll(async () => {
      summary = await importDump("dedecms", fixture);
    });

    it("reads the dump in its own encoding and reports what it did", () => {
      expect(summary.encoding).toBe(`SET NAMES ${encoding}`);
      expect(summary.prefix).toBe("dede_");
      expect(summary.sections).toMatchObject({ created: 5, existing: 0 });
      expect(summary.sections.skipped.map((s) => [s.legacyId, s.reason])).toEqual([
        [6, "not an article section (channeltype 2)"],
        [5, "a link to http://www.qinglan-links.cn/, not a section"],
        [8, "the 专题 section (channeltype -1): its 专题 become topics"],
      ]);
      expect(summary.articles).toMatchObject({ rows: 14, published: 6, submitted: 1, drafts: 1, unchanged: 0 });
      expect(summary.articles.submittedReasons).toEqual({ "not yet reviewed (arcrank -1)": 1 });
      expect(summary.articles.draftReasons).toEqual({ "members only (arcrank 10)": 1 });
      expect(Object.fromEntries(summary.articles.skipped.map((s) => [s.id, s.reason]))).toEqual({
        88600: "not an article (channel 2: an album, a download or another model)",
        88601: "in the old site's recycle bin (arcrank -2)",
        88602: "unknown section (typeid 99)",
        88603: "empty title",
        88604: "a date that does not exist (pubdate 0)",
        88607: "a link to http://www.example.gov.cn/notice/2023/0607.html, not an article",
      });
    });

    it("makes the section tree from dede_arctype, paths from the typedirs, in sortrank order", async () => {
      const res = await get("/api/v1/sections");
      type Node = { path: string; name: string; children: Node[] };
      const tree = ((await res.json()) as { items: Node[] }).items;
      const shape = (nodes: Node[]): unknown => nodes.map((n) => [n.path, n.name, shape(n.children)]);
      expect(shape(tree)).toEqual([
        ["xw", "新闻中心", [["xw/dzyw", "党政要闻", []], ["xw/min-sheng", "社会民生", []]]],
        ["wenlv", "文旅青岚", [["wenlv/xiangcun", "乡村旅游", []]]],
      ]);
    });

    it("keeps the article's id, section, title, date in Beijing time, source, bylines and cover", async () => {
      const html = await page("/html/xw/dzyw/88590.html");
      expect((await one(html, "h1")).text).toBe("市委常委会研究部署防汛抗旱工作");
      expect(await texts(html, "nav.crumbs li")).toEqual([SITE, "新闻中心", "党政要闻", "正文"]);
      expect((await one(html, ".story-meta time")).attrs.datetime).toBe("2023-06-01T09:00:00+08:00");
      expect((await one(html, ".story-meta")).text).toBe("来源：青岚日报2023年06月01日");
      expect(await texts(html, ".credits span")).toEqual(["记者 林晓", "通讯员 王芳"]);
      const cover = await one(html, "figure.cover img");
      expect(cover.attrs.src).toMatch(/^\/media\/[0-9a-f]{64}\.jpg$/);
      expect([cover.attrs.width, cover.attrs.height]).toEqual(["7", "5"]);
      expect((await get(cover.attrs.src as string)).headers.get("Content-Type")).toBe("image/jpeg");
      // 07:45 on June 6th in Beijing is still June 5th in UTC: the page says the 6th.
      const early = await page("/html/xw/min-sheng/88598.html");
      expect((await one(early, ".story-meta time")).text).toBe("2023年06月06日");
      expect(await texts(early, ".credits span")).toEqual(["作者 王芳 陈静"]);
    });

    it("shows the breadcrumb and 上一篇 / 下一篇 within each section, as the old site did", async () => {
      expect(await neighbours("/html/xw/dzyw/88590.html")).toEqual(["上一篇：没有了", "下一篇：全市\"两新\"组织党建工作推进会召开"]);
      expect(await neighbours("/html/xw/dzyw/88594.html")).toEqual(["上一篇：市委常委会研究部署防汛抗旱工作", "下一篇：没有了"]);
      expect(await neighbours("/html/xw/min-sheng/88597.html")).toEqual(["上一篇：没有了", "下一篇：城关镇早市：菜价平稳 人气正旺"]);
      expect(await texts(await page("/html/wenlv/xiangcun/88605.html"), "nav.crumbs li")).toEqual([SITE, "文旅青岚", "乡村旅游", "正文"]);
      // The top section lists its subsections' articles, newest first.
      expect(await texts(await page("/html/xw/"), ".list h2")).toEqual([
        "城关镇早市：菜价平稳 人气正旺",
        "杉木巷社区老旧小区改造开工",
        "全市\"两新\"组织党建工作推进会召开",
        "市委常委会研究部署防汛抗旱工作",
      ]);
    });

    it("cleans the old bodies to plain paragraphs and lets no hostile HTML through", async () => {
      const html = await page("/html/xw/dzyw/88590.html");
      const body = (await select(html, ".story-body")).map((b) => b.text).join("");
      expect(await texts(html, ".story-body p")).toEqual([
        "6月1日上午，市委常委会召开会议，传达学习全省防汛工作电视电话会议精神，研究部署我市防汛抗旱工作。",
        "会议强调，要把“防大汛、抗大旱”的准备做在前面，岚江沿线各乡镇要落实24小时值班制度。",
        "详情请点此查看，另见相关报道。",
        "（责任编辑：邓文）",
      ]);
      expect(body).not.toContain("alert");
      const article = await loadArticle(env.DB, 88590);
      const stored = article?.article.bodyHtml ?? "";
      for (const bad of ["<script", "onerror", "onclick", "javascript:", "<iframe", "<style", "style=", "<font", "&nbsp;", "<p></p>"]) {
        expect(stored, bad).not.toContain(bad);
      }
      expect(stored).toContain('<a href="/html/xw/dzyw/88594.html">相关报道</a>');
      // Page breaks become one page: a titled one a heading, DedeCMS's placeholder title nothing.
      const paged = await page("/html/xw/dzyw/88594.html");
      expect(await texts(paged, ".story-body h2")).toEqual(["第二部分：下一步举措"]);
      expect(await texts(paged, ".story-body p")).toHaveLength(3);
      // <br>-separated paragraphs with full-width indents, and a data table without its styles.
      const br = await page("/html/xw/min-sheng/88597.html");
      expect((await texts(br, ".story-body p"))[1]).toBe("据介绍，此次改造涉及12栋楼、480户居民，工期约4个月。");
      expect(await texts(br, ".story-body td")).toEqual(["改造内容", "投资（万元）", "管网更新", "320", "外立面整治", "185"]);
      expect(await texts(br, ".story-body p")).toContain("街口的老字号誠記糕點鋪也将在改造后重新开张。");
    });

    it("stores every picture through the upload path and rewrites its references, reporting those it could not", async () => {
      expect(summary.images).toMatchObject({ stored: 4, reused: 0, notImported: 0 });
      expect(summary.images.missing).toContainEqual({ path: "/uploads/allimg/230606/missing.jpg", articles: [88598] });
      expect(summary.images.refused.map((r) => [r.path, r.articles])).toEqual([["/uploads/allimg/230606/fake.jpg", [88598]]]);
      const html = await page("/html/xw/dzyw/88590.html");
      const figure = await one(html, ".story-body figure img");
      expect(figure.attrs.src).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
      expect([figure.attrs.width, figure.attrs.height]).toEqual(["60", "40"]);
      expect(html).not.toContain("/uploads/");
      // The missing and the broken picture are gone; the https one elsewhere stays.
      const early = await page("/html/xw/min-sheng/88598.html");
      expect((await select(early, ".story-body img")).map((i) => i.attrs.src)).toEqual(["https://img.example.com/yanchuan/zaoshi.jpg"]);
      // A picture linked to itself is one figure; the same file as the cover is stored once (and shown once).
      const linked = await page("/html/wenlv/88599.html");
      const cover = (await loadArticle(env.DB, 88599))?.article.coverImage;
      expect((await select(linked, "main img")).map((i) => i.attrs.src)).toEqual([`/media/${cover}`]);
      expect(await select(linked, ".story-body a")).toHaveLength(0);
    });

    it("imports an unreviewed article as 待审, in the editors' queue, and a members-only one as a draft, both off the site", async () => {
      const unreviewed = await loadArticle(env.DB, 88596);
      expect(unreviewed?.article).toMatchObject({ status: "submitted", review: { action: "submit", note: "" } });
      expect(unreviewed?.latest?.action).toBe("submit");
      expect((await loadArticle(env.DB, 88608))?.article.status).toBe("draft");
      expect((await get("/html/xw/dzyw/88596.html")).status).toBe(404);
      expect(await redirectOf("/plus/view.php?aid=88596")).toBeNull();
    });

    it("answers every old URL form with a 301 to the canonical one, cacheable", async () => {
      const cases: [string, string | null][] = [
        ["/plus/view.php?aid=88590", "/html/xw/dzyw/88590.html"],
        ["/plus/view.php?aid=88605&pageno=2", "/html/wenlv/xiangcun/88605.html"],
        ["/plus/view-88597-1.html", "/html/xw/min-sheng/88597.html"],
        ["/plus/list.php?tid=3", "/html/xw/min-sheng/"],
        ["/plus/list.php?tid=1&PageNo=2", "/html/xw/"],
        ["/plus/list.php?tid=5", null],
        ["/a/xinwen/Min_Sheng/2023/0602/88597.html", "/html/xw/min-sheng/88597.html"],
        ["/a/xinwen/Min_Sheng/2023/0606/88598.html", "/html/xw/min-sheng/88598.html"],
        ["/a/xinwen/Min_Sheng/2023/0602/88597_2.html", "/html/xw/min-sheng/88597.html"],
        ["/a/xinwen/Min_Sheng/", "/html/xw/min-sheng/"],
        ["/a/xinwen/Min_Sheng/index.html", "/html/xw/min-sheng/"],
        ["/a/xinwen/Min_Sheng", "/html/xw/min-sheng/"],
        ["/a/xinwen/Min_Sheng/list_3_2.html", "/html/xw/min-sheng/"],
        ["/a/wenlv/", "/html/wenlv/"],
        ["/a/wenlv/202306/yangmei-jie.html", "/html/wenlv/88599.html"],
        ["/html/xw/dzyw/list_2_3.html", "/html/xw/dzyw/"],
        ["/html/xw/dzyw/88594_2.html", "/html/xw/dzyw/88594.html"],
        ["/a/wenlv/202306/nothing-here.html", null],
      ];
      for (const [old, canonical] of cases) expect(await redirectOf(old), old).toBe(canonical);
      const res = await get("/a/wenlv/202306/yangmei-jie.html");
      expect(res.headers.get("Cache-Control")).toMatch(/^public, max-age=30/);
      expect((await get("/a/wenlv/202306/yangmei-jie.html")).headers.get("X-Cache")).toBe("HIT");
    });

    it("prints every old URL pattern it saw and whether it is served", () => {
      const patterns = Object.fromEntries(summary.urls.map((u) => [u.pattern, [u.count, u.served !== null]]));
      expect(patterns).toMatchObject({
        "/plus/view.php?aid={aid}": [6, true],
        "/plus/list.php?tid={tid}": [5, true],
        "{typedir}/{aid}.html": [2, true],
        "{typedir}/{y}/{m}{d}/{aid}.html": [2, true],
        "{typedir}/{y}{m}/{aid}.html": [1, true],
        "{typedir}/list_{tid}_{page}.html": [1, true],
      });
    });

    it("fills the slots from the flags: h 头条, f 幻灯 (its litpic the picture), c 推荐 newest first, a 特荐, s 滚动; b a bold title", async () => {
      expect(summary.curation).toMatchObject({ slots: 5, items: 6, refused: [], beyond: [], expired: 0, kept: [] });
      expect(await slotsNow(["toutiao", "huandeng", "tuijian", "tejian", "gundong"])).toEqual({
        toutiao: [88590],
        huandeng: [88597],
        tuijian: [88599, 88594],
        tejian: [88597],
        gundong: [88598],
      });
      const home = await page("/");
      expect(await texts(home, ".top-story h3")).toEqual(["市委常委会研究部署防汛抗旱工作"]);
      expect((await select(home, ".focus-strip img")).length).toBe(1);
      expect(await texts(home, ".picks li strong")).toEqual(['全市"两新"组织党建工作推进会召开']);
    });

    it("makes each 专题 (channel -1) a topic: its dede_addonspec groups in order, members by idlist, the auto group and a missing id reported", async () => {
      expect(summary.topics).toMatchObject({ created: 2, articles: 8, kept: [] });
      expect(summary.topics.unmapped.map((u) => [u.legacyId, u.entry, u.reason])).toEqual([
        [88609, "group 相关报道", "filled automatically (isauto 1, by keywords 防汛): no fixed list to keep; add its articles by hand"],
        [88609, "article 99999", "no article 99999 here (not in the dump, or not imported)"],
      ]);
      // No file name: zt-<aid>; a file name: it, in lower case with hyphens.
      const flood = await getTopic(env.DB, "zt-88609");
      expect(flood).toMatchObject({ title: "岚江防汛专题", introText: "岚江流域防汛抗旱工作全程报道。" });
      expect(flood?.banner).toMatch(/^[0-9a-f]{64}\.jpg$/);
      expect(flood?.groups.map((g) => [g.name, g.members])).toEqual([["要闻", 3], ["现场", 1]]);
      const html = await page("/special/zt-88609/");
      expect(await texts(html, ".topic-groups li")).toEqual(["要闻", "现场"]);
      // Group by group; the 待审 member (88596) is kept but not listed until it is published.
      expect(await texts(html, ".item h3")).toEqual(["全市\"两新\"组织党建工作推进会召开", "市委常委会研究部署防汛抗旱工作", "杉木巷社区老旧小区改造开工"]);
      expect((await getTopic(env.DB, "min-sheng-2023"))?.groups.map((g) => [g.name, g.members])).toEqual([["默认节点", 2], ["文旅", 2]]);
    });

    it("answers the 专题's old URLs with a 301 to its topic, cached and purged with it", async () => {
      const cases: [string, string | null][] = [
        ["/plus/view.php?aid=88609", "/special/zt-88609/"],
        ["/plus/view-88610-1.html", "/special/min-sheng-2023/"],
        ["/special/88609.html", "/special/zt-88609/"],
        ["/special/Min_Sheng_2023.html", "/special/min-sheng-2023/"],
        ["/plus/view.php?aid=99999", null],
      ];
      for (const [old, canonical] of cases) expect(await redirectOf(old), old).toBe(canonical);
      expect((await get("/special/88609.html")).headers.get("X-Cache")).toBe("HIT");
      const patterns = Object.fromEntries(summary.urls.map((u) => [u.pattern, [u.count, u.served !== null]]));
      expect(patterns).toMatchObject({ "/plus/view.php?aid={aid} (专题)": [2, true], "{typedir}/{aid}.html (专题)": [2, true] });
    });

    it("imports nothing the second time, and new articles get ids above the imported ones", async () => {
      const before = await tableCounts();
      const again = await importDump("dedecms", fixture);
      expect(again.articles).toMatchObject({ published: 0, submitted: 0, drafts: 0, unchanged: 8, changedKept: [], updated: [] });
      expect(again.sections).toMatchObject({ created: 0, existing: 5 });
      // Topics made by the first run are left as they are (an editor may have changed them since).
      expect(again.topics).toMatchObject({ created: 0, articles: 0, kept: ["zt-88609", "min-sheng-2023"] });
      expect(await tableCounts()).toEqual(before);
      const fresh = await makeArticle({ section: "xw/dzyw", title: "导入后的第一篇" });
      expect(fresh.id).toBeGreaterThan(88608);
      expect(await redirectOf(`/plus/view.php?aid=${fresh.id}`)).toBe(articleUrl("xw/dzyw", fresh.id));
    });
  });
}

// The front page's renderer, from its read model: the 头条 band, the focus pictures without script, 推荐, the
// section blocks, the rail of the other slots and the newest topics — in reading order, which is the phone's
// one column — the 加粗 flag honoured, and what the page shows named for the cache. And the footer's lines.
import { describe, expect, it } from "vitest";
import type { FrontPage } from "../src/domain/front-page.ts";
import type { ShownSlot, ShownSlotItem } from "../src/domain/slot.ts";
import type { Section } from "../src/domain/section.ts";
import type { ListedArticle } from "../src/domain/listing.ts";
import { renderHomePage } from "../src/render/home-page.ts";
import { renderErrorPage } from "../src/render/error-page.ts";
import { registrationOf } from "../src/content/registration.ts";
import { one, select, texts } from "./html.ts";

const KEY = (n: number) => `${String(n).padStart(64, "a")}.png`;
const site = { name: "青岚传媒网", url: "http://localhost" };

const section = (id: number, path: string, name: string): Section => ({ id, path, slug: path, name, parentId: null, sortOrder: id, description: "", changedAt: 0 });

const item = (id: number, extra: Partial<ShownSlotItem> = {}): ShownSlotItem => ({
  id,
  sectionPath: "xw/bdxw",
  title: `稿件${id}`,
  subtitle: "",
  summary: `摘要${id}`,
  bodyStart: "",
  titleBold: false,
  picture: null,
  publishedAt: Date.UTC(2026, 10, 1) + id * 60_000,
  expiresAt: null,
  ...extra,
});

const listed = (id: number, extra: Partial<ListedArticle> = {}): ListedArticle => ({
  id,
  sectionPath: "xw",
  sectionName: "新闻",
  title: `栏目稿${id}`,
  titleBold: false,
  summary: "",
  bodyStart: "正文开头。",
  cover: null,
  publishedAt: Date.UTC(2026, 10, 1) + id * 60_000,
  ...extra,
});

const slot = (slug: string, name: string, items: ShownSlotItem[]): ShownSlot => ({ slug, name, description: "", items });

function front(extra: Partial<FrontPage> = {}): FrontPage {
  const news = section(1, "xw", "新闻");
  return {
    nav: [news],
    headlines: [{ section: news, items: [listed(11), listed(12, { titleBold: true })] }],
    slots: [
      slot("toutiao", "头条", [item(1, { subtitle: "副题一" }), item(2)]),
      slot("huandeng", "幻灯", [1, 2, 3].map((n) => item(20 + n, { picture: { key: KEY(n), width: 900, height: 600, alt: "图" } }))),
      slot("tuijian", "推荐", [item(31, { titleBold: true }), item(32, { title: "编辑改过的标题" })]),
      slot("tejian", "特荐", [item(41)]),
      slot("gundong", "滚动", []),
    ],
    topics: [{ slug: "lanjiang", title: "岚江秋汛", banner: { key: KEY(9), width: 640, height: 320, alt: "" } }],
    nextExpiry: null,
    ...extra,
  };
}

const render = async (d: FrontPage) => {
  const page = renderHomePage({ ...d, site });
  return { html: String(await page.html), shows: page.shows };
};

describe("the front page", () => {
  it("reads band, focus, 推荐, sections, then the rail: the phone's one column is the source order", async () => {
    const { html } = await render(front());
    const headings = await texts(html, "main h2");
    expect(headings).toEqual(["头条", "幻灯", "推荐", "新闻", "特荐", "专题"]);
    expect(await texts(html, ".top-story h3")).toEqual(["稿件1", "稿件2"]);
    expect(await texts(html, ".top-story p")).toEqual(["副题一", "摘要2"]);
    // A slot with nothing in it shows nothing.
    expect(html).not.toContain("滚动");
  });

  it("shows the focus pictures as a strip of links, the first loaded at once, with a numbered way to each", async () => {
    const { html } = await render(front());
    const slides = await select(html, ".focus-strip .slide a");
    expect(slides.map((s) => [s.attrs.href, s.text])).toEqual([1, 2, 3].map((n) => [`/html/xw/bdxw/${20 + n}.html`, `稿件${20 + n} ${n}/3`]));
    const images = await select(html, ".focus-strip img");
    expect(images.map((i) => [i.attrs.alt, i.attrs.loading ?? "eager"])).toEqual([["", "eager"], ["", "lazy"], ["", "lazy"]]);
    const jumps = await select(html, ".focus-nav a");
    expect(jumps.map((j) => [j.attrs.href, j.attrs["aria-label"]])).toEqual([1, 2, 3].map((n) => [`#focus-${n}`, `第${n}张：稿件${20 + n}`]));
    expect(html).not.toContain("<script");
  });

  it("leaves out focus items without a picture, and the strip when none has one", async () => {
    const d = front();
    const bare = { ...d, slots: d.slots.map((s) => (s.slug === "huandeng" ? { ...s, items: [item(50)] } : s)) };
    const { html } = await render(bare);
    expect(await select(html, ".focus")).toEqual([]);
    expect(await texts(html, "main h2")).toEqual(["头条", "推荐", "新闻", "特荐", "专题"]);
  });

  it("honours the old sites' 加粗 flag in lists, and a slot's own title", async () => {
    const { html } = await render(front());
    expect(await texts(html, ".picks .headlines a strong")).toEqual(["稿件31"]);
    expect(await texts(html, ".picks .headlines a")).toEqual(["稿件31", "编辑改过的标题"]);
    expect(await texts(html, ".home .headlines a strong")).toEqual(["栏目稿12"]);
  });

  it("names everything it shows: the articles, the slots and their set, the topics and theirs", async () => {
    const { shows } = await render(front());
    expect(shows.articles.sort((a, b) => a - b)).toEqual([1, 2, 11, 12, 21, 22, 23, 31, 32, 41]);
    expect(shows.slots).toEqual(["", "toutiao", "huandeng", "tuijian", "tejian", "gundong"]);
    expect(shows.topics).toEqual(["", "lanjiang"]);
    expect(shows.listings).toEqual([""]);
  });

  it("with nothing chosen yet, is the section blocks alone", async () => {
    const { html } = await render(front({ slots: [], topics: [] }));
    expect(await texts(html, "main h2")).toEqual(["新闻"]);
    expect(await select(html, ".rail")).toEqual([]);
    expect((await one(html, ".front")).attrs.class).toBe("front no-rail");
  });
});

describe("the footer", () => {
  const configured = registrationOf({
    ICP_NUMBER: " 青ICP备2026000001号-1 ",
    PSB_NUMBER: "青公网安备37020202000001号",
    NEWS_LICENSE: "37120260001",
    OWNER_NAME: "青岚传媒集团",
    OWNER_CONTACT: "0532-80000000",
  });

  it("carries the owner, the licence and both 备案 numbers, linked to their registers, when configured", async () => {
    const page = String(await renderHomePage({ ...front(), site: { ...site, registration: configured } }).html);
    expect(await texts(page, ".sitefoot .registration")).toEqual([
      "主办单位：青岚传媒集团 · 联系方式：0532-80000000",
      "互联网新闻信息服务许可证：37120260001 · 青ICP备2026000001号-1 · 青公网安备37020202000001号",
    ]);
    const links = await select(page, ".sitefoot .registration a");
    expect(links.map((a) => a.attrs.href)).toEqual(["https://beian.miit.gov.cn/", "https://beian.mps.gov.cn/#/query/webSearch?code=37020202000001"]);
    const error = String(await renderErrorPage({ siteName: site.name, status: 404, message: "无", registration: configured }));
    expect(await texts(error, ".sitefoot .registration")).toHaveLength(2);
  });

  it("prints nothing of them when not configured, and only what is", async () => {
    const page = String(await renderHomePage({ ...front(), site: { ...site, registration: registrationOf({ ICP_NUMBER: "", OWNER_NAME: "  " }) } }).html);
    expect(await select(page, ".sitefoot .registration")).toEqual([]);
    const icpOnly = String(await renderHomePage({ ...front(), site: { ...site, registration: registrationOf({ ICP_NUMBER: "青ICP备1号" }) } }).html);
    expect(await texts(icpOnly, ".sitefoot .registration")).toEqual(["青ICP备1号"]);
  });
});

// Feeds as feed readers meet them: each format parsed by a real parser (feedsmith) with every field of an
// item checked, the newest 50 of a section and its subsections, conditional GETs for pollers, and exactly the
// feeds that show an article refreshed after a change to it.
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import type { Article } from "../src/domain/article.ts";
import { toRfc3339, toRfc822 } from "../src/content/dates.ts";
import { png } from "./fixtures/images.ts";
import { makeArticle, makeArticles, makeImage, makeSection, uniqueSlug } from "./fixtures.ts";
import { createSection } from "../src/db/sections.ts";
import { one, select } from "./html.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";
import { admin } from "./admin-fixture.ts";

const ORIGIN = "http://localhost";
const SITE = env.SITE_URL;

const read = (path: string, headers: Record<string, string> = {}, bindings: Partial<typeof env> = {}) =>
  settledFetch(`${ORIGIN}${path}`, { headers, redirect: "manual" }, bindings);

/** A title with everything that breaks careless XML: markup, an entity, a CDATA end, quotes, CJK, astral characters. */
const HOSTILE_TITLE = `「青岚」<script>alert("x")</script> & ]]> 'q' 😀𠀀`;
const SUMMARY = "岚江两岸 & 城区 <夜景> 提升工程启动";

/** A section 新闻 with a subsection 本地新闻, and one article in it with a cover, bylines and links in its body. */
async function story() {
  const root = uniqueSlug("fd");
  const sub = `${root}/bdxw`;
  await makeSection(root, "新闻");
  await makeSection(sub, "本地新闻");
  const cover = await makeImage(png(), { alt: "岚江晨雾" });
  const article = await makeArticle({
    section: sub,
    title: HOSTILE_TITLE,
    summary: SUMMARY,
    bylines: [{ name: "林晓", role: "记者" }, { name: "王青", role: "通讯员" }, { name: "邓文", role: "编辑" }],
    body: `本网讯 详见[新闻栏目](/html/${root}/)。\n\n![](/media/${cover.key})\n\n第二段 ]]> 与 & 符号。`,
    cover_image: cover.key,
    publishedAt: Date.UTC(2023, 5, 2, 0, 30),
  });
  return { root, sub, cover, article };
}


afterEach(() => {
  vi.useRealTimers();
});

describe("RSS 2.0", () => {
  it("parses with every field of an item as the article page shows it", async () => {
    const { root, sub, cover, article } = await story();
    const res = await read(`/html/${sub}/rss.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    const feed = parseRssFeed(await res.text());
    expect(feed.title).toBe(`本地新闻 - 新闻 - ${env.SITE_NAME}`);
    expect(feed.link).toBe(`${SITE}/html/${sub}/`);
    expect(feed.language).toBe("zh-cn");
    expect(feed.lastBuildDate).toBe(toRfc822(article.updatedAt));
    expect(feed.atom?.links).toEqual([{ rel: "self", type: "application/rss+xml", href: `${SITE}/html/${sub}/rss.xml` }]);
    expect(feed.items).toHaveLength(1);
    const item = feed.items?.[0];
    expect(item?.title).toBe(HOSTILE_TITLE);
    expect(item?.link).toBe(`${SITE}/html/${sub}/${article.id}.html`);
    expect(item?.guid).toEqual({ value: `tag:localhost,2026:article/${article.id}`, isPermaLink: false });
    expect(item?.pubDate).toBe("Fri, 02 Jun 2023 08:30:00 +0800");
    expect(item?.atom?.updated).toBe(toRfc3339(article.updatedAt));
    expect(item?.dc?.creators).toEqual(["林晓", "王青"]);
    expect(item?.categories).toEqual([{ name: "本地新闻", domain: `${SITE}/html/${sub}/` }]);
    expect(await shownAsHtml(item?.description ?? "")).toEqual({ text: SUMMARY, elements: [] });
    const body = item?.content?.encoded ?? "";
    expect(body).toContain(`<a href="${SITE}/html/${root}/">新闻栏目</a>`);
    expect(body).toContain(`src="${SITE}/media/${cover.key}"`);
    expect(body).toContain("第二段 ]]&gt; 与 &amp; 符号。");
    // Take the origin away and what is left is exactly the sanitized body the page prints.
    expect(body.replaceAll(SITE, "")).toBe(article.bodyHtml);
    expect(item?.enclosures).toEqual([{ url: `${SITE}/media/${cover.key}`, length: cover.bytes, type: "image/png" }]);
    expect(item?.media?.contents).toEqual([
      { url: `${SITE}/media/${cover.key}`, type: "image/png", medium: "image", fileSize: cover.bytes, width: 6, height: 4, description: { value: "岚江晨雾", type: "plain" } },
    ]);
    // The same instant as the article page's own date.
    const page = await (await read(`/html/${sub}/${article.id}.html`)).text();
    expect(Date.parse(item?.pubDate ?? "")).toBe(Date.parse((await one(page, ".story-meta time")).attrs.datetime ?? ""));
  });
});

/** What a reader shows of RSS text it renders as HTML, as every reader does with <description>. */
async function shownAsHtml(fragment: string): Promise<{ text: string; elements: string[] }> {
  const [root] = await select(`<div id="shown">${fragment}</div>`, "#shown");
  const elements = (await select(`<div id="shown">${fragment}</div>`, "#shown *")).map((e) => JSON.stringify(e));
  return { text: root?.text ?? "", elements };
}

describe("RSS 2.0 descriptions", () => {
  it("show a plain-text summary as the text it is, markup-like characters and entities included", async () => {
    const root = uniqueSlug("fdd");
    await createSection(env.DB, { path: root, name: "摘要", description: "岚江 <夜景> & 城区 a<b>b</b> &amp;lt; ]]> 完" });
    const summary = "岚江两岸 & 城区 <夜景> 与 a<b>粗</b> 与 &amp;lt; 与 ]]> 与 \"引号\" 'q' 😀𠀀";
    const withSummary = await makeArticle({ section: root, title: "有摘要", summary, publishedAt: Date.UTC(2023, 5, 2) });
    const withoutSummary = await makeArticle({ section: root, title: "无摘要", body: "首段 A&B 以及 &lt;d&gt; 与 ]]> 结束。", publishedAt: Date.UTC(2023, 5, 1) });
    const feed = parseRssFeed(await (await read(`/html/${root}/rss.xml`)).text());
    const byTitle = new Map((feed.items ?? []).map((i) => [i.title, i.description ?? ""]));
    expect(await shownAsHtml(byTitle.get("有摘要") ?? "")).toEqual({ text: summary, elements: [] });
    expect(await shownAsHtml(byTitle.get("无摘要") ?? "")).toEqual({ text: "首段 A&B 以及 <d> 与 ]]> 结束。", elements: [] });
    expect(await shownAsHtml(feed.description ?? "")).toEqual({ text: "岚江 <夜景> & 城区 a<b>b</b> &amp;lt; ]]> 完", elements: [] });
    expect(withSummary.id).not.toBe(withoutSummary.id);
  });
});

describe("a body's links in every format", () => {
  it("are made absolute attribute by attribute, whatever another attribute's value says", async () => {
    const root = uniqueSlug("fab");
    const article = await makeArticle({
      section: root,
      body: `见 <a title="写法 src=" href="/html/${root}/">栏目</a>、<a title="a>b" href="/about">关于</a> 与 <abbr title=' href="/x"'>缩写</abbr>。`,
    });
    const expected = `<p>见 <a title="写法 src=" href="${SITE}/html/${root}/">栏目</a>、<a title="a&gt;b" href="${SITE}/about">关于</a> 与 <abbr title=" href=&quot;/x&quot;">缩写</abbr>。</p>`;
    expect(article.bodyHtml).toBe(expected.replaceAll(SITE, ""));
    const rss = parseRssFeed(await (await read(`/html/${root}/rss.xml`)).text());
    expect(rss.items?.[0]?.content?.encoded).toBe(expected);
    const atom = parseAtomFeed(await (await read(`/html/${root}/atom.xml`)).text());
    expect(atom.entries?.[0]?.content?.value).toBe(expected);
    const json = parseJsonFeed(await (await read(`/html/${root}/feed.json`)).json());
    expect(json.items?.[0]?.content_html).toBe(expected);
  });
});

describe("Atom 1.0", () => {
  it("parses with every field of an entry, and the site as the feed's author", async () => {
    const { root, sub, cover, article } = await story();
    const res = await read(`/html/${sub}/atom.xml`);
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const text = await res.text();
    expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    const feed = parseAtomFeed(text);
    expect(feed.id).toBe(`tag:localhost,2026:feed/${sub}`);
    expect(feed.title).toEqual({ value: `本地新闻 - 新闻 - ${env.SITE_NAME}`, type: "text" });
    expect(feed.updated).toBe(toRfc3339(article.updatedAt));
    expect(feed.links).toEqual([
      { rel: "alternate", type: "text/html", href: `${SITE}/html/${sub}/` },
      { rel: "self", type: "application/atom+xml", href: `${SITE}/html/${sub}/atom.xml` },
    ]);
    expect(feed.authors).toEqual([{ name: env.SITE_NAME, uri: `${SITE}/` }]);
    const entry = feed.entries?.[0];
    expect(entry?.id).toBe(`tag:localhost,2026:article/${article.id}`);
    expect(entry?.title).toEqual({ value: HOSTILE_TITLE, type: "text" });
    expect(entry?.published).toBe("2023-06-02T08:30:00+08:00");
    expect(entry?.updated).toBe(toRfc3339(article.updatedAt));
    expect(entry?.authors).toEqual([{ name: "林晓" }, { name: "王青" }]);
    expect(entry?.categories).toEqual([{ term: sub, label: "本地新闻", scheme: `${SITE}/html/` }]);
    expect(entry?.summary).toEqual({ value: SUMMARY, type: "text" });
    expect(entry?.content?.type).toBe("html");
    expect(entry?.content?.value?.replaceAll(SITE, "")).toBe(article.bodyHtml);
    expect(entry?.content?.value).toContain(`<a href="${SITE}/html/${root}/">`);
    expect(entry?.links).toEqual([
      { rel: "alternate", type: "text/html", href: `${SITE}/html/${sub}/${article.id}.html` },
      { rel: "enclosure", type: "image/png", length: cover.bytes, href: `${SITE}/media/${cover.key}` },
    ]);
  });
});

describe("JSON Feed 1.1", () => {
  it("parses with every field of an item", async () => {
    const { sub, cover, article } = await story();
    const res = await read(`/html/${sub}/feed.json`);
    expect(res.headers.get("Content-Type")).toBe("application/feed+json; charset=utf-8");
    const raw = (await res.json()) as { version: string };
    expect(raw.version).toBe("https://jsonfeed.org/version/1.1");
    const feed = parseJsonFeed(raw);
    expect(feed.title).toBe(`本地新闻 - 新闻 - ${env.SITE_NAME}`);
    expect(feed.home_page_url).toBe(`${SITE}/html/${sub}/`);
    expect(feed.feed_url).toBe(`${SITE}/html/${sub}/feed.json`);
    expect(feed.language).toBe("zh-CN");
    expect(feed.hubs).toBeUndefined();
    const item = feed.items?.[0];
    expect(item).toEqual({
      id: `tag:localhost,2026:article/${article.id}`,
      url: `${SITE}/html/${sub}/${article.id}.html`,
      title: HOSTILE_TITLE,
      summary: SUMMARY,
      content_html: expect.stringContaining(`src="${SITE}/media/${cover.key}"`),
      image: `${SITE}/media/${cover.key}`,
      date_published: "2023-06-02T08:30:00+08:00",
      date_modified: toRfc3339(article.updatedAt),
      authors: [{ name: "林晓" }, { name: "王青" }],
      tags: ["本地新闻"],
      language: "zh-CN",
    });
    expect(item?.content_html?.replaceAll(SITE, "")).toBe(article.bodyHtml);
  });
});

describe("what a feed lists", () => {
  it("the newest 50 of the section and its subsections, newest first, with ids that survive edits and moves", async () => {
    const root = uniqueSlug("fl");
    const start = Date.UTC(2024, 2, 1);
    await makeArticles(`${root}/a`, 30, start);
    await makeArticles(`${root}/b`, 30, start + 30_000);
    const feed = parseRssFeed(await (await read(`/html/${root}/rss.xml`)).text());
    const dates = (feed.items ?? []).map((i) => Date.parse(i.pubDate ?? ""));
    expect(dates).toHaveLength(50);
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
    // The 60 alternate between a and b every 30 s: the newest 50 are the last 25 of each.
    expect(new Set((feed.items ?? []).map((i) => i.categories?.[0]?.domain))).toEqual(new Set([`${SITE}/html/${root}/a/`, `${SITE}/html/${root}/b/`]));
    expect(dates.at(-1)).toBe(start + 5 * 60_000);
    const first = feed.items?.[0];
    const editor = await makeKey("editor");
    const id = Number(first?.link?.split("/").pop()?.replace(".html", ""));
    await admin(editor, "PATCH", `/${id}`, { title: "改过的标题", section: `${root}/a` });
    const after = parseRssFeed(await (await read(`/html/${root}/rss.xml`)).text());
    const moved = after.items?.find((i) => i.guid?.value === first?.guid?.value);
    expect(moved?.title).toBe("改过的标题");
    expect(moved?.link).toBe(`${SITE}/html/${root}/a/${id}.html`);
  });

  it("the whole site's newest across sections at /rss.xml, /atom.xml and /feed.json", async () => {
    const section = uniqueSlug("fs");
    const article = await makeArticle({ section, title: "全站订阅里的新稿" });
    const rss = parseRssFeed(await (await read("/rss.xml")).text());
    expect(rss.title).toBe(env.SITE_NAME);
    expect(rss.link).toBe(`${SITE}/`);
    expect(rss.items?.length).toBeLessThanOrEqual(50);
    expect(rss.items?.map((i) => i.title)).toContain("全站订阅里的新稿");
    const atom = parseAtomFeed(await (await read("/atom.xml")).text());
    expect(atom.entries?.map((e) => e.id)).toContain(`tag:localhost,2026:article/${article.id}`);
    const json = parseJsonFeed(await (await read("/feed.json")).json());
    expect(json.items?.map((i) => i.url)).toContain(`${SITE}/html/${section}/${article.id}.html`);
  });

  it("is a 404 for a section that does not exist", async () => {
    expect((await read(`/html/${uniqueSlug("nf")}/rss.xml`)).status).toBe(404);
    expect((await read(`/html/${uniqueSlug("nf")}/feed.json`)).status).toBe(404);
  });
});

/**
 * The feed once it is dated: a feed is given its Last-Modified only after the second of its last change is
 * over (src/http/conditional.ts), so a test that made the change just now asks until it is.
 */
async function dated(path: string): Promise<Response> {
  for (const deadline = Date.now() + 5_000; ; ) {
    const res = await read(path);
    if (res.headers.has("Last-Modified") || Date.now() > deadline) return res;
    await res.arrayBuffer();
  }
}

describe("conditional GET for pollers", () => {
  it("answers 304 to If-None-Match and to If-Modified-Since, from the cache and past it", async () => {
    const { sub } = await story();
    const path = `/html/${sub}/atom.xml`;
    const first = await dated(path);
    const etag = first.headers.get("ETag") ?? "";
    const lastModified = first.headers.get("Last-Modified") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(lastModified).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    for (const bindings of [{}, { EDGE_CACHE: "off" }]) {
      const byTag = await read(path, { "If-None-Match": etag }, bindings);
      expect(byTag.status).toBe(304);
      expect(byTag.headers.get("ETag")).toBe(etag);
      expect(byTag.headers.get("Last-Modified")).toBe(lastModified);
      expect(await byTag.text()).toBe("");
      expect((await read(path, { "If-Modified-Since": lastModified }, bindings)).status).toBe(304);
      // If-None-Match decides when sent: a stale tag gets the feed whatever the date says.
      expect((await read(path, { "If-None-Match": '"stale"', "If-Modified-Since": lastModified }, bindings)).status).toBe(200);
      const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
      expect((await read(path, { "If-Modified-Since": earlier }, bindings)).status).toBe(200);
    }
    // A hit reads nothing from D1.
    const hit = await read(path, { "If-Modified-Since": lastModified });
    expect(hit.headers.get("X-Cache")).toBe("HIT");
    expect(hit.headers.get("Server-Timing")).not.toMatch(/d1;/);
  });

  it("never hides a second change within one second from a poller that sends only a date", async () => {
    const editor = await makeKey("editor");
    const section = uniqueSlug("ims");
    const [article] = await makeArticles(section, 1);
    const path = `/html/${section}/rss.xml`;
    // Two edits, the poller reading between them; tried until both fall within one second.
    for (let tries = 1; ; tries++) {
      const first = await admin(editor, "PATCH", `/${(article as Article).id}`, { title: `第一版 ${tries}` });
      const seen = await read(path);
      const seenBody = await seen.text();
      const second = await admin(editor, "PATCH", `/${(article as Article).id}`, { title: `第二版 ${tries}` });
      if (first.updated_at !== second.updated_at) {
        expect(tries, "two edits within one second").toBeLessThan(30);
        continue;
      }
      expect(seenBody).toContain(`第一版 ${tries}`);
      // Whatever date the poller holds for what it read — the feed's own, or the second it read it in — the
      // second edit is not hidden behind a 304.
      const held = seen.headers.get("Last-Modified") ?? new Date(Date.parse(first.updated_at)).toUTCString();
      const polled = await read(path, { "If-Modified-Since": held });
      expect(polled.status).toBe(200);
      expect(await polled.text()).toContain(`第二版 ${tries}`);
      break;
    }
  });

  it("gives each section its own Last-Modified, which an item leaving moves forward, never back", async () => {
    // Last-Modified counts whole seconds: the clock is the test's, moved on past one after each change.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const aSecondLater = () => vi.setSystemTime(Date.now() + 1100);
    const root = uniqueSlug("lm");
    const [older] = await makeArticles(`${root}/old`, 1, Date.UTC(2024, 0, 1));
    aSecondLater();
    const [newer] = await makeArticles(`${root}/new`, 1, Date.UTC(2024, 0, 2));
    // A feed is dated once the second of its last change is over.
    aSecondLater();
    const lm = async (path: string) => Date.parse((await dated(path)).headers.get("Last-Modified") ?? "");
    // The end of the second the last change fell in.
    const endOfSecond = (ms: number) => Math.floor(ms / 1000) * 1000 + 1000;
    const oldLm = await lm(`/html/${root}/old/rss.xml`);
    const newLm = await lm(`/html/${root}/new/rss.xml`);
    expect(oldLm).toBe(endOfSecond((older as Article).updatedAt));
    expect(newLm).toBe(endOfSecond((newer as Article).updatedAt));
    expect(newLm).toBeGreaterThan(oldLm);
    expect(await lm(`/html/${root}/feed.json`)).toBe(newLm);
    aSecondLater();
    const editor = await makeKey("editor");
    await admin(editor, "POST", `/${(newer as Article).id}/unpublish`);
    aSecondLater();
    const afterLeaving = await lm(`/html/${root}/new/rss.xml`);
    expect(afterLeaving).toBeGreaterThan(newLm);
    expect(parseRssFeed(await (await read(`/html/${root}/new/rss.xml`)).text()).items ?? []).toEqual([]);
    // The other section did not change.
    expect(await lm(`/html/${root}/old/rss.xml`)).toBe(oldLm);
  });
});

describe("feed readers through the edge cache", () => {
  it("serves a JSON Feed reader from the cache whatever JSON it says it accepts, with 304s too", async () => {
    const { sub } = await story();
    const path = `/html/${sub}/feed.json`;
    const etag = (await read(path)).headers.get("ETag") ?? "";
    for (const accept of ["application/feed+json", "application/json", "application/feed+json, application/json;q=0.9, */*;q=0.8"]) {
      const res = await read(path, { Accept: accept });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get("X-Cache"), accept).toBe("HIT");
      expect(res.headers.get("Cache-Control"), accept).toMatch(/^public, /);
      expect(res.headers.get("ETag"), accept).toBe(etag);
      expect(parseJsonFeed(await res.json()).items?.[0]?.title, accept).toBe(HOSTILE_TITLE);
      const held = await read(path, { Accept: accept, "If-None-Match": etag });
      expect(held.status, accept).toBe(304);
      expect(held.headers.get("X-Cache"), accept).toBe("HIT");
    }
  });

  it("tells a JSON reader of a feed that does not exist so in JSON, and keeps no copy of that answer", async () => {
    const path = `/html/${uniqueSlug("nf")}/feed.json`;
    const json = await read(path, { Accept: "application/feed+json, application/json" });
    expect(json.status).toBe(404);
    expect(((await json.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect(json.headers.get("Cache-Control")).toBe("no-store");
    const html = await read(path);
    expect(html.status).toBe(404);
    expect(html.headers.get("Content-Type")).toMatch(/^text\/html/);
  });
});

describe("after a change", () => {
  it("refreshes exactly the feeds that show the article: its section's, each ancestor's and the site's, in every format", async () => {
    const root = uniqueSlug("fp");
    const [target] = await makeArticles(`${root}/a`, 2, Date.UTC(2024, 5, 1));
    await makeArticles(`${root}/b`, 1, Date.UTC(2024, 5, 1));
    const shows = [`/html/${root}/a`, `/html/${root}`, ""].flatMap((base) => ["rss.xml", "atom.xml", "feed.json"].map((f) => `${base}/${f}`));
    const other = [`/html/${root}/b/rss.xml`, `/html/${root}/b/atom.xml`, `/html/${root}/b/feed.json`];
    for (const path of [...shows, ...other]) {
      await read(path);
      expect((await read(path)).headers.get("X-Cache"), path).toBe("HIT");
    }
    const editor = await makeKey("editor");
    await admin(editor, "PATCH", `/${(target as Article).id}`, { title: "订阅里改过的标题" });
    for (const path of shows) {
      const res = await read(path);
      expect(res.headers.get("X-Cache"), path).toBe("MISS");
      expect(await res.text(), path).toContain("订阅里改过的标题");
    }
    for (const path of other) expect((await read(path)).headers.get("X-Cache"), path).toBe("HIT");
  });
});

describe("what readers see through the cache", () => {
  it("after a publish, an unpublish and a move: every feed that shows the article, and only those", async () => {
    const root = uniqueSlug("fc");
    await makeArticles(`${root}/a`, 1, Date.UTC(2024, 6, 1));
    await makeArticles(`${root}/b`, 1, Date.UTC(2024, 6, 1));
    const editor = await makeKey("editor");
    const draft = await makeArticle({ section: `${root}/a`, status: "draft", title: "从草稿到订阅" });
    const ids = async (path: string) => (parseAtomFeed(await (await read(path)).text()).entries ?? []).map((e) => e.id);
    const id = `tag:localhost,2026:article/${draft.id}`;
    const [a, b, top] = [`/html/${root}/a/atom.xml`, `/html/${root}/b/atom.xml`, `/html/${root}/atom.xml`];
    for (const path of [a, b, top, "/atom.xml"]) expect(await ids(path), path).not.toContain(id);
    await admin(editor, "POST", `/${draft.id}/publish`);
    for (const path of [a, top, "/atom.xml"]) expect(await ids(path), path).toContain(id);
    expect(await ids(b)).not.toContain(id);
    await admin(editor, "PATCH", `/${draft.id}`, { section: `${root}/b` });
    expect(await ids(a)).not.toContain(id);
    for (const path of [b, top, "/atom.xml"]) expect(await ids(path), path).toContain(id);
    await admin(editor, "POST", `/${draft.id}/unpublish`);
    for (const path of [a, b, top, "/atom.xml"]) expect(await ids(path), path).not.toContain(id);
  });
});

describe("discovery", () => {
  it("every page links the site's feeds; section and article pages also their section's", async () => {
    const { root, sub, article } = await story();
    const alternates = async (path: string) =>
      (await select(await (await read(path)).text(), 'link[rel="alternate"]')).map((l) => `${l.attrs.type} ${l.attrs.href}`);
    const site = [`application/rss+xml ${SITE}/rss.xml`, `application/atom+xml ${SITE}/atom.xml`, `application/feed+json ${SITE}/feed.json`];
    const section = (path: string) => [`application/rss+xml ${SITE}/html/${path}/rss.xml`, `application/atom+xml ${SITE}/html/${path}/atom.xml`, `application/feed+json ${SITE}/html/${path}/feed.json`];
    expect(await alternates("/")).toEqual(site);
    expect(await alternates(`/html/${root}/`)).toEqual([...site, ...section(root)]);
    expect(await alternates(`/html/${sub}/${article.id}.html`)).toEqual([...site, ...section(sub)]);
  });
});

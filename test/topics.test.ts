// Topics (专题): made and changed through the admin API (roles, If-Match, groups, members), shown on
// /special/<slug>/ by group and paged like a section, with their own feeds (read by a real parser), in the
// sitemap; a member off the site stays a member but is not listed.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import { makeArticle, makeArticles, makeImage, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { type TopicJson, call, makeTopic, uniqueName } from "./curation-fixture.ts";
import { admin as articles } from "./admin-fixture.ts";
import { get, one, page, select, texts } from "./html.ts";
import { png } from "./fixtures/images.ts";

const place = (key: Awaited<ReturnType<typeof makeKey>>, slug: string, id: number, group?: number) =>
  call(key, "PUT", `/topics/${slug}/articles/${id}`, group === undefined ? undefined : { group });

describe("making topics", () => {
  it("with its groups in order, or one group without a heading; the slug once", async () => {
    const editor = await makeKey("editor");
    const slug = uniqueName("tp");
    const made = await call(editor, "POST", "/topics", { slug, title: "岚江秋汛", intro: "**岚江**水位上涨。", groups: [{ name: "最新" }, { name: "背景" }] });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    expect(made.res.headers.get("ETag")).toBe('"1"');
    expect(made.json).toMatchObject({ slug, url: `/special/${slug}/`, title: "岚江秋汛", intro_html: "<p><strong>岚江</strong>水位上涨。</p>", version: 1 });
    expect((made.json as TopicJson).groups.map((g) => g.name)).toEqual(["最新", "背景"]);
    const bare = await makeTopic(editor, uniqueName("tp"), []).catch(() => null);
    expect(bare).toBeNull();
    const plain = await call(editor, "POST", "/topics", { slug: uniqueName("tp"), title: "无分组" });
    expect((plain.json as TopicJson).groups.map((g) => g.name)).toEqual([""]);
    expect((await call(editor, "POST", "/topics", { slug, title: "重名" })).json.error?.code).toBe("slug_taken");
    expect((made.json as TopicJson).purge.tags).toEqual(expect.arrayContaining([`t:${slug}`, "t:"]));
  });

  it("refuses authors, a banner never uploaded and an introduction showing one", async () => {
    const author = await makeKey("author");
    const editor = await makeKey("editor");
    expect((await call(author, "POST", "/topics", { slug: uniqueName("tp"), title: "x" })).status).toBe(403);
    const missing = `${"a".repeat(64)}.png`;
    const banner = await call(editor, "POST", "/topics", { slug: uniqueName("tp"), title: "x", banner: missing });
    expect([banner.status, banner.json.error?.code, banner.json.error?.details?.[0]?.path]).toEqual([422, "unknown_image", "banner"]);
    const intro = await call(editor, "POST", "/topics", { slug: uniqueName("tp"), title: "x", intro: `![图](/media/${missing})` });
    expect([intro.status, intro.json.error?.code, intro.json.error?.details?.[0]?.path]).toEqual([422, "unknown_image", "intro"]);
  });
});

describe("changing a topic", () => {
  it("needs If-Match, renames, reorders and adds groups, and removes only empty ones", async () => {
    const editor = await makeKey("editor");
    const topic = await makeTopic(editor, uniqueName("tp"), ["最新", "背景", "评论"]);
    const [latest, background, comment] = topic.groups;
    const [a] = await makeArticles(uniqueSlug("tpa"), 1);
    await place(editor, topic.slug, a!.id, background!.id);
    const patch = (body: unknown, version: string) => call(editor, "PATCH", `/topics/${topic.slug}`, body, { "If-Match": version });
    expect((await call(editor, "PATCH", `/topics/${topic.slug}`, { title: "新" })).status).toBe(428);
    expect((await patch({ title: "新" }, '"1"')).status).toBe(412);
    const full = await patch({ groups: [{ id: latest!.id, name: "最新" }] }, '"2"');
    expect([full.status, full.json.error?.code]).toEqual([409, "group_not_empty"]);
    const regrouped = await patch({ groups: [{ id: background!.id, name: "背景资料" }, { id: latest!.id, name: "最新" }, { name: "图集" }] }, '"2"');
    expect(regrouped.status, JSON.stringify(regrouped.json)).toBe(200);
    const groups = (regrouped.json as TopicJson).groups;
    expect(groups.map((g) => [g.name, g.articles])).toEqual([["背景资料", 1], ["最新", 0], ["图集", 0]]);
    expect(groups.map((g) => g.id).slice(0, 2)).toEqual([background!.id, latest!.id]);
    expect(groups.some((g) => g.id === comment!.id)).toBe(false);
    const unknown = await patch({ groups: [{ id: 999_999_999, name: "x" }] }, '"3"');
    expect([unknown.status, unknown.json.error?.code]).toEqual([422, "unknown_group"]);
  });

  it("takes drafts as members, moves and removes them, and names the article whose page now links the topic", async () => {
    const editor = await makeKey("editor");
    const topic = await makeTopic(editor, uniqueName("tp"));
    const [latest, background] = topic.groups;
    const draft = await makeArticle({ section: uniqueSlug("tpd"), status: "draft" });
    const added = await place(editor, topic.slug, draft.id);
    expect(added.status, JSON.stringify(added.json)).toBe(200);
    expect((added.json as TopicJson).groups.map((g) => g.articles)).toEqual([1, 0]);
    expect((added.json as TopicJson).purge.tags).toEqual(expect.arrayContaining([`t:${topic.slug}`, `a:${draft.id}`]));
    const moved = await place(editor, topic.slug, draft.id, background!.id);
    expect((moved.json as TopicJson).groups.map((g) => g.articles)).toEqual([0, 1]);
    expect((await place(editor, topic.slug, draft.id, 999_999_999)).json.error?.code).toBe("unknown_group");
    expect((await place(editor, topic.slug, 4_000_000_000)).json.error?.code).toBe("unknown_article");
    const members = await call(editor, "GET", `/topics/${topic.slug}/articles?group=${background!.id}`);
    expect((members.json.items as { article_id: number; article: { listed: boolean } }[]).map((m) => [m.article_id, m.article.listed])).toEqual([[draft.id, false]]);
    const removed = await call(editor, "DELETE", `/topics/${topic.slug}/articles/${draft.id}`);
    expect((removed.json as TopicJson).groups.map((g) => g.articles)).toEqual([0, 0]);
    expect((await call(editor, "DELETE", `/topics/${topic.slug}/articles/${draft.id}`)).status).toBe(404);
    expect(latest).toBeDefined();
  });

  it("deletes a topic with If-Match: its pages are gone", async () => {
    const editor = await makeKey("editor");
    const topic = await makeTopic(editor, uniqueName("tp"));
    const [a] = await makeArticles(uniqueSlug("tpx"), 1);
    await place(editor, topic.slug, a!.id);
    expect((await get(`/special/${topic.slug}/`)).status).toBe(200);
    expect((await call(editor, "DELETE", `/topics/${topic.slug}`)).status).toBe(428);
    expect((await call(editor, "DELETE", `/topics/${topic.slug}`, undefined, { "If-Match": '"2"' })).status).toBe(204);
    expect((await get(`/special/${topic.slug}/`)).status).toBe(404);
  });
});

/** A topic with two groups: `first` articles in 最新 and `second` in 背景, one minute apart, oldest first. */
async function filled(first: number, second: number) {
  const editor = await makeKey("editor");
  const topic = await makeTopic(editor, uniqueName("tp"), ["最新", "背景"]);
  const [latest, background] = topic.groups;
  const section = uniqueSlug("tps");
  const inLatest = await makeArticles(section, first, Date.UTC(2025, 0, 1));
  const inBackground = await makeArticles(section, second, Date.UTC(2024, 0, 1));
  for (const a of inLatest) await place(editor, topic.slug, a.id, latest!.id);
  for (const a of inBackground) await place(editor, topic.slug, a.id, background!.id);
  return { editor, topic, inLatest, inBackground };
}

/** A group's articles are titled by h3s under the group's h2 (an outline a screen reader can walk). */
const itemTitles = async (html: string) => texts(html, ".topic-group .list .item h3");

describe("the topic page", () => {
  it("shows the banner, title and introduction, then each group's published articles newest first", async () => {
    const editor = await makeKey("editor");
    const banner = await makeImage(png(), { alt: "岚江大堤" });
    const slug = uniqueName("tp");
    const topic = (await call(editor, "POST", "/topics", { slug, title: "岚江秋汛", banner: banner.key, intro: "秋汛**来袭**。", groups: [{ name: "最新" }, { name: "背景" }] })).json as TopicJson;
    const section = uniqueSlug("tpp");
    const old = await makeArticle({ section, title: "去年的汛情", publishedAt: Date.UTC(2024, 5, 1) });
    const newer = await makeArticle({ section, title: "水位上涨", publishedAt: Date.UTC(2025, 5, 1) });
    const newest = await makeArticle({ section, title: "全线巡堤", publishedAt: Date.UTC(2025, 5, 2) });
    const draft = await makeArticle({ section, title: "未发稿件", status: "draft" });
    await place(editor, slug, old.id, topic.groups[1]!.id);
    for (const a of [newer, draft, newest]) await place(editor, slug, a.id, topic.groups[0]!.id);
    const html = await page(`/special/${slug}/`);
    expect((await one(html, "h1")).text).toBe("岚江秋汛");
    expect((await one(html, ".topic-banner")).attrs).toMatchObject({ alt: "岚江大堤", src: `/media/${banner.key}` });
    expect((await one(html, ".topic-intro")).text).toBe("秋汛来袭。");
    expect(await texts(html, ".topic-group > h2")).toEqual(["最新", "背景"]);
    expect(await itemTitles(html)).toEqual(["全线巡堤", "水位上涨", "去年的汛情"]);
    expect(await texts(html, ".topic-group .list h2")).toEqual([]);
    expect(await texts(html, ".topic-groups a")).toEqual(["最新", "背景"]);
    expect((await one(html, 'link[rel="canonical"]')).attrs.href).toBe(`http://localhost/special/${slug}/`);
    expect((await select(html, 'link[type="application/rss+xml"]')).map((l) => l.attrs.href)).toContain(`http://localhost/special/${slug}/rss.xml`);
  });

  it("pages at depth like a section: 20 a page, groups continued, a page past the end 404", async () => {
    const { topic, inLatest, inBackground } = await filled(25, 21);
    const second = await page(`/special/${topic.slug}/index_2.html`);
    expect(await texts(second, ".topic-group > h2")).toEqual(["最新（续）", "背景"]);
    expect(await itemTitles(second)).toEqual([
      ...inLatest.slice(0, 5).reverse().map((a) => a.title),
      ...inBackground.slice(-15).reverse().map((a) => a.title),
    ]);
    const third = await page(`/special/${topic.slug}/index_3.html`);
    expect(await itemTitles(third)).toEqual(inBackground.slice(0, 6).reverse().map((a) => a.title));
    expect((await get(`/special/${topic.slug}/index_4.html`)).status).toBe(404);
    // The group line links each group where it starts.
    const first = await page(`/special/${topic.slug}/`);
    expect((await select(first, ".topic-groups a")).map((a) => a.attrs.href)).toEqual([
      `/special/${topic.slug}/#g-${topic.groups[0]!.id}`,
      `/special/${topic.slug}/index_2.html#g-${topic.groups[1]!.id}`,
    ]);
  });

  it("lists a member only while it is published, and keeps it a member", async () => {
    const { editor, topic, inLatest } = await filled(3, 0);
    const [a, b, c] = inLatest;
    await articles(editor, "POST", `/${b!.id}/unpublish`);
    expect(await itemTitles(await page(`/special/${topic.slug}/`))).toEqual([c!.title, a!.title]);
    const members = await call(editor, "GET", `/topics/${topic.slug}/articles`);
    expect((members.json.items as { article_id: number }[]).map((m) => m.article_id)).toContain(b!.id);
    await articles(editor, "POST", `/${b!.id}/publish`);
    const back = await itemTitles(await page(`/special/${topic.slug}/`));
    expect(back).toHaveLength(3);
    expect(back).toContain(b!.title);
  });

  it("answers the other names of its first page with a 301, and unknown topics with a 404", async () => {
    const editor = await makeKey("editor");
    const topic = await makeTopic(editor, uniqueName("tp"));
    for (const path of [`/special/${topic.slug}`, `/special/${topic.slug}/index.html`, `/special/${topic.slug}/index_1.html`, `/special/${topic.slug}/?from=timeline`]) {
      const res = await get(path);
      expect([path, res.status, res.headers.get("Location")]).toEqual([path, 301, `/special/${topic.slug}/`]);
    }
    for (const path of ["/special/no-such-topic/", "/special/no-such-topic", "/special/UPPER/", `/special/${topic.slug}/index_02.html`, "/special/"]) {
      expect([path, (await get(path)).status]).toEqual([path, 404]);
    }
    expect(await texts(await page(`/special/${topic.slug}/`), ".empty")).toEqual(["暂无文章"]);
  });
});

describe("a topic's feeds", () => {
  it("carry its published articles newest first, in all three formats, through a real parser", async () => {
    const { editor, topic, inLatest, inBackground } = await filled(2, 2);
    await articles(editor, "POST", `/${inLatest[0]!.id}/unpublish`);
    const newestFirst = [inLatest[1]!, inBackground[1]!, inBackground[0]!].map((a) => a.title);
    const rss = await get(`/special/${topic.slug}/rss.xml`);
    expect(rss.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    const parsed = parseRssFeed(await rss.text());
    expect(parsed.title).toBe(`${topic.title} - 专题 - ${env.SITE_NAME}`);
    expect(parsed.items?.map((i) => i.title)).toEqual(newestFirst);
    expect(parsed.link).toBe(`http://localhost/special/${topic.slug}/`);
    const atom = parseAtomFeed(await (await get(`/special/${topic.slug}/atom.xml`)).text());
    expect(atom.id).toBe(`tag:localhost,2026:feed/special/${topic.slug}`);
    expect(atom.entries?.map((e) => e.title?.value)).toEqual(newestFirst);
    const json = parseJsonFeed(await (await get(`/special/${topic.slug}/feed.json`)).json());
    expect(json.items?.map((i) => i.title)).toEqual(newestFirst);
    expect((await get("/special/no-such-topic/rss.xml")).status).toBe(404);
  });
});

describe("topics in the sitemap", () => {
  it("lists each topic's first page with when what it lists last changed", async () => {
    const { topic } = await filled(1, 0);
    const xml = await (await get("/sitemaps/sections.xml")).text();
    expect(xml).toContain(`<loc>http://localhost/special/${topic.slug}/</loc>`);
  });
});

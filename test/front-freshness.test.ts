// The front page's pages stay fresh through the edge cache: after every kind of change that touches a topic
// or a slot — its own, or an article's in it — every URL that shows it answers what D1 holds now.
import { describe, it } from "vitest";
import { makeArticles, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { call, makeSlot, makeTopic, uniqueName } from "./curation-fixture.ts";
import { admin as articles } from "./admin-fixture.ts";
import { expectFresh, warm } from "./freshness.ts";

/** A topic with 22 members (two pages) in its first group and 3 in its second, and the URLs that show it. */
async function topicWithPages() {
  const editor = await makeKey("editor");
  const topic = await makeTopic(editor, uniqueName("fr"), ["最新", "背景"]);
  const [latest, background] = topic.groups;
  const section = uniqueSlug("fr");
  const first = await makeArticles(section, 22, Date.UTC(2025, 1, 1));
  const second = await makeArticles(section, 3, Date.UTC(2024, 1, 1));
  for (const a of first) await call(editor, "PUT", `/topics/${topic.slug}/articles/${a.id}`, { group: latest!.id });
  for (const a of second) await call(editor, "PUT", `/topics/${topic.slug}/articles/${a.id}`, { group: background!.id });
  const base = `/special/${topic.slug}/`;
  const urls = [base, `${base}index_2.html`, `${base}rss.xml`, `${base}atom.xml`, `${base}feed.json`, "/sitemaps/sections.xml"];
  await warm(urls);
  return { editor, topic, first, second, urls };
}

describe("a topic's pages and feeds are fresh", () => {
  it("after an article comes into it, moves group, or leaves it", async () => {
    const n = await topicWithPages();
    const [extra] = await makeArticles(uniqueSlug("fr"), 1, Date.UTC(2025, 6, 1));
    await call(n.editor, "PUT", `/topics/${n.topic.slug}/articles/${extra!.id}`);
    await expectFresh(n.urls);
    await call(n.editor, "PUT", `/topics/${n.topic.slug}/articles/${n.second[0]!.id}`, { group: n.topic.groups[0]!.id });
    await expectFresh(n.urls);
    await call(n.editor, "DELETE", `/topics/${n.topic.slug}/articles/${n.first[5]!.id}`);
    await expectFresh(n.urls);
  });

  it("after a member is edited, unpublished, republished earlier, and trashed", async () => {
    const n = await topicWithPages();
    await articles(n.editor, "PATCH", `/${n.first[3]!.id}`, { title: "改过的标题" });
    await expectFresh(n.urls);
    await articles(n.editor, "POST", `/${n.first[21]!.id}/unpublish`);
    await expectFresh(n.urls);
    await articles(n.editor, "POST", `/${n.first[21]!.id}/publish`, { publish_at: "2020-01-01T00:00:00+08:00" });
    await expectFresh(n.urls);
    await articles(n.editor, "DELETE", `/${n.second[1]!.id}`);
    await expectFresh(n.urls);
  });

  it("after its title, introduction and groups change, and once it is deleted", async () => {
    const n = await topicWithPages();
    const patch = (body: unknown) => call(n.editor, "PATCH", `/topics/${n.topic.slug}`, body, { "If-Match": "*" });
    await patch({ title: "新标题", intro: "新的导语" });
    await expectFresh(n.urls);
    await patch({ groups: [{ id: n.topic.groups[1]!.id, name: "背景资料" }, { id: n.topic.groups[0]!.id, name: "最新" }] });
    await expectFresh(n.urls);
    for (const a of [...n.first, ...n.second]) await call(n.editor, "DELETE", `/topics/${n.topic.slug}/articles/${a.id}`);
    await call(n.editor, "DELETE", `/topics/${n.topic.slug}`, undefined, { "If-Match": "*" });
    await expectFresh(n.urls);
  });

  it("a topic made where a reader met a 404 is there at once", async () => {
    const editor = await makeKey("editor");
    const slug = uniqueName("fr");
    const urls = [`/special/${slug}/`, `/special/${slug}/rss.xml`];
    await warm(urls);
    await makeTopic(editor, slug);
    await expectFresh(urls);
  });
});

describe("the home page is fresh", () => {
  it("after a slot is filled, reordered, emptied, and an article in it is edited or leaves the site", async () => {
    const editor = await makeKey("editor");
    const [a, b] = await makeArticles(uniqueSlug("fr"), 2, Date.UTC(2025, 2, 1));
    const put = (ids: number[]) => call(editor, "PUT", "/slots/tuijian/items", { items: ids.map((id) => ({ article_id: id })) }, { "If-Match": "*" });
    await warm(["/"]);
    await put([a!.id, b!.id]);
    await expectFresh(["/"]);
    await put([b!.id, a!.id]);
    await expectFresh(["/"]);
    await articles(editor, "PATCH", `/${a!.id}`, { title: "推荐位上改过的标题" });
    await expectFresh(["/"]);
    await articles(editor, "POST", `/${b!.id}/unpublish`);
    await expectFresh(["/"]);
    await call(editor, "DELETE", `/slots/tuijian/items/${a!.id}`);
    await expectFresh(["/"]);
  });

  it("after a slot is made, renamed and deleted, and after a topic is made", async () => {
    const admin = await makeKey("admin");
    const [a] = await makeArticles(uniqueSlug("fr"), 1, Date.UTC(2025, 2, 1));
    await warm(["/"]);
    const slot = await makeSlot(admin, uniqueName("fr"));
    await call(admin, "POST", `/slots/${slot.slug}/items`, { article_id: a!.id });
    await expectFresh(["/"]);
    await call(admin, "PATCH", `/slots/${slot.slug}`, { name: "新名字" }, { "If-Match": "*" });
    await expectFresh(["/"]);
    await call(admin, "DELETE", `/slots/${slot.slug}`, undefined, { "If-Match": "*" });
    await expectFresh(["/"]);
    await makeTopic(admin, uniqueName("fr"));
    await expectFresh(["/"]);
  });
});

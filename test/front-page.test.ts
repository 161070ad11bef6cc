// The home page built from what editors chose: the 头条 band, the 幻灯 pictures and the 推荐 list from their
// slots, a slot's own title and picture, the items live at the moment asked for, how long the edge may keep
// it, and the slot tags that let a slot's change purge it — and nothing that does not show the slot.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";
import { readFrontPage } from "../src/db/front-page.ts";
import { articleUrl } from "../src/content/urls.ts";
import { makeArticle, makeImage, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { type SlotJson, call, makeSlot, uniqueName } from "./curation-fixture.ts";
import { pngOf } from "./fixtures/images.ts";
import { select, texts } from "./html.ts";
import { settledFetch } from "./settle.ts";

const home = async () => (await settledFetch("http://localhost/", {}, { EDGE_CACHE: "off" })).text();

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");

/** Fills a slot with exactly these items, in order, whatever it held. */
async function fill(slug: string, items: Record<string, unknown>[]) {
  const editor = await makeKey("editor");
  const { status, json } = await call(editor, "PUT", `/slots/${slug}/items`, { items }, { "If-Match": "*" });
  if (status !== 200) throw new Error(`fill ${slug}: ${status} ${JSON.stringify(json)}`);
  return json as SlotJson;
}

describe("the home page shows what editors chose", () => {
  it("the 头条 band, the 幻灯 pictures and the 推荐 list, each item with the title and picture its slot gives", async () => {
    const section = uniqueSlug("fp");
    const cover = await makeImage(pngOf(640, 360), { alt: "岚江大桥合龙" });
    const other = await makeImage(pngOf(640, 361), { alt: "新区夜景" });
    const top = await makeArticle({ section, title: "全市经济工作会议召开", subtitle: "明确明年发展目标" });
    const bridge = await makeArticle({ section, title: "岚江大桥合龙", cover_image: cover.key });
    const night = await makeArticle({ section, title: "新区夜景初现" });
    const pick = await makeArticle({ section, title: "原来的标题", title_bold: true });
    await fill("toutiao", [{ article_id: top.id }]);
    await fill("huandeng", [{ article_id: bridge.id }, { article_id: night.id, image: other.key }]);
    await fill("tuijian", [{ article_id: pick.id, title: "推荐位上的标题" }]);

    const html = await home();
    expect(await texts(html, ".top-story h3")).toEqual(["全市经济工作会议召开"]);
    expect(await texts(html, ".top-story p")).toEqual(["明确明年发展目标"]);
    expect((await select(html, ".focus-strip img")).map((i) => i.attrs.src)).toEqual([`/media/${cover.key}`, `/media/${other.key}`]);
    expect((await select(html, ".focus-strip a")).map((a) => a.attrs.href)).toEqual([articleUrl(section, bridge.id), articleUrl(section, night.id)]);
    expect(await texts(html, ".picks li strong")).toEqual(["推荐位上的标题"]);
    expect((await texts(html, ".picks"))[0]).not.toContain("原来的标题");
  });

  it("shows an item only until its time, even before the cron takes it out", async () => {
    const section = uniqueSlug("fp");
    const [lasting, leaving] = [await makeArticle({ section, title: "常驻推荐" }), await makeArticle({ section, title: "限时推荐" })];
    const until = Date.now() + 3_600_000;
    await fill("tuijian", [{ article_id: leaving.id, expires_at: rfc3339(until) }, { article_id: lasting.id }]);
    const titles = async (at: number) => {
      const front = await readFrontPage(env.DB, 8, at);
      return front.slots.find((s) => s.slug === "tuijian")?.items.map((i) => i.title);
    };
    expect(await titles(until - 1000)).toEqual(["限时推荐", "常驻推荐"]);
    expect(await titles(until)).toEqual(["常驻推荐"]);
    expect((await readFrontPage(env.DB, 8, until - 1000)).nextExpiry).toBe(Math.floor(until / 1000) * 1000);
    expect((await readFrontPage(env.DB, 8, until)).nextExpiry).toBeNull();
  });
});

/** A request through Workers Cache (a stand-in for Cloudflare's): the answer carries what Cloudflare would keep. */
async function throughWorkersCache(path: string) {
  const cache = { purge: async () => ({ success: true, errors: [] }), invalidate: async () => ({ success: true, errors: [] }) };
  const ctx = Object.assign(createExecutionContext(), { cache });
  const res = await worker.fetch(new Request(`http://localhost${path}`), { ...env, EDGE_CACHE: "workers" }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const edgeMaxAge = (res: Response) => Number(/max-age=(\d+)/.exec(res.headers.get("Cloudflare-CDN-Cache-Control") ?? "")?.[1]);

describe("how long the home page may be kept, and what purges it", () => {
  it("no longer than until the next item leaves its slot by itself", async () => {
    const [a] = [await makeArticle({ section: uniqueSlug("fp"), title: "一小时后下推荐" })];
    await fill("tuijian", []);
    expect(edgeMaxAge(await throughWorkersCache("/"))).toBe(86_400);
    await fill("tuijian", [{ article_id: a.id, expires_at: rfc3339(Date.now() + 3_600_000) }]);
    const maxAge = edgeMaxAge(await throughWorkersCache("/"));
    expect(maxAge).toBeLessThanOrEqual(3_600);
    expect(maxAge).toBeGreaterThan(3_000);
  });

  it("carries each slot's tag, which a change to that slot purges; an article page does not", async () => {
    const admin = await makeKey("admin");
    const slot = await makeSlot(admin, uniqueName("rail"));
    const section = uniqueSlug("fp");
    const a = await makeArticle({ section, title: "右栏的一条" });
    const tagsOf = async (path: string) => (await throughWorkersCache(path)).headers.get("Cache-Tag")?.split(",") ?? [];
    expect(await tagsOf("/")).toEqual(expect.arrayContaining([`s:${slot.slug}`, "s:toutiao", "s:huandeng", "s:tuijian"]));
    const { json } = await call(admin, "POST", `/slots/${slot.slug}/items`, { article_id: a.id });
    expect((json as SlotJson).purge.tags).toEqual([`s:${slot.slug}`]);
    expect(await tagsOf(articleUrl(section, a.id))).not.toContain(`s:${slot.slug}`);
    expect(await texts(await home(), `section[aria-labelledby="slot-${slot.slug}"] li a`)).toEqual(["右栏的一条"]);
  });
});

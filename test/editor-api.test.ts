// What the browser editor builds on: a refused save says who changed the article and when; who else has it
// open (a heartbeat, gone within 90 s, never blocking a save); a revision as it was, for a side-by-side
// diff; and a live preview rendered by the reader page's own renderer.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { heartbeat } from "../src/db/presence.ts";
import { runScheduledJobs } from "../src/scheduler.ts";
import { makeImage, makeSection, uniqueSlug } from "./fixtures.ts";
import { png } from "./fixtures/images.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";
import { desk, makePerson } from "./staff-fixture.ts";
import { settledFetch } from "./settle.ts";

const BASE = "http://localhost/api/v1/admin/articles";

type Json = Record<string, unknown> & { id: number; version: number; error?: Record<string, unknown> & { code: string } };

async function api(key: TestKey, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await settledFetch(`${BASE}${path}`, {
    method,
    headers: { ...key.headers, ...headers, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { res, json: (res.status === 204 ? {} : await res.json()) as Json };
}

async function article(key: TestKey, fields: Record<string, unknown> = {}) {
  const section = uniqueSlug("ed");
  await makeSection(section);
  const { json } = await api(key, "POST", "", { section, title: "编辑器里的稿子", ...fields });
  return { id: json.id, section };
}

describe("a save refused with 412", () => {
  it("says who made the change that won, when, and what it was, so the editor can keep the text and show both", async () => {
    const wang = await makePerson("editor", { displayName: "王五" });
    const me = await makeKey("editor");
    const { id } = await article(me);
    const theirs = await desk(wang, "PATCH", `/api/v1/admin/articles/${id}`, { body: "王五的版本" }, { "If-Match": '"1"' });
    const theirsAt = ((await theirs.json()) as { updated_at: string }).updated_at;
    const mine = await api(me, "PATCH", `/${id}`, { body: "我的版本" }, { "If-Match": '"1"' });
    expect(mine.res.status).toBe(412);
    expect(mine.res.headers.get("ETag")).toBe('"2"');
    expect(mine.json.error).toMatchObject({
      code: "version_conflict",
      current_version: 2,
      updated_at: theirsAt,
      updated_by: { id: wang.staff.id, kind: "staff", name: "王五" },
      last_action: "update",
    });
    const now = (await api(me, "GET", `/${id}`)).json;
    expect(now).toMatchObject({ body: "王五的版本", last_change: { version: 2, action: "update", actor: { id: wang.staff.id, kind: "staff", name: "王五" }, at: theirsAt } });
  });
});

describe("who else is here", () => {
  it("shows a person with the article open to everyone else, in the article and in the list, until they leave", async () => {
    const wang = await makePerson("editor", { displayName: "王五" });
    const li = await makePerson("author", { displayName: "李四" });
    const me = await makeKey("editor");
    const { id, section } = await article(me);
    const beat = await desk(wang, "PUT", `/api/v1/admin/articles/${id}/presence`);
    expect(beat.status).toBe(200);
    expect(await beat.json()).toMatchObject({ editing: [], version: 1, last_change: { action: "create" } });
    const liBeat = (await (await desk(li, "PUT", `/api/v1/admin/articles/${id}/presence`)).json()) as { editing: { actor_id: number; name: string }[] };
    expect(liBeat.editing.map((e) => e.name)).toEqual(["王五"]);

    const seen = (await api(me, "GET", `/${id}`)).json as Json & { editing: { actor_id: number; name: string; since: string }[] };
    expect(seen.editing.map((e) => [e.actor_id, e.name])).toEqual([
      [wang.staff.id, "王五"],
      [li.staff.id, "李四"],
    ]);
    const listed = (await api(me, "GET", `?section=${section}`)).json as unknown as { items: { id: number; editing: { name: string }[] }[] };
    expect(listed.items.find((i) => i.id === id)?.editing.map((e) => e.name)).toEqual(["王五", "李四"]);
    // Nobody is shown themselves.
    const own = (await (await desk(wang, "GET", `/api/v1/admin/articles/${id}`)).json()) as { editing: { name: string }[] };
    expect(own.editing.map((e) => e.name)).toEqual(["李四"]);

    expect((await desk(li, "DELETE", `/api/v1/admin/articles/${id}/presence`)).status).toBe(204);
    const after = (await api(me, "GET", `/${id}`)).json as Json & { editing: { name: string }[] };
    expect(after.editing.map((e) => e.name)).toEqual(["王五"]);
  });

  it("forgets whoever stopped sending heartbeats 90 seconds ago, and keeps `since` while they keep coming", async () => {
    const me = await makeKey("editor");
    const other = await makeKey("editor");
    const { id } = await article(me);
    const t0 = Date.now() - 10 * 60_000;
    const who = { id: other.key.id, name: other.key.name };
    await heartbeat(env.DB, id, who, t0);
    const kept = await heartbeat(env.DB, id, { id: me.key.id, name: me.key.name }, t0 + 60_000);
    expect(kept?.editing.map((e) => [e.name, e.since])).toEqual([[other.key.name, t0]]);
    await heartbeat(env.DB, id, who, t0 + 80_000);
    const stillThere = await heartbeat(env.DB, id, { id: me.key.id, name: me.key.name }, t0 + 160_000);
    expect(stillThere?.editing.map((e) => e.since)).toEqual([t0]);
    const gone = await heartbeat(env.DB, id, { id: me.key.id, name: me.key.name }, t0 + 171_000);
    expect(gone?.editing).toEqual([]);
    // Back after the gap: a new `since`.
    const back = await heartbeat(env.DB, id, who, t0 + 200_000);
    expect(back?.editing.map((e) => e.name)).toEqual([me.key.name]);
    expect((await heartbeat(env.DB, id, { id: me.key.id, name: me.key.name }, t0 + 201_000))?.editing.map((e) => e.since)).toEqual([t0 + 200_000]);
    // The cron forgets the rows that no longer count.
    await runScheduledJobs(env.DB, { now: Date.now(), authWindowMs: 0, signInWindowMs: 0 });
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM presence WHERE article_id = ?").bind(id).first<{ n: number }>()).toEqual({ n: 0 });
  });

  it("never blocks a save, and answers 404 for an unknown article", async () => {
    const wang = await makePerson("editor", { displayName: "王五" });
    const me = await makeKey("editor");
    const { id } = await article(me);
    await desk(wang, "PUT", `/api/v1/admin/articles/${id}/presence`);
    expect((await api(me, "PATCH", `/${id}`, { title: "照样保存" }, { "If-Match": '"1"' })).res.status).toBe(200);
    expect((await api(me, "PUT", "/4294967295/presence")).res.status).toBe(404);
    expect((await api(me, "PUT", `/${id}/presence?x=1`)).res.status).toBe(400);
  });
});

describe("a revision as it was", () => {
  it("answers every field of revision n, with who, when and what was done, for a side-by-side diff", async () => {
    const me = await makeKey("editor");
    const { id, section } = await article(me, { body: "初稿正文", bylines: [{ name: "林晓", role: "记者" }] });
    await api(me, "PATCH", `/${id}`, { body: "改后的正文" }, { "If-Match": '"1"' });
    const first = await api(me, "GET", `/${id}/revisions/1`);
    expect(first.res.status).toBe(200);
    expect(first.json).toMatchObject({
      version: 1,
      action: "create",
      actor: me.key.name,
      actor_id: me.key.id,
      actor_kind: "key",
      status: "draft",
      section: { path: section },
      title: "编辑器里的稿子",
      body: "初稿正文",
      bylines: [{ name: "林晓", role: "记者" }],
      review: null,
    });
    expect((await api(me, "GET", `/${id}/revisions/2`)).json).toMatchObject({ version: 2, action: "update", body: "改后的正文" });
    expect((await api(me, "GET", `/${id}/revisions/3`)).res.status).toBe(404);
    const list = (await api(me, "GET", `/${id}/revisions`)).json as unknown as { items: { version: number; actor_id: number; started_at: string | null }[] };
    expect(list.items.map((r) => [r.version, r.actor_id, r.started_at])).toEqual([
      [2, me.key.id, null],
      [1, me.key.id, null],
    ]);
  });

  it("says trash for a revision made in the trash, as the article itself does", async () => {
    const me = await makeKey("editor");
    const { id } = await article(me);
    await api(me, "DELETE", `/${id}`);
    expect((await api(me, "GET", `/${id}/revisions/2`)).json).toMatchObject({ version: 2, action: "trash", status: "trash" });
    expect((await api(me, "GET", `/${id}/revisions/1`)).json).toMatchObject({ status: "draft" });
  });
});

describe("the live preview", () => {
  it("renders the fields on screen as the reader's article page shows them, storing nothing", async () => {
    const me = await makeKey("author");
    const section = uniqueSlug("pv");
    await makeSection(section, "要闻");
    const image = await makeImage(png(), { alt: "岚江", caption: "岚江晨景" });
    const before = await env.DB.prepare("SELECT COUNT(*) AS n FROM articles").first<{ n: number }>();
    const { res, json } = await api(me, "POST", "/render", {
      section,
      title: "预览中的<标题>",
      kicker: "引题",
      source: "青岚日报",
      bylines: [{ name: "林晓", role: "记者" }],
      body: `第一段**加粗**。<script>alert(1)</script>\n\n![](/media/${image.key})`,
      publish_at: "2026-03-12T08:00:00+08:00",
    });
    expect(res.status).toBe(200);
    const html = json.html as string;
    expect(html).toContain("<h1>预览中的&lt;标题&gt;</h1>");
    expect(html).toContain('<p class="kicker">引题</p>');
    expect(html).toContain("<p>第一段<strong>加粗</strong>。</p>");
    expect(html).not.toContain("<script>");
    expect(html).toContain(`<figure><img src="/media/${image.key}" alt="岚江" width="6" height="4"`);
    expect(html).toContain("<figcaption>岚江晨景</figcaption>");
    expect(html).toContain("2026年03月12日");
    expect(html).toContain('<span>记者 林晓</span>');
    expect(json.stylesheet).toMatch(/^\/assets\/site\.[0-9a-f]+\.css$/);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM articles").first<{ n: number }>()).toEqual(before);
  });

  it("takes an empty title while the person writes, and refuses what a save would refuse", async () => {
    const me = await makeKey("author");
    const section = uniqueSlug("pv");
    await makeSection(section);
    expect((await api(me, "POST", "/render", { section, body: "只有正文" })).res.status).toBe(200);
    const unknown = await api(me, "POST", "/render", { section: "no/such", title: "x" });
    expect([unknown.res.status, unknown.json.error?.code]).toEqual([422, "unknown_section"]);
    const missing = await api(me, "POST", "/render", { section, body: `![](/media/${"c".repeat(64)}.png)` });
    expect([missing.res.status, missing.json.error?.code]).toEqual([422, "unknown_image"]);
    expect((await api(me, "POST", "/render", { section, colour: "red" })).res.status).toBe(400);
    expect((await api(me, "POST", "/render", { title: "无栏目" })).res.status).toBe(400);
  });
});

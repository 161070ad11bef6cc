// Who else is here, on the desk's list and through 接管编辑: "王五 正在编辑" on the list's rows, read in the list's
// one statement; an editor takes an article over from whoever has it open; their next heartbeat says who took
// over (once), they drop out of 正在编辑, nobody's save is blocked, and the audit log records it. An author
// may take over only what they may edit, and never an editor's editing.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { listDeskArticles } from "../src/db/desk-articles.ts";
import { D1Meter } from "../src/db/metered.ts";
import { getSectionByPath } from "../src/db/sections.ts";
import { makeSection, uniqueSlug } from "./fixtures.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";
import { type Person, desk, makePerson } from "./staff-fixture.ts";
import { settledFetch } from "./settle.ts";

const BASE = "http://localhost/api/v1/admin/articles";

type Beat = { editing: { name: string }[]; taken_over: { by: { id: number; name: string }; at: string } | null };

async function article(key: TestKey | Person, fields: Record<string, unknown> = {}): Promise<number> {
  const section = uniqueSlug("tk");
  await makeSection(section);
  const body = { section, title: "接管的稿子", ...fields };
  const res =
    "cookie" in key
      ? await desk(key, "POST", "/api/v1/admin/articles", body)
      : await settledFetch(BASE, { method: "POST", headers: { ...key.headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

const beat = async (p: Person, id: number) => (await (await desk(p, "PUT", `/api/v1/admin/articles/${id}/presence`)).json()) as Beat;
const takeover = (p: Person, id: number) => desk(p, "POST", `/api/v1/admin/articles/${id}/presence/takeover`);

describe("正在编辑 on the desk's list", () => {
  it("names who else has a row's article open, in the list's one statement, and not once they leave", async () => {
    const wang = await makePerson("editor", { displayName: "王五" });
    const me = await makePerson("editor", { displayName: "看列表的人" });
    const section = uniqueSlug("tl");
    await makeSection(section);
    const open = await article(wang, { section, title: "有人在编辑的稿子" });
    await article(wang, { section, title: "没人在编辑的稿子" });
    await beat(wang, open);
    await beat(me, open);

    const sectionId = (await getSectionByPath(env.DB, section))?.id;
    const meter = new D1Meter();
    const rows = await listDeskArticles(meter.wrap(env.DB), { limit: 31, ...(sectionId !== undefined && { sectionId }) }, { actorId: me.staff.id, now: Date.now() });
    expect(meter.usage).toMatchObject({ roundTrips: 1, queries: 1 });
    expect(rows.map((r) => [r.title, r.editing.map((e) => e.name)])).toEqual([
      ["没人在编辑的稿子", []],
      ["有人在编辑的稿子", ["王五"]],
    ]);

    const page = async () => await (await desk(me, "GET", `/desk?section=${section}`)).text();
    expect(await page()).toContain("王五 正在编辑");
    expect(await page()).not.toContain("看列表的人 正在编辑");
    await desk(wang, "DELETE", `/api/v1/admin/articles/${open}/presence`);
    expect(await page()).not.toContain("正在编辑");
  });
});

describe("接管编辑", () => {
  it("tells the person taken over at their next heartbeat, once, drops them from 正在编辑, blocks no save and is audited", async () => {
    const author = await makePerson("author", { displayName: "赵记者" });
    const editor = await makePerson("editor", { displayName: "钱编辑" });
    const admin = await makeKey("admin");
    const id = await article(author);
    expect((await beat(author, id)).taken_over).toBeNull();
    expect((await beat(editor, id)).editing.map((e) => e.name)).toEqual(["赵记者"]);

    const taken = await takeover(editor, id);
    expect(taken.status).toBe(200);
    expect(await taken.json()).toEqual({ taken_from: [{ actor_id: author.staff.id, name: "赵记者" }] });
    expect((await beat(editor, id)).editing).toEqual([]);

    const told = await beat(author, id);
    expect(told.taken_over).toMatchObject({ by: { id: editor.staff.id, name: "钱编辑" } });
    expect(told.taken_over?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    // Said once: the heartbeat that told them noted them nowhere, and the next is a fresh arrival.
    expect((await beat(editor, id)).editing).toEqual([]);
    expect((await beat(author, id)).taken_over).toBeNull();
    expect((await beat(editor, id)).editing.map((e) => e.name)).toEqual(["赵记者"]);

    // It warns; If-Match still decides whose save wins.
    const save = await desk(author, "PATCH", `/api/v1/admin/articles/${id}`, { body: "作者照样能保存" }, { "If-Match": '"1"' });
    expect(save.status).toBe(200);

    const log = (await (await settledFetch(`http://localhost/api/v1/admin/audit?article=${id}&action=article.takeover`, { headers: admin.headers })).json()) as {
      items: { actor: { id: number; name: string }; detail: { from: { id: number; name: string }[] } }[];
    };
    expect(log.items.map((e) => [e.actor.name, e.detail.from])).toEqual([["钱编辑", [{ id: author.staff.id, name: "赵记者" }]]]);
  });

  it("lets an author take over only their own draft, and never from an editor: 403, nothing taken", async () => {
    const author = await makePerson("author", { displayName: "孙记者" });
    const other = await makePerson("author", { displayName: "周记者" });
    const editor = await makePerson("editor", { displayName: "吴编辑" });
    const own = await article(author);
    await beat(editor, own);
    const refused = await takeover(author, own);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("吴编辑");
    expect((await beat(editor, own)).taken_over).toBeNull();
    expect((await beat(author, own)).editing.map((e) => e.name)).toEqual(["吴编辑"]);

    // Not theirs to edit at all: refused whoever is there.
    const theirs = await article(other);
    await beat(other, theirs);
    expect((await takeover(author, theirs)).status).toBe(403);
    expect((await beat(other, theirs)).taken_over).toBeNull();

    // An author's editing they may take over: a key with the author role has their draft open.
    const tool = await makeKey("author");
    const toolBeat = () => settledFetch(`${BASE}/${own}/presence`, { method: "PUT", headers: tool.headers });
    await toolBeat();
    expect((await desk(editor, "DELETE", `/api/v1/admin/articles/${own}/presence`)).status).toBe(204);
    const allowed = await takeover(author, own);
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ taken_from: [{ actor_id: tool.key.id, name: tool.key.name }] });
    expect(((await (await toolBeat()).json()) as Beat).taken_over?.by.name).toBe("孙记者");
  });

  it("answers an empty list when no one else is there, and 404 for an unknown article", async () => {
    const editor = await makePerson("editor", { displayName: "郑编辑" });
    const id = await article(editor);
    const alone = await takeover(editor, id);
    expect(alone.status).toBe(200);
    expect(await alone.json()).toEqual({ taken_from: [] });
    expect((await takeover(editor, 4294967295)).status).toBe(404);
    expect((await desk(editor, "POST", `/api/v1/admin/articles/${id}/presence/takeover?x=1`)).status).toBe(400);
  });
});

// Autosaves do not flood revisions (src/publish/autosave.ts): a person's autosaves of one article fold into
// one working revision until a pause of 5 minutes, 10 minutes of writing, or any other change; every save
// is still a new version, so If-Match keeps working. The day below runs on an injected clock.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import type { Actor } from "../src/domain/actor.ts";
import { changeArticle, createArticle } from "../src/publish/changes.ts";
import { listRevisions } from "../src/db/revisions.ts";
import { settledFetch } from "./settle.ts";
import { makeSection, uniqueSlug } from "./fixtures.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";

const MIN = 60_000;
const at = (hh: number, mm: number, ss = 0) => Date.UTC(2026, 2, 12, hh - 8, mm, ss);
const actorOf = (k: TestKey): Actor => ({ kind: "key", id: k.key.id, name: k.key.name, role: k.key.role });

async function draft(actor: Actor, now: number) {
  const section = uniqueSlug("as");
  await makeSection(section);
  const created = await createArticle(env.DB, { section, title: "一天的稿子", body: "" }, { actor, now });
  if (created.kind !== "created") throw new Error("fixture");
  return created.report.article.id;
}

describe("a day of autosaving", () => {
  it("makes a bounded number of revisions: one per 10 minutes of writing, a new one after each pause, explicit save or other person", async () => {
    const author = actorOf(await makeKey("author"));
    const colleague = actorOf(await makeKey("editor"));
    const id = await draft(author, at(9, 0));
    let body = "";
    let autosaves = 0;
    const autosave = async (now: number) => {
      body += "字";
      autosaves += 1;
      await changeArticle(env.DB, id, { kind: "update", patch: { body }, autosave: true }, { actor: author, now });
    };
    /** Autosaves every `stepSeconds` from `from` to `to`, both included, as an editor does while someone types. */
    const typing = async (from: number, to: number, stepSeconds = 30) => {
      for (let t = from; t <= to; t += stepSeconds * 1000) await autosave(t);
    };

    await typing(at(9, 0, 30), at(10, 30)); // 90 minutes of writing: 9 working revisions
    await typing(at(10, 40), at(11, 0)); // after a 10-minute coffee: 3 (10:40, 10:50, 11:00)
    await changeArticle(env.DB, id, { kind: "update", patch: { title: "一天的稿子（改）" } }, { actor: author, now: at(11, 0, 15) }); // 保存
    await typing(at(11, 0, 30), at(12, 0)); // after the explicit save: 6
    await typing(at(13, 30), at(13, 32)); // after lunch: 1 (13:30)
    await typing(at(13, 38), at(14, 0)); // after a 6-minute interruption, a pause: 3 (13:38, 13:48, 13:58)
    await typing(at(14, 3), at(14, 30)); // a 3-minute call is no pause: 3 more (14:08, 14:18, 14:28)
    await changeArticle(env.DB, id, { kind: "update", patch: { summary: "同事补的摘要" } }, { actor: colleague, now: at(14, 30, 15), ifMatch: "any" });
    await typing(at(14, 30, 30), at(15, 0)); // after the colleague's save: 3 (14:30:30, 14:40:30, 14:50:30)
    await typing(at(15, 4), at(16, 0), 240); // slow edits every 4 minutes: a new one each 12 (15:04, 15:16, 15:28, 15:40, 15:52)
    await changeArticle(env.DB, id, { kind: "submit", note: "" }, { actor: author, now: at(16, 0, 30) });

    const revisions = (await listRevisions(env.DB, id)).reverse();
    const working = revisions.filter((r) => r.action === "autosave");
    expect(autosaves).toBe(521);
    expect(working).toHaveLength(9 + 3 + 6 + 1 + 3 + 3 + 3 + 5);
    // The pause after lunch ended the working revision: what was written before it is kept as it was then.
    expect(working.map((r) => r.createdAt)).toContain(at(13, 32));
    // The bound the rule promises: at most one per 5 minutes of the day, one per 10 of steady writing.
    expect(working.length).toBeLessThanOrEqual((at(16, 0) - at(9, 0)) / (5 * MIN));
    expect(revisions.map((r) => r.action).filter((a) => a !== "autosave")).toEqual(["create", "update", "update", "submit"]);
    // Every save was a version of its own: the ETag moved on with each.
    expect(revisions.at(-1)?.version).toBe(1 + autosaves + 3);

    for (const [i, r] of revisions.entries()) {
      if (r.action !== "autosave") continue;
      const before = revisions[i - 1];
      // A working revision covers under 10 minutes, begins after the revision before it, and is the author's.
      expect(r.createdAt - (r.startedAt ?? 0)).toBeLessThan(10 * MIN);
      expect(r.startedAt ?? 0).toBeGreaterThan(before?.createdAt ?? 0);
      expect(r.actorId).toBe(author.id);
    }
    // The last working revision holds the last text typed.
    const last = working.at(-1);
    const snapshot = await env.DB.prepare("SELECT snapshot FROM revisions WHERE article_id = ? AND version = ?").bind(id, last?.version).first<{ snapshot: string }>();
    expect((JSON.parse(snapshot?.snapshot ?? "{}") as { body: string }).body).toBe(body);
  });

  it("never folds into another actor's autosave, nor into an autosave after a pause", async () => {
    const one = actorOf(await makeKey("editor"));
    const two = actorOf(await makeKey("editor"));
    const id = await draft(one, at(9, 0));
    const save = (actor: Actor, now: number, text: string) =>
      changeArticle(env.DB, id, { kind: "update", patch: { body: text }, autosave: true }, { actor, now, ifMatch: "any" });
    await save(one, at(9, 1), "一");
    await save(two, at(9, 2), "一二");
    await save(one, at(9, 3), "一二三");
    await save(one, at(9, 9), "一二三四"); // six minutes later: a pause
    await save(one, at(9, 10), "一二三四五");
    const revisions = await listRevisions(env.DB, id);
    expect(revisions.map((r) => [r.version, r.action, r.actorId])).toEqual([
      [6, "autosave", one.id],
      [4, "autosave", one.id],
      [3, "autosave", two.id],
      [2, "autosave", one.id],
      [1, "create", one.id],
    ]);
  });
});

const BASE = "http://localhost/api/v1/admin/articles";

async function api(key: TestKey, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await settledFetch(`${BASE}${path}`, {
    method,
    headers: { ...key.headers, ...headers, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { res, json: (await res.json()) as Record<string, unknown> & { version: number; error?: { code: string } } };
}

describe("X-Masthead-Autosave: 1", () => {
  it("folds a person's autosaves into one revision, each a new version and ETag, within the write path's three round trips", async () => {
    const key = await makeKey("author");
    const section = uniqueSlug("as");
    await makeSection(section);
    const { json: created } = await api(key, "POST", "", { section, title: "自动保存" });
    const id = created.id as number;
    const autosave = (version: number, body: string) => api(key, "PATCH", `/${id}`, { body }, { "If-Match": `"${version}"`, "X-Masthead-Autosave": "1" });
    const first = await autosave(1, "第一");
    const second = await autosave(2, "第一句。第二");
    expect([first.res.headers.get("ETag"), second.res.headers.get("ETag")]).toEqual(['"2"', '"3"']);
    // Nothing a reader sees changed: no purge call for each keystroke's save.
    expect([first.json.purge, second.json.purge]).toMatchObject([{ tags: [] }, { tags: [] }]);
    expect(Number(/round_trips=(\d+)/.exec(second.res.headers.get("Server-Timing") ?? "")?.[1])).toBeLessThanOrEqual(3);
    // The stale version is refused as any save is: autosaving never overwrites.
    expect((await autosave(2, "旧版本上的改动")).res.status).toBe(412);
    const { json: list } = await api(key, "GET", `/${id}/revisions`);
    expect((list.items as { version: number; action: string }[]).map((r) => [r.version, r.action])).toEqual([
      [3, "autosave"],
      [1, "create"],
    ]);
    expect((await api(key, "GET", `/${id}/revisions/2`)).res.status).toBe(404);
    expect((await api(key, "GET", `/${id}/revisions/3`)).json).toMatchObject({ action: "autosave", body: "第一句。第二" });
    const audit = await env.DB.prepare("SELECT action, detail FROM audit_log WHERE article_id = ? ORDER BY id").bind(id).all<{ action: string; detail: string }>();
    expect(audit.results.map((r) => [r.action, JSON.parse(r.detail).version])).toEqual([
      ["article.create", 1],
      ["article.autosave", 2],
    ]);
    // An explicit save closes the working revision; the next autosave starts another.
    await api(key, "PATCH", `/${id}`, { body: "第一句。第二句。" }, { "If-Match": '"3"' });
    await autosave(4, "第一句。第二句。第三");
    const { json: after } = await api(key, "GET", `/${id}/revisions`);
    expect((after.items as { action: string }[]).map((r) => r.action)).toEqual(["autosave", "update", "autosave", "create"]);
  });

  it("writes nothing when nothing changed, refuses a published article (every save of it is live), and takes only 1 or 0", async () => {
    const key = await makeKey("editor");
    const section = uniqueSlug("as");
    await makeSection(section);
    const { json: created } = await api(key, "POST", "", { section, title: "已有", body: "正文" });
    const id = created.id as number;
    const same = await api(key, "PATCH", `/${id}`, { title: "已有", body: "正文" }, { "If-Match": '"1"', "X-Masthead-Autosave": "1" });
    expect([same.res.status, same.json.version]).toEqual([200, 1]);
    expect((await api(key, "PATCH", `/${id}`, { body: "x" }, { "If-Match": '"1"', "X-Masthead-Autosave": "yes" })).res.status).toBe(400);
    await api(key, "POST", `/${id}/publish`);
    const live = await api(key, "PATCH", `/${id}`, { body: "半句" }, { "If-Match": '"2"', "X-Masthead-Autosave": "1" });
    expect(live.res.status).toBe(409);
    expect(live.json.error?.code).toBe("wrong_status");
    expect((await api(key, "PATCH", `/${id}`, { body: "改好的正文" }, { "If-Match": '"2"', "X-Masthead-Autosave": "0" })).res.status).toBe(200);
  });
});

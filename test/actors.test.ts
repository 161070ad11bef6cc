// People and keys are two kinds of actor that authorise through the one write path exactly alike: the same
// role gets the same answers, an author person owns their drafts as an author key does, a retried create
// is replayed for both, and the audit log names who acted. Keys and people share one id space.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import type { Role } from "../src/domain/role.ts";
import { makeArticle, makeSection } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { DESK_HEADERS, fetchApp, makePerson } from "./staff-fixture.ts";

const SECTION = "actors";

beforeAll(async () => {
  await makeSection(SECTION, "行动者");
});

type Caller = { kind: "key" | "person"; call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response> };

async function callerOf(kind: "key" | "person", role: Role): Promise<Caller> {
  if (kind === "key") {
    const { headers } = await makeKey(role);
    return {
      kind,
      call: (method, path, body, extra = {}) =>
        fetchApp(path, { method, headers: { ...headers, "Content-Type": "application/json", ...extra }, ...(body !== undefined && { body: JSON.stringify(body) }) }),
    };
  }
  const person = await makePerson(role);
  return {
    kind,
    call: (method, path, body, extra = {}) =>
      fetchApp(path, {
        method,
        headers: { Cookie: person.cookie, ...(method !== "GET" && DESK_HEADERS), ...extra },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
  };
}

/** Everything a role decides, tried in order; the statuses are what the caller would notice. */
async function tryEverything(caller: Caller): Promise<Record<string, number>> {
  const someoneElses = await makeArticle({ section: SECTION, status: "draft", title: "别人的稿件" });
  const created = await caller.call("POST", "/api/v1/admin/articles", { section: SECTION, title: "自己的稿件" });
  const own = ((await created.clone().json()) as { id: number }).id;
  const idem = { "Idempotency-Key": crypto.randomUUID() };
  const first = await caller.call("POST", "/api/v1/admin/articles", { section: SECTION, title: "重试" }, idem);
  const retry = await caller.call("POST", "/api/v1/admin/articles", { section: SECTION, title: "重试" }, idem);
  const same = ((await first.json()) as { id: number }).id === ((await retry.json()) as { id: number }).id;
  return {
    "create a draft": created.status,
    "retry a create (replayed)": same ? retry.status : -1,
    "edit own draft": (await caller.call("PATCH", `/api/v1/admin/articles/${own}`, { title: "改过的" }, { "If-Match": "*" })).status,
    "edit someone else's draft": (await caller.call("PATCH", `/api/v1/admin/articles/${someoneElses.id}`, { title: "改别人的" }, { "If-Match": "*" })).status,
    "publish own draft": (await caller.call("POST", `/api/v1/admin/articles/${own}/publish`, {})).status,
    "trash someone else's draft": (await caller.call("DELETE", `/api/v1/admin/articles/${someoneElses.id}`)).status,
    "list images": (await caller.call("GET", "/api/v1/admin/images")).status,
    "read the audit log": (await caller.call("GET", "/api/v1/admin/audit")).status,
    "list keys": (await caller.call("GET", "/api/v1/admin/keys")).status,
    "list staff": (await caller.call("GET", "/api/v1/admin/staff")).status,
  };
}

const EXPECTED: Record<Role, Record<string, number>> = {
  author: {
    "create a draft": 201,
    "retry a create (replayed)": 201,
    "edit own draft": 200,
    "edit someone else's draft": 403,
    "publish own draft": 403,
    "trash someone else's draft": 403,
    "list images": 200,
    "read the audit log": 403,
    "list keys": 403,
    "list staff": 403,
  },
  editor: {
    "create a draft": 201,
    "retry a create (replayed)": 201,
    "edit own draft": 200,
    "edit someone else's draft": 200,
    "publish own draft": 200,
    "trash someone else's draft": 200,
    "list images": 200,
    "read the audit log": 200,
    "list keys": 403,
    "list staff": 403,
  },
  admin: {
    "create a draft": 201,
    "retry a create (replayed)": 201,
    "edit own draft": 200,
    "edit someone else's draft": 200,
    "publish own draft": 200,
    "trash someone else's draft": 200,
    "list images": 200,
    "read the audit log": 200,
    "list keys": 200,
    "list staff": 200,
  },
};

describe("the same role checks for a person and a key", () => {
  it.each(["author", "editor", "admin"] as const)("as %s", async (role) => {
    const [asKey, asPerson] = [await tryEverything(await callerOf("key", role)), await tryEverything(await callerOf("person", role))];
    expect(asPerson).toEqual(asKey);
    expect(asKey).toEqual(EXPECTED[role]);
  });
});

describe("one id space", () => {
  it("gives keys and people distinct ids from the actors table, each of its own kind", async () => {
    const { key } = await makeKey("editor");
    const person = await makePerson("editor");
    const { key: later } = await makeKey("editor");
    expect(new Set([key.id, person.staff.id, later.id]).size).toBe(3);
    const kinds = await env.DB.prepare("SELECT id, kind FROM actors WHERE id IN (?, ?, ?) ORDER BY id")
      .bind(key.id, person.staff.id, later.id)
      .all<{ id: number; kind: string }>();
    expect(kinds.results).toEqual([
      { id: key.id, kind: "key" },
      { id: person.staff.id, kind: "staff" },
      { id: later.id, kind: "key" },
    ]);
  });
});

describe("the audit log", () => {
  it("names the person who acted, and the key, and pages newest first", async () => {
    const person = await makePerson("editor", { displayName: "赵记者" });
    const { headers, key } = await makeKey("admin");
    const created = await fetchApp("/api/v1/admin/articles", {
      method: "POST",
      headers: { Cookie: person.cookie, ...DESK_HEADERS },
      body: JSON.stringify({ section: SECTION, title: "审计", status: "published" }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const byArticle = await fetchApp(`/api/v1/admin/audit?article=${id}`, { headers });
    const items = ((await byArticle.json()) as { items: { actor: unknown; action: string; article_id: number }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatchObject({ actor: { id: person.staff.id, kind: "staff", name: "赵记者" }, article_id: id });
    // Using the invite link is in the log as the person themself.
    const byActor = (await (await fetchApp(`/api/v1/admin/audit?actor=${person.staff.id}&action=staff.activate`, { headers })).json()) as {
      items: { actor: { kind: string; name: string } }[];
    };
    expect(byActor.items.map((i) => i.actor)).toEqual([{ id: person.staff.id, kind: "staff", name: "赵记者" }]);
    const invites = (await (await fetchApp(`/api/v1/admin/audit?action=staff.invite&limit=1`, { headers })).json()) as {
      items: { id: number; actor: { kind: string } }[];
      next_cursor: string | null;
    };
    expect(invites.items[0]?.actor.kind).toBe("key");
    expect(invites.next_cursor).not.toBeNull();
    const next = (await (await fetchApp(`/api/v1/admin/audit?action=staff.invite&limit=1&cursor=${invites.next_cursor}`, { headers })).json()) as {
      items: { id: number }[];
    };
    expect(next.items[0]?.id).toBeLessThan(invites.items[0]?.id ?? 0);
    expect(key.role).toBe("admin");
  });
});

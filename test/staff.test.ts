// Admins manage people: invites whose links work once and expire, reset links for a forgotten password or a
// lost device, changes guarded by the person's version, and never the last active admin demoted or disabled.
// (This file's storage is its own, so the admins made here are the only ones.)
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ErrorJson } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { type StaffJson, authPost, desk, fetchApp, invitePerson, makePerson, patchStaff, sessionCookieOf, signIn, uniqueLogin } from "./staff-fixture.ts";

afterEach(() => {
  vi.useRealTimers();
});

const errorOf = async (res: Response) => ((await res.json()) as ErrorJson).error;

async function adminCall(method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const { headers } = await makeKey("admin");
  return fetchApp(`/api/v1/admin/staff${path}`, {
    method,
    headers: { ...headers, "Content-Type": "application/json", ...extra },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

const tokenOf = (url: string) => new URL(url).hash.replace(/^#token=/, "");

describe("invites", () => {
  it("make an invited person and a link to /desk/welcome, shown once, stored only as a hash", async () => {
    const login = uniqueLogin("zhang");
    const res = await adminCall("POST", "", { login, display_name: "张伟", role: "editor", email: `${login}@Example.CN` });
    expect(res.status).toBe(201);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const { staff, link } = (await res.json()) as { staff: StaffJson; link: { url: string; expires_at: string } };
    expect(staff).toMatchObject({ login, display_name: "张伟", role: "editor", state: "invited", email: `${login}@example.cn`, version: 1 });
    expect(link.url).toMatch(/^http:\/\/localhost\/desk\/welcome#token=[A-Za-z0-9_-]{43}$/);
    const fetched = await adminCall("GET", `/${staff.id}`);
    expect(fetched.headers.get("ETag")).toBe('"1"');
    expect(JSON.stringify(await fetched.json())).not.toContain(tokenOf(link.url));
  });

  it("tell the person what the link is for before they use it", async () => {
    const invited = await invitePerson("author", { displayName: "陈静" });
    const res = await authPost("/links/inspect", { token: invited.token });
    expect(await res.json()).toEqual({ purpose: "invite", login: invited.staff.login, display_name: "陈静", expires_at: invited.expiresAt });
  });

  it("work once: the second use, even at the same moment, is told the link was used", async () => {
    const invited = await invitePerson("author");
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => authPost("/links/complete", { token: invited.token, password: `password number ${i}` })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 410, 410, 410, 410]);
    const winner = answers.findIndex((r) => r.status === 200);
    for (const [i, r] of answers.entries()) if (i !== winner) expect((await errorOf(r)).code).toBe("link_used");
    expect((await signIn(invited.staff.login, `password number ${winner}`)).status).toBe(200);
    // Active now: a change an admin sees, so a new version.
    expect(await (await adminCall("GET", `/${invited.staff.id}`)).json()).toMatchObject({ state: "active", version: 2 });
    const again = await authPost("/links/inspect", { token: invited.token });
    expect(again.status).toBe(410);
    expect((await errorOf(again)).code).toBe("link_used");
  });

  it("expire after 72 hours", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = Date.UTC(2032, 0, 1);
    vi.setSystemTime(start);
    const invited = await invitePerson("author");
    vi.setSystemTime(start + 72 * 3_600_000 - 1);
    expect((await authPost("/links/inspect", { token: invited.token })).status).toBe(200);
    vi.setSystemTime(start + 72 * 3_600_000);
    for (const path of ["/links/inspect", "/links/complete"]) {
      const res = await authPost(path, { token: invited.token, ...(path.endsWith("complete") && { password: "a long enough password" }) });
      expect(res.status).toBe(410);
      expect((await errorOf(res)).code).toBe("link_expired");
    }
  });

  it("answer 404 link_unknown to a token nobody issued", async () => {
    for (const token of ["A".repeat(43), "not a token", ""]) {
      const res = await authPost("/links/complete", { token, password: "a long enough password" });
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("link_unknown");
    }
  });

  it("refuse a login taken in any case, and an email taken", async () => {
    const login = uniqueLogin("Li");
    expect((await adminCall("POST", "", { login, display_name: "李", role: "author", email: `${login}@example.cn` })).status).toBe(201);
    const sameLogin = await adminCall("POST", "", { login: login.toUpperCase(), display_name: "李", role: "author" });
    expect(sameLogin.status).toBe(409);
    expect((await errorOf(sameLogin)).code).toBe("login_taken");
    const sameEmail = await adminCall("POST", "", { login: uniqueLogin(), display_name: "李", role: "author", email: `${login.toUpperCase()}@EXAMPLE.cn` });
    expect(sameEmail.status).toBe(409);
    expect((await errorOf(sameEmail)).code).toBe("email_taken");
  });

  it("refuse bad input field by field", async () => {
    const res = await adminCall("POST", "", { login: "has space", display_name: " ", role: "boss", email: "nope", extra: 1 });
    expect(res.status).toBe(400);
    const paths = ((await errorOf(res)).details ?? []).map((d) => d.path).sort();
    expect(paths).toEqual(["display_name", "email", "extra", "login", "role"]);
  });
});

describe("reset links", () => {
  it("let a person who forgot their password set a new one, ending every old session", async () => {
    const person = await makePerson("editor");
    const res = await adminCall("POST", `/${person.staff.id}/reset-link`);
    expect(res.status).toBe(201);
    const { link } = (await res.json()) as { link: { url: string } };
    const inspected = (await (await authPost("/links/inspect", { token: tokenOf(link.url) })).json()) as { purpose: string };
    expect(inspected.purpose).toBe("reset");
    const before = ((await (await adminCall("GET", `/${person.staff.id}`)).json()) as StaffJson).version;
    const done = await authPost("/links/complete", { token: tokenOf(link.url), password: "my new password please" });
    expect(done.status).toBe(200);
    // Nothing an admin edits changed: an admin's pending change on this version still applies.
    expect(((await (await adminCall("GET", `/${person.staff.id}`)).json()) as StaffJson).version).toBe(before);
    expect(sessionCookieOf(done)).not.toBeNull();
    expect((await desk(person, "GET", "/api/v1/admin/me")).status).toBe(401);
    expect((await signIn(person.login, person.password)).status).toBe(401);
    expect((await signIn(person.login, "my new password please")).status).toBe(200);
  });

  it("replace the earlier unused link, which then says it expired", async () => {
    const person = await makePerson("author");
    const first = (await (await adminCall("POST", `/${person.staff.id}/reset-link`)).json()) as { link: { url: string } };
    const second = (await (await adminCall("POST", `/${person.staff.id}/reset-link`)).json()) as { link: { url: string } };
    expect((await errorOf(await authPost("/links/inspect", { token: tokenOf(first.link.url) }))).code).toBe("link_expired");
    expect((await authPost("/links/inspect", { token: tokenOf(second.link.url) })).status).toBe(200);
  });

  it("are a new invite for someone who never used theirs, and refused for a disabled person", async () => {
    const invited = await invitePerson("author");
    const again = (await (await adminCall("POST", `/${invited.staff.id}/reset-link`)).json()) as { link: { url: string } };
    expect(((await (await authPost("/links/inspect", { token: tokenOf(again.link.url) })).json()) as { purpose: string }).purpose).toBe("invite");
    expect((await authPost("/links/inspect", { token: invited.token })).status).toBe(410);
    const person = await makePerson("author");
    expect((await patchStaff(person.staff.id, { state: "disabled" })).status).toBe(200);
    expect((await adminCall("POST", `/${person.staff.id}/reset-link`)).status).toBe(409);
  });

  it("stop working when their person is disabled", async () => {
    const person = await makePerson("author");
    const { link } = (await (await adminCall("POST", `/${person.staff.id}/reset-link`)).json()) as { link: { url: string } };
    expect((await patchStaff(person.staff.id, { state: "disabled" })).status).toBe(200);
    const res = await authPost("/links/complete", { token: tokenOf(link.url), password: "let me back in please" });
    expect(res.status).toBe(410);
  });
});

describe("changing a person", () => {
  it("needs If-Match with their version: 428 without, 412 with an old one, ETag after", async () => {
    const person = await makePerson("author");
    const path = `/${person.staff.id}`;
    expect((await adminCall("PATCH", path, { display_name: "新名字" })).status).toBe(428);
    const current = await adminCall("GET", path);
    const version = current.headers.get("ETag") ?? "";
    const ok = await adminCall("PATCH", path, { display_name: "新名字" }, { "If-Match": version });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ETag")).not.toBe(version);
    const stale = await adminCall("PATCH", path, { display_name: "又一个" }, { "If-Match": version });
    expect(stale.status).toBe(412);
    expect(stale.headers.get("ETag")).toBe(ok.headers.get("ETag"));
  });

  it("cannot make an invited person active: their link does", async () => {
    const invited = await invitePerson("author");
    const res = await patchStaff(invited.staff.id, { state: "active" });
    expect(res.status).toBe(409);
  });

  it("puts someone disabled before they ever signed in back to invited", async () => {
    const invited = await invitePerson("author");
    expect((await patchStaff(invited.staff.id, { state: "disabled" })).status).toBe(200);
    const res = await patchStaff(invited.staff.id, { state: "active" });
    expect(((await res.json()) as StaffJson).state).toBe("invited");
  });

  it("lists people by state and role, paged", async () => {
    const made = await Promise.all([makePerson("author"), makePerson("author"), makePerson("author")]);
    const ids = made.map((p) => p.staff.id);
    const seen: number[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res = await adminCall("GET", `?role=author&state=active&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const page = (await res.json()) as { items: StaffJson[]; next_cursor: string | null };
      for (const s of page.items) expect(s).toMatchObject({ role: "author", state: "active" });
      seen.push(...page.items.map((s) => s.id));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toEqual(expect.arrayContaining(ids));
  });
});

describe("query strings", () => {
  it("are refused on every change to people, which takes none, changing nothing", async () => {
    const { headers } = await makeKey("admin");
    const json = { ...headers, "Content-Type": "application/json" };
    const person = await makePerson("author");
    const before = (await (await fetchApp(`/api/v1/admin/staff/${person.staff.id}`, { headers })).json()) as StaffJson;
    const login = uniqueLogin();
    const refused = [
      await fetchApp("/api/v1/admin/staff?role=admin", { method: "POST", headers: json, body: JSON.stringify({ login, display_name: "李娜", role: "author" }) }),
      await fetchApp(`/api/v1/admin/staff/${person.staff.id}?x=1`, { method: "PATCH", headers: { ...json, "If-Match": "*" }, body: JSON.stringify({ role: "admin" }) }),
      await fetchApp(`/api/v1/admin/staff/${person.staff.id}/reset-link?x=1`, { method: "POST", headers }),
      await fetchApp(`/api/v1/admin/staff/${person.staff.id}/sessions?x=1`, { method: "DELETE", headers }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    const now = (await (await fetchApp(`/api/v1/admin/staff/${person.staff.id}`, { headers })).json()) as StaffJson;
    expect(now).toEqual(before);
    expect((await desk(person, "GET", "/api/v1/admin/me")).status).toBe(200);
    const list = (await (await fetchApp("/api/v1/admin/staff?limit=100", { headers })).json()) as { items: StaffJson[] };
    expect(list.items.some((s) => s.login === login)).toBe(false);
  });
});

describe("the last active admin", () => {
  it("is never demoted nor disabled, by anyone, even by two admins at once", async () => {
    const [a, b] = await Promise.all([makePerson("admin"), makePerson("admin")]);
    // Each demotes the other at the same moment: one must lose.
    const [ab, ba] = await Promise.all([
      desk(a, "PATCH", `/api/v1/admin/staff/${b.staff.id}`, { role: "editor" }, { "If-Match": "*" }),
      desk(b, "PATCH", `/api/v1/admin/staff/${a.staff.id}`, { role: "editor" }, { "If-Match": "*" }),
    ]);
    const statuses = [ab.status, ba.status].sort();
    expect(statuses[0]).toBe(200);
    expect([401, 409]).toContain(statuses[1]);
    const { headers } = await makeKey("admin");
    const admins = (await (await fetchApp("/api/v1/admin/staff?role=admin&state=active", { headers })).json()) as { items: StaffJson[] };
    expect(admins.items).toHaveLength(1);
    const last = admins.items[0];
    for (const change of [{ role: "editor" }, { state: "disabled" }]) {
      const res = await patchStaff(last?.id ?? 0, change);
      expect(res.status).toBe(409);
      expect((await errorOf(res)).code).toBe("last_admin");
    }
    expect((await patchStaff(last?.id ?? 0, { display_name: "还是管理员" })).status).toBe(200);
  });
});

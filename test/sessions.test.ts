// Desk sessions: idle and absolute expiry (by an injected clock), rotation, and every way a session ends —
// signing out, signing out everywhere, an admin ending them, a new role, disabling — at the very next request.
import { afterEach, describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import type { AppEnv } from "../src/env.ts";
import { signedInPerson } from "../src/auth/person.ts";
import { handleError } from "../src/http/errors.ts";
import type { ErrorJson } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { type Person, desk, fetchApp, makePerson, patchStaff, sessionCookieOf, signIn } from "./staff-fixture.ts";

afterEach(() => {
  vi.useRealTimers();
});

const HOUR = 3_600_000;
const me = (person: Pick<Person, "cookie">) => desk(person, "GET", "/api/v1/admin/me");

function clock(start: number) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(start);
  return (ms: number) => vi.setSystemTime(start + ms);
}

describe("a session's life", () => {
  it("ends after 12 hours unused", async () => {
    const at = clock(Date.UTC(2031, 2, 1, 1, 0));
    const person = await makePerson("author");
    at(12 * HOUR - 60_000);
    expect((await me(person)).status).toBe(200);
    at(24 * HOUR - 60_000 + 1);
    const res = await me(person);
    expect(res.status).toBe(401);
    expect(((await res.json()) as ErrorJson).error.code).toBe("unauthorized");
  });

  it("lives on while used, but never past 7 days after sign-in", async () => {
    const at = clock(Date.UTC(2031, 3, 1, 1, 0));
    const person = await makePerson("author");
    for (let h = 11; h < 7 * 24; h += 11) {
      at(h * HOUR);
      expect((await me(person)).status, `after ${h} hours`).toBe(200);
    }
    at(7 * 24 * HOUR);
    expect((await me(person)).status).toBe(401);
  });

  it("shows when it began and when it ends", async () => {
    const at = clock(Date.UTC(2031, 4, 1, 1, 0));
    const person = await makePerson("editor");
    at(HOUR);
    const body = (await (await me(person)).json()) as { session: Record<string, string> };
    expect(body.session).toEqual({ via: "session", method: "link", created_at: "2031-05-01T09:00:00+08:00", expires_at: "2031-05-08T09:00:00+08:00" });
  });
});

describe("ending sessions", () => {
  it("lists the person's sessions, marks this one, and ends another by its id", async () => {
    const person = await makePerson("author");
    const other = sessionCookieOf(await signIn(person.login, person.password, undefined, { "User-Agent": "Firefox on the newsroom PC" }));
    const listed = (await (await desk(person, "GET", "/api/v1/admin/me/sessions")).json()) as { items: { id: number; current: boolean; user_agent: string }[] };
    expect(listed.items).toHaveLength(2);
    expect(listed.items.filter((s) => s.current)).toHaveLength(1);
    const away = listed.items.find((s) => !s.current);
    expect(away?.user_agent).toBe("Firefox on the newsroom PC");
    expect(JSON.stringify(listed)).not.toMatch(/token|hash/);
    const ended = await desk(person, "DELETE", `/api/v1/admin/me/sessions/${away?.id}`);
    expect(ended.status).toBe(204);
    expect(ended.headers.getSetCookie()).toEqual([]);
    expect((await me({ cookie: other ?? "" })).status).toBe(401);
    expect((await me(person)).status).toBe(200);
    expect((await desk(person, "DELETE", `/api/v1/admin/me/sessions/${away?.id}`)).status).toBe(404);
  });

  it("signs out everywhere, this browser included", async () => {
    const person = await makePerson("author");
    const other = sessionCookieOf(await signIn(person.login, person.password));
    const res = await desk(person, "DELETE", "/api/v1/admin/me/sessions");
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie()[0]).toMatch(/^__Host-masthead_session=;/);
    expect((await me(person)).status).toBe(401);
    expect((await me({ cookie: other ?? "" })).status).toBe(401);
  });

  it("refuses a query string on what a person does about themself, ending nothing", async () => {
    const person = await makePerson("editor");
    expect((await desk(person, "DELETE", "/api/v1/admin/me/sessions?all=1")).status).toBe(400);
    expect((await desk(person, "POST", "/api/v1/admin/me/passkeys/options?x=1", {})).status).toBe(400);
    expect((await desk(person, "GET", "/api/v1/admin/me?x=1")).status).toBe(400);
    expect((await desk(person, "GET", "/api/v1/admin/me")).status).toBe(200);
  });

  it("lets an admin end all of a person's sessions", async () => {
    const person = await makePerson("author");
    const second = sessionCookieOf(await signIn(person.login, person.password));
    const { headers } = await makeKey("admin");
    const listed = (await (await fetchApp(`/api/v1/admin/staff/${person.staff.id}/sessions`, { headers })).json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(2);
    expect((await fetchApp(`/api/v1/admin/staff/${person.staff.id}/sessions`, { method: "DELETE", headers })).status).toBe(204);
    expect((await me(person)).status).toBe(401);
    expect((await me({ cookie: second ?? "" })).status).toBe(401);
    // They can sign in again.
    expect((await signIn(person.login, person.password)).status).toBe(200);
  });

  it("ends at a role change: the next request is refused, and signing in again brings the new role", async () => {
    const person = await makePerson("author");
    expect((await desk(person, "GET", "/api/v1/admin/audit")).status).toBe(403);
    expect((await patchStaff(person.staff.id, { role: "editor" })).status).toBe(200);
    expect((await me(person)).status).toBe(401);
    const again = sessionCookieOf(await signIn(person.login, person.password));
    expect((await desk({ cookie: again ?? "" }, "GET", "/api/v1/admin/audit")).status).toBe(200);
  });

  it("ends when the person is disabled, who then cannot sign in; enabled again, they can", async () => {
    const person = await makePerson("editor");
    expect((await patchStaff(person.staff.id, { state: "disabled" })).status).toBe(200);
    expect((await me(person)).status).toBe(401);
    expect((await signIn(person.login, person.password)).status).toBe(401);
    const enabled = await patchStaff(person.staff.id, { state: "active" });
    expect(((await enabled.json()) as { state: string }).state).toBe("active");
    expect((await signIn(person.login, person.password)).status).toBe(200);
    // The old session stays ended.
    expect((await me(person)).status).toBe(401);
  });

  it("does not end at a change of display name or email", async () => {
    const person = await makePerson("author");
    expect((await patchStaff(person.staff.id, { display_name: "王芳芳", email: `${person.login}@example.cn` })).status).toBe(200);
    const body = (await (await me(person)).json()) as { display_name: string; email: string };
    expect(body).toMatchObject({ display_name: "王芳芳", email: `${person.login}@example.cn` });
  });
});

describe("changing one's password", () => {
  it("needs the current one, rotates this session, and ends the others", async () => {
    const person = await makePerson("author");
    const other = sessionCookieOf(await signIn(person.login, person.password));
    const wrong = await desk(person, "POST", "/api/v1/admin/me/password", { current_password: "not it at all", new_password: "a brand new password" });
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as ErrorJson).error.details).toEqual([{ path: "current_password", message: "is not your current password" }]);
    const weak = await desk(person, "POST", "/api/v1/admin/me/password", { current_password: person.password, new_password: "short" });
    expect(weak.status).toBe(422);
    expect(((await weak.json()) as ErrorJson).error.code).toBe("weak_password");
    const res = await desk(person, "POST", "/api/v1/admin/me/password", { current_password: person.password, new_password: "a brand new password" });
    expect(res.status).toBe(204);
    const rotated = sessionCookieOf(res);
    expect(rotated).not.toBeNull();
    expect(rotated).not.toBe(person.cookie);
    expect((await me(person)).status).toBe(401);
    expect((await me({ cookie: other ?? "" })).status).toBe(401);
    expect((await me({ cookie: rotated ?? "" })).status).toBe(200);
    expect((await signIn(person.login, person.password)).status).toBe(401);
    expect((await signIn(person.login, "a brand new password")).status).toBe(200);
  });
});

describe("keys and people", () => {
  it("answers 403 not_a_person to a key asking about itself", async () => {
    const { headers } = await makeKey("admin");
    const res = await fetchApp("/api/v1/admin/me", { headers });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorJson).error.code).toBe("not_a_person");
  });

  it("answers 401 to a cookie that names no session, without clearing it", async () => {
    for (const cookie of ["__Host-masthead_session=nonsense", `__Host-masthead_session=${"A".repeat(43)}`]) {
      const res = await me({ cookie });
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie()).toEqual([]);
    }
  });
});

describe("the desk's pages", () => {
  // A stand-in page with the real helper, as the desk's routes use it to know who is looking.
  const pages = new Hono<AppEnv>();
  pages.get("/who", async (c) => {
    const person = await signedInPerson(c);
    return c.json(person && { id: person.staff.id, via: person.via });
  });
  pages.onError(handleError);
  const who = async (cookie?: string) => (await pages.request("/who", { headers: cookie ? { Cookie: cookie } : {} }, env)).json();

  it("know who is signed in, and that nobody is without a live session", async () => {
    const person = await makePerson("author");
    expect(await who(person.cookie)).toEqual({ id: person.staff.id, via: "session" });
    expect(await who()).toBeNull();
    expect(await who("__Host-masthead_session=nonsense")).toBeNull();
    expect((await desk(person, "DELETE", "/api/v1/admin/me/sessions")).status).toBe(204);
    expect(await who(person.cookie)).toBeNull();
  });
});

// People for tests, made as a newsroom makes them: an admin key invites them through the staff API, and
// they use their invite link through the sign-in API, which signs them in. What comes back holds the
// session cookie and the headers the desk sends with every change.
//
//   const editor = await makePerson("editor");
//   await desk(editor, "POST", "/api/v1/admin/articles", { section: "xw", title: "…" });
import { expect } from "vitest";
import { exports } from "cloudflare:workers";
import type { Role } from "../src/domain/role.ts";
import { makeKey, uniqueClientIp } from "./keys-fixture.ts";

export const ORIGIN = "http://localhost";

/** What the desk's pages send with every change: its header, JSON and the site's own Origin. */
export const DESK_HEADERS = { "X-Masthead-Desk": "1", "Content-Type": "application/json", Origin: ORIGIN };

export type StaffJson = {
  id: number;
  login: string;
  display_name: string;
  role: Role;
  state: "invited" | "active" | "disabled";
  email: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
  version: number;
};

export type Person = {
  staff: StaffJson;
  login: string;
  password: string;
  /** `__Host-masthead_session=<token>`, as a Cookie header. */
  cookie: string;
  /** This person's own client address, so their failures never lock out another test. */
  ip: string;
};

let counter = 0;
export function uniqueLogin(prefix = "p"): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export const fetchApp = (path: string, init: RequestInit = {}) => exports.default.fetch(`${ORIGIN}${path}`, init);

/** The session cookie a response sets, as a Cookie header; null when it sets none (or clears it). */
export function sessionCookieOf(res: Response): string | null {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-masthead_session="));
  const value = cookie?.split(";")[0];
  return value && value !== "__Host-masthead_session=" ? value : null;
}

/** A POST to the sign-in API as the desk sends it. */
export const authPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetchApp(`/api/v1/auth${path}`, { method: "POST", headers: { ...DESK_HEADERS, "CF-Connecting-IP": uniqueClientIp(), ...headers }, body: JSON.stringify(body) });

export type Invited = { staff: StaffJson; token: string; url: string; expiresAt: string };

/** Invites someone through the staff API with an admin key; the token is the link's fragment. */
export async function invitePerson(role: Role, opts: { login?: string; displayName?: string; email?: string } = {}): Promise<Invited> {
  const { headers } = await makeKey("admin");
  const res = await fetchApp("/api/v1/admin/staff", {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body: JSON.stringify({ login: opts.login ?? uniqueLogin(), display_name: opts.displayName ?? "王芳", role, ...(opts.email && { email: opts.email }) }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { staff, link } = (await res.json()) as { staff: StaffJson; link: { url: string; expires_at: string } };
  const token = new URL(link.url).hash.replace(/^#token=/, "");
  return { staff, token, url: link.url, expiresAt: link.expires_at };
}

/** An active person of `role`, signed in by using their invite link. */
export async function makePerson(role: Role, opts: { login?: string; displayName?: string; email?: string; password?: string } = {}): Promise<Person> {
  const invited = await invitePerson(role, opts);
  const password = opts.password ?? `correct horse ${crypto.randomUUID().slice(0, 8)}`;
  const ip = uniqueClientIp();
  const res = await authPost("/links/complete", { token: invited.token, password }, { "CF-Connecting-IP": ip });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error("completing the invite set no session cookie");
  return { staff: { ...invited.staff, state: "active" }, login: invited.staff.login, password, cookie, ip };
}

/** A request as the desk makes it for this person: their cookie, and the desk's headers on a change. */
export function desk(person: Pick<Person, "cookie">, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const change = method !== "GET" && method !== "HEAD";
  return fetchApp(path, {
    method,
    headers: { Cookie: person.cookie, ...(change && DESK_HEADERS), ...extra },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

/** Signs in with a login and password from `ip`, as the desk's sign-in form does. */
export const signIn = (login: string, password: string, ip = uniqueClientIp(), headers: Record<string, string> = {}) =>
  authPost("/login", { login, password }, { "CF-Connecting-IP": ip, ...headers });

/** An admin's change to a person through the staff API (If-Match: * unless given). */
export async function patchStaff(id: number, body: unknown, ifMatch = "*"): Promise<Response> {
  const { headers } = await makeKey("admin");
  return fetchApp(`/api/v1/admin/staff/${id}`, {
    method: "PATCH",
    headers: { ...headers, "Content-Type": "application/json", "If-Match": ifMatch },
    body: JSON.stringify(body),
  });
}

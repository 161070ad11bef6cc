// The desk's session cookie: `__Host-masthead_session` (RFC 6265bis §4.1.3.2: Secure, Path=/, no Domain, so
// no other host or path can set or shadow it), HttpOnly so no script reads it, SameSite=Strict so no other
// site's page sends it. Only /api/v1/auth, /api/v1/admin/me and the desk's sign-in and sign-out forms (src/desk/
// sign-in.ts) ever set or clear it; no public route reads it.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

const NAME = "masthead_session";
export const SESSION_COOKIE = `__Host-${NAME}`;

const OPTIONS = { prefix: "host", secure: true, httpOnly: true, path: "/", sameSite: "Strict" } as const;

/** The token of the request's session cookie, if it sent one. */
export const sessionTokenOf = (c: Context): string | undefined => getCookie(c, NAME, "host");

/** Lasts as long as the session can: the browser forgets it when the server would refuse it anyway. */
export function setSessionCookie(c: Context, token: string, expiresAt: number, now: number): void {
  setCookie(c, NAME, token, { ...OPTIONS, maxAge: Math.max(0, Math.floor((expiresAt - now) / 1000)) });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, NAME, OPTIONS);
}

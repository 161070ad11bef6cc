// Who is signing in, as sign-in counts and records it: the address (CF-Connecting-IP), the browser, and the
// session token the browser already holds (replaced by the new one). The JSON API and the desk's form alike.
import type { Context } from "hono";
import type { Client } from "./sign-in.ts";
import { sessionTokenOf } from "./cookie.ts";

export const clientOf = (c: Context): Client => ({
  // Without Cloudflare in front (local tools) every client is one: as for keys (src/auth/middleware.ts).
  address: c.req.header("CF-Connecting-IP") ?? "unknown",
  userAgent: c.req.header("User-Agent") ?? "",
  sessionToken: sessionTokenOf(c) ?? null,
});

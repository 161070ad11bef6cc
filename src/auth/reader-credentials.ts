// Who may read past the edge cache: only an editor whose key verifies. On reader routes a Masthead key
// (`Authorization: Bearer mh_…`, the shape src/auth/keys.ts makes) is checked exactly as the admin API checks
// it — the AUTHENTICATIONS limit, then one D1 lookup that counts a wrong guess — and one that does not verify
// is a 401, with nothing rendered. Any other Authorization (a proxy's Basic credentials in front of a staging
// site, `Bearer junk`, a key-like string of the wrong length) is not a Masthead credential: the request is a
// reader's, answered from the cache like anyone's, and reaches no D1. Cookies never bypass anything, and a
// D1 bookmark is honoured only beside a verified key (src/http/d1-session.ts).
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { actAsKey, bearerToken, verifyKey } from "./middleware.ts";
import { parseKey } from "./keys.ts";

export function readerCredentials(): MiddlewareHandler<AppEnv> {
  return async function readerCredentials(c, next) {
    const token = bearerToken(c.req.header("Authorization"));
    if (token !== undefined && parseKey(token) !== null) actAsKey(c, await verifyKey(c));
    await next();
  };
}

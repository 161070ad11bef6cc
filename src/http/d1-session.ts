// Which copy of the database a request reads, through D1's Sessions API (read replication). A reader's
// answer that the edge cache will keep is read from the primary ("first-primary"): a replica even a moment
// behind a change would otherwise be rendered just after the change's purge, and kept — the old page, for
// the edge TTL. Readers whose answer is not kept (no edge cache, a request that bypasses it) read the
// nearest replica ("first-unconstrained"). Editors read the primary. An editor's client sends back the
// `x-d1-bookmark` of its last answer, so its next request reads a copy at least as new as its own write —
// in a header, never a cookie: a cookie on a public page would keep it out of every cache. A bookmark is
// honoured only beside a verified key (`apiKey`, set by the key check before this runs): anyone else's is
// ignored, malformed or not, so no header but a valid key changes how a request reads D1.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { badRequest } from "../domain/errors.ts";

// D1 bookmarks are dash-separated hex groups; anything else is refused before it reaches D1.
const BOOKMARK = /^[0-9a-f]{1,32}(?:-[0-9a-f]{1,64}){1,7}$/i;

const BOOKMARK_HEADER = "x-d1-bookmark";

export function d1Session(who: "readers" | "editors"): MiddlewareHandler<AppEnv> {
  return async function d1Session(c, next) {
    const bookmark = c.var.actor === undefined ? undefined : c.req.header(BOOKMARK_HEADER);
    if (bookmark !== undefined && !BOOKMARK.test(bookmark)) {
      throw badRequest(`${BOOKMARK_HEADER} must be a bookmark from an earlier answer`, [{ path: BOOKMARK_HEADER, message: "is not a D1 bookmark" }]);
    }
    const primary = who === "editors" || c.get("fillsCache") === true;
    const session = c.env.DB.withSession(bookmark ?? (primary ? "first-primary" : "first-unconstrained"));
    c.set("db", session);
    await next();
    const latest = who === "editors" ? session.getBookmark() : null;
    if (latest) c.res.headers.set(BOOKMARK_HEADER, latest);
  };
}

// Purging on demand (mounted at /api/v1/admin/cache behind the admin role): after a deploy that changes how
// pages look (with cross-version caching), an import, or a change to the section tree, which no article's
// change report covers. Every cached response carries the tag "site", so `{"everything": true}` reaches all.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { PurgeRequest } from "../content/schemas.ts";
import { purgeTags } from "../follow-ups.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";

export const adminCache = new Hono<AppEnv>();

adminCache.post("/purge", async (c) => {
  parseQuery(c, NoQuery);
  const { value } = await readJson(c, PurgeRequest, 128 * 1024);
  const purge = purgeTags(c.env, c.executionCtx, value.everything ? "everything" : (value.tags ?? []));
  c.header("Cache-Control", "no-store");
  return c.json({ purge }, 202);
});

// Purging on demand (mounted at /api/v1/admin/cache behind the admin role): after a deploy that changes how
// pages look (with cross-version caching), an import, or a change to the section tree, which no article's
// change report covers. Every cached response carries the tag "site", so `{"everything": true}` reaches all.
import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { badRequest } from "../domain/errors.ts";
import { closed } from "../content/schemas.ts";
import { purgeTags } from "../follow-ups.ts";
import { readJson } from "../http/json-body.ts";

export const adminCache = new Hono<AppEnv>();

// Cloudflare's rules for a tag (printable ASCII, at most 1,024 characters), at most 100 a request.
// Lower-cased, as Cloudflare matches tags and as every response is tagged.
const Tag = v.pipe(
  v.string(),
  v.regex(/^[\x21-\x7e]{1,1024}$/, "must be 1 to 1,024 printable ASCII characters without spaces"),
  v.toLowerCase(),
);

const PurgeRequest = closed({
  tags: v.optional(v.pipe(v.array(Tag), v.minLength(1, "must name at least one tag"), v.maxLength(100, "must name at most 100 tags"))),
  everything: v.optional(v.literal(true, "must be true when given")),
});

adminCache.post("/purge", async (c) => {
  const { value } = await readJson(c, PurgeRequest, 128 * 1024);
  if ((value.tags === undefined) === (value.everything === undefined)) {
    throw badRequest('Send either {"tags": [...]} or {"everything": true}');
  }
  const purge = purgeTags(c.env, c.executionCtx, value.everything ? "everything" : (value.tags ?? []));
  c.header("Cache-Control", "no-store");
  return c.json({ purge }, 202);
});

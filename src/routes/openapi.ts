// The API's description, at /api/openapi.json: generated from the registry of operations (src/openapi/), the
// same for everyone, so it is cached at the edge like a reader's answer and purged by the site's tag, as a
// deploy's purge of everything clears it.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { apiDocument } from "../openapi/api.ts";
import { NoQuery, parseQuery } from "../http/query.ts";

export const openApi = new Hono<AppEnv>();

openApi.get("/openapi.json", (c) => {
  c.set("shows", { articles: [], listings: [] });
  parseQuery(c, NoQuery);
  return c.json(apiDocument());
});

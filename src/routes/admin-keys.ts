// Key management for admins (mounted behind authenticate() and requireRole("admin")). Secrets are shown once.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { KeyInput } from "../auth/key-input.ts";
import { toRfc3339 } from "../content/dates.ts";
import { generateKey } from "../auth/keys.ts";
import type { ApiKey } from "../domain/api-key.ts";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey, rotateApiKey } from "../db/keys.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";

/** A name and a role fit in far less; anything bigger is not a key request. */
const MAX_BODY_BYTES = 4096;

/** The JSON shape of a key: no hash, no secret; times as RFC 3339 like the rest of the API. */
const keyJson = (key: ApiKey) => ({
  id: key.id,
  name: key.name,
  role: key.role,
  prefix: key.prefix,
  created_at: toRfc3339(key.createdAt),
  last_used_at: key.lastUsedAt === null ? null : toRfc3339(key.lastUsedAt),
  revoked_at: key.revokedAt === null ? null : toRfc3339(key.revokedAt),
});

// A secret is in the response: keep it out of every cache (RFC 9111 §5.2.2.5).
const NO_STORE = { "Cache-Control": "no-store" };

export const adminKeys = new Hono<AppEnv>();

// Ids have one spelling: no leading zeros, so /keys/0001 is not key 1 (as article ids in admin-articles.ts).
const ID = "/:id{[1-9][0-9]{0,15}}";

adminKeys.get("/", async (c) => {
  parseQuery(c, NoQuery);
  const keys = await listApiKeys(c.var.db);
  return c.json({ items: keys.map(keyJson) });
});

adminKeys.get(ID, async (c) => {
  parseQuery(c, NoQuery);
  const key = await getApiKey(c.var.db, Number(c.req.param("id")));
  if (!key) throw notFound("No such API key");
  return c.json({ key: keyJson(key) });
});

adminKeys.post("/", async (c) => {
  parseQuery(c, NoQuery);
  const { name, role } = (await readJson(c, KeyInput, MAX_BODY_BYTES)).value;
  const { key, secret } = await createApiKey(c.var.db, { name, role }, await generateKey(), c.get("actor"));
  c.header("Location", `/api/v1/admin/keys/${key.id}`);
  return c.json({ key: keyJson(key), secret }, 201, NO_STORE);
});

adminKeys.post(`${ID}/revoke`, async (c) => {
  parseQuery(c, NoQuery);
  const key = await revokeApiKey(c.var.db, Number(c.req.param("id")), c.get("actor"));
  if (!key) throw notFound("No such API key");
  if (key.revokedAt === null) {
    throw new DomainError("last_admin_key", "This is the last active admin key; create another admin key first");
  }
  return c.json({ key: keyJson(key) });
});

adminKeys.post(`${ID}/rotate`, async (c) => {
  parseQuery(c, NoQuery);
  const id = Number(c.req.param("id"));
  const rotated = await rotateApiKey(c.var.db, id, await generateKey(), c.get("actor"));
  if (!rotated) {
    const key = await getApiKey(c.var.db, id);
    if (!key) throw notFound("No such API key");
    if (key.revokedAt !== null) throw new DomainError("key_revoked", "A revoked key cannot be rotated; create a new one");
    throw new DomainError("rotated_concurrently", "The key was rotated by another request at the same moment; list it and retry");
  }
  return c.json({ key: keyJson(rotated.key), secret: rotated.secret, previous_prefix: rotated.previousPrefix }, 200, NO_STORE);
});

// The front page's slots (推荐位) for editors, under /api/v1/admin/slots (behind authenticate() and
// requireRole("editor")): read them, fill them (replace the items in order, add one, take one out), and for
// admins make, reshape and delete them. Every change goes through src/publish/slots.ts, which decides who may;
// each slot's version is its ETag, and a change that overwrites (PATCH, PUT items, DELETE) needs If-Match.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { SLOT_SLUG, SlotCreate, SlotItemAdd, SlotItemsPut, SlotPatch } from "../content/front-schemas.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { strongEtag } from "../http/conditional.ts";
import { notModifiedSince, preconditions } from "../http/preconditions.ts";
import { listSlots, loadSlot } from "../db/slots.ts";
import { type SlotChange, type SlotResult, changeSlot, createSlot } from "../publish/slots.ts";
import { slotJson } from "../render/curation-json.ts";
import { followCuration } from "../follow-ups.ts";

export const adminSlots = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const MAX_BODY_BYTES = 64 * 1024;
const SLUG = `/:slug{${SLOT_SLUG.source.slice(1, -1)}}`;
const ARTICLE = "/:article{[1-9][0-9]{0,15}}";

adminSlots.use("*", async function noStore(c, next) {
  c.header("Cache-Control", "no-store");
  await next();
});

// Changes take no query parameter: one sent is refused (400) before anything is read or changed.
adminSlots.use("*", async function changesTakeNoQuery(c, next) {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") parseQuery(c, NoQuery);
  await next();
});

const slugOf = (c: Ctx) => c.req.param("slug") ?? "";

/** Answers a change: the slot as it now stands (204 once deleted), what a full slot pushed out, the purge. */
function answer(c: Ctx, result: SlotResult, status: 200 | 201 = 200) {
  const { purge, pings } = followCuration(c.env, c.executionCtx, [result.report]);
  if (!result.slot) return c.body(null, 204);
  c.header("ETag", strongEtag(result.slot.version));
  return c.json({ ...slotJson(result.slot), ...(result.dropped.length && { dropped: result.dropped }), purge, pings }, status);
}

const apply = async (c: Ctx, change: SlotChange, conditions = preconditions(c)) =>
  answer(c, await changeSlot(c.var.db, slugOf(c), change, { actor: c.get("actor"), now: Date.now(), ...(conditions.ifMatch && { ifMatch: conditions.ifMatch }) }));

adminSlots.get("/", async (c) => {
  parseQuery(c, NoQuery);
  return c.json({ items: (await listSlots(c.var.db)).map(slotJson) });
});

adminSlots.post("/", async (c) => {
  const { value } = await readJson(c, SlotCreate, MAX_BODY_BYTES);
  const result = await createSlot(c.var.db, value, { actor: c.get("actor"), now: Date.now() });
  c.header("Location", `/api/v1/admin/slots/${value.slug}`);
  return answer(c, result, 201);
});

adminSlots.get(SLUG, async (c) => {
  parseQuery(c, NoQuery);
  const { slot } = await loadSlot(c.var.db, slugOf(c));
  if (!slot) throw notFound(`No slot "${slugOf(c)}"`);
  if (notModifiedSince(c, slot.version)) return c.body(null, 304, { ETag: strongEtag(slot.version) });
  c.header("ETag", strongEtag(slot.version));
  return c.json(slotJson(slot));
});

adminSlots.patch(SLUG, async (c) => {
  const conditions = preconditions(c, true);
  const { value: patch } = await readJson(c, SlotPatch, MAX_BODY_BYTES);
  return apply(c, { kind: "update", patch }, conditions);
});

adminSlots.delete(SLUG, (c) => apply(c, { kind: "delete" }, preconditions(c, true)));

adminSlots.put(`${SLUG}/items`, async (c) => {
  const conditions = preconditions(c, true);
  const { value } = await readJson(c, SlotItemsPut, MAX_BODY_BYTES);
  return apply(c, { kind: "replace", items: value.items }, conditions);
});

adminSlots.post(`${SLUG}/items`, async (c) => {
  const conditions = preconditions(c);
  const { value: item } = await readJson(c, SlotItemAdd, MAX_BODY_BYTES);
  return apply(c, { kind: "add", item }, conditions);
});

adminSlots.delete(`${SLUG}/items${ARTICLE}`, (c) => {
  const articleId = Number(c.req.param("article"));
  if (!Number.isSafeInteger(articleId)) throw notFound("No such article");
  return apply(c, { kind: "remove", articleId });
});

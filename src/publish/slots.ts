// The one write path for slots (推荐位): one load (the slot, its items, the articles and images the change
// names), authorised and checked against If-Match on that very version, the next state computed as a pure
// function (slot-state.ts), one commit conditioned on the version. Each returns what it touched, from which
// the purge follows (s:<slug>); the answer shows the slot as it now stands, without another read.
import type { Actor } from "../domain/actor.ts";
import type { CurationReport } from "../domain/change.ts";
import type { Db } from "../domain/db.ts";
import type { Slot, SlotArticle, SlotItem, SlotWithItems } from "../domain/slot.ts";
import { DomainError, notFound, versionConflict } from "../domain/errors.ts";
import type { SlotCreate } from "../content/front-schemas.ts";
import {
  type SlotLoad,
  deleteSlotStatements,
  insertSlotStatement,
  isSlotConflict,
  isSlotSlugTaken,
  loadSlot,
  lockedSlotStatement,
  slotAuditStatement,
  slotFrom,
  slotItemsStatements,
} from "../db/slots.ts";
import { auditStatement } from "../db/audit.ts";
import { authorizeCuration } from "./authorize.ts";
import type { Versions } from "./changes.ts";
import { type SlotChange, nextSlotState } from "./slot-state.ts";

export type { SlotChange };

export type SlotOptions = { actor: Actor; now: number; ifMatch?: Versions };

/** The slot after the change (null: deleted), the articles a full slot pushed out, and what it touched. */
export type SlotResult = { slot: SlotWithItems | null; dropped: number[]; report: CurationReport };

const ATTEMPTS = 3;

const REFUSALS: Record<SlotChange["kind"], ["editor" | "admin", string]> = {
  replace: ["editor", "Filling slots needs the editor role"],
  add: ["editor", "Filling slots needs the editor role"],
  remove: ["editor", "Filling slots needs the editor role"],
  update: ["admin", "Changing a slot's name, capacity or order needs the admin role"],
  delete: ["admin", "Deleting a slot needs the admin role"],
};

const reportOf = (slug: string, changed: boolean, slotSet = false): CurationReport => ({ changed, slots: changed ? [slug] : [], topics: [], articles: [], slotSet });

/** What a change needs loaded besides the slot: the articles and images it names. */
function wantsOf(change: SlotChange) {
  const inputs = change.kind === "replace" ? change.items : change.kind === "add" ? [change.item] : [];
  return { articleIds: inputs.map((i) => i.article_id), mediaKeys: inputs.flatMap((i) => (i.image ? [i.image] : [])) };
}

/** The items with the articles behind them, from what the load read: the answer needs no second read. */
function withArticles(loaded: SlotLoad & { slot: SlotWithItems }, items: readonly SlotItem[]): SlotWithItems["items"] {
  const known = new Map<number, SlotArticle>([...loaded.slot.items.map((i) => [i.articleId, i.article] as const), ...loaded.articles]);
  return items.map((item) => ({ ...item, article: known.get(item.articleId) as SlotArticle }));
}

/**
 * Applies one change to the slot `slug`: 404 when there is none, 403 when the actor may not, 412 when If-Match
 * fails on the version loaded. When another writer commits first (or an article it names leaves the site
 * meanwhile), the change is decided again on what they left, a few times, then 409.
 */
export async function changeSlot(db: Db, slug: string, change: SlotChange, opts: SlotOptions): Promise<SlotResult> {
  const [role, refusal] = REFUSALS[change.kind];
  authorizeCuration(opts.actor, role, refusal);
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadSlot(db, slug, wantsOf(change));
    const before = loaded.slot;
    if (!before) throw notFound(`No slot "${slug}"`);
    if (opts.ifMatch !== undefined && opts.ifMatch !== "any" && !opts.ifMatch.includes(before.version)) throw versionConflict(before.version, {}, "slot");
    const next = nextSlotState({ ...loaded, slot: before }, change, opts.now);
    if (!next) return { slot: before, dropped: [], report: reportOf(slug, false) };
    try {
      return await commitSlot(db, { ...loaded, slot: before }, next, change, opts);
    } catch (err) {
      if (!isSlotConflict(err)) throw err;
      if (attempt >= ATTEMPTS) throw new DomainError("conflict", `The ${before.name} slot kept changing while this change was being applied; try again`);
    }
  }
}

async function commitSlot(
  db: Db,
  loaded: SlotLoad & { slot: SlotWithItems },
  next: NonNullable<ReturnType<typeof nextSlotState>>,
  change: SlotChange,
  opts: SlotOptions,
): Promise<SlotResult> {
  const before = loaded.slot;
  const after: Slot = { ...(next.slot ?? before), updatedAt: opts.now, version: before.version + 1 };
  const detail = {
    ...(change.kind === "add" || change.kind === "remove" ? { article: change.kind === "add" ? change.item.article_id : change.articleId } : {}),
    items: next.items.map((i) => i.articleId),
    ...(next.dropped.length ? { dropped: next.dropped } : {}),
  };
  if (!next.slot) {
    const audit = slotAuditStatement(db, opts.actor, "delete", after, { items: before.items.map((i) => i.articleId) }, opts.now);
    const [lock] = await db.batch<unknown>(deleteSlotStatements(db, after, before.version, audit));
    if (!slotFrom(lock)) throw notFound(`No slot "${before.slug}"`);
    return { slot: null, dropped: [], report: reportOf(before.slug, true, true) };
  }
  const [lock] = await db.batch<unknown>([
    lockedSlotStatement(db, after, before.version),
    ...slotItemsStatements(db, before.id, next.items),
    slotAuditStatement(db, opts.actor, change.kind, after, detail, opts.now),
  ]);
  const stored = slotFrom(lock);
  if (!stored) throw notFound(`No slot "${before.slug}"`);
  // A slot's name or order shows on the home page beside the others: the set changed too.
  return { slot: { ...stored, items: withArticles(loaded, next.items) }, dropped: next.dropped, report: reportOf(before.slug, true, change.kind === "update") };
}

/** Makes a slot (admins): 409 when the slug is taken. */
export async function createSlot(db: Db, input: SlotCreate, opts: { actor: Actor; now: number }): Promise<SlotResult> {
  authorizeCuration(opts.actor, "admin", "Making a slot needs the admin role");
  const fields = {
    name: input.name,
    description: input.description ?? "",
    capacity: input.capacity,
    sortOrder: input.sort_order ?? 0,
    needsPicture: input.needs_picture ?? false,
  };
  try {
    const [row] = await db.batch<unknown>([
      insertSlotStatement(db, input.slug, fields, opts.now),
      auditStatement(db, { actor: opts.actor, action: "slot.create", detail: { slot: input.slug, version: 1, capacity: input.capacity }, at: opts.now }),
    ]);
    const slot = slotFrom(row);
    if (!slot) throw new Error(`slot ${input.slug} was not stored`);
    return { slot: { ...slot, items: [] }, dropped: [], report: reportOf(input.slug, true, true) };
  } catch (err) {
    if (isSlotSlugTaken(err)) throw new DomainError("slug_taken", `There is already a slot "${input.slug}"`, { details: [{ path: "slug", message: "is taken" }] });
    throw err;
  }
}

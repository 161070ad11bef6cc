// Each change to a slot as a pure function from the slot as loaded to its next state: what the commit writes.
// No I/O: the one load (db/slots.ts) read the slot, its items, and the articles and images the change names.
import type { Slot, SlotItem } from "../domain/slot.ts";
import { DomainError, type ErrorDetail, notFound } from "../domain/errors.ts";
import type { SlotItemAdd, SlotItemInput, SlotPatch } from "../content/front-schemas.ts";
import type { SlotLoad } from "../db/slots.ts";

/** A change to one slot, as a client asks for it. */
export type SlotChange =
  | { kind: "update"; patch: SlotPatch }
  | { kind: "replace"; items: readonly SlotItemInput[] }
  | { kind: "add"; item: SlotItemAdd }
  | { kind: "remove"; articleId: number }
  | { kind: "delete" };

/** The slot after the change (null: deleted), its items in order, and those a full slot pushed out. */
export type SlotNext = { slot: Slot | null; items: SlotItem[]; dropped: number[] };

export type LoadedSlot = SlotLoad & { slot: NonNullable<SlotLoad["slot"]> };

const refuse = (code: "unknown_article" | "not_published" | "unknown_image" | "needs_picture" | "invalid", message: string, details: ErrorDetail[]) =>
  new DomainError(code, message, { details });

/** An item as stored from what the client sent: checked against the load (the article listed, the image there). */
function itemOf(input: SlotItemInput, path: string, loaded: LoadedSlot, now: number, addedAt: number): SlotItem {
  const article = loaded.articles.get(input.article_id);
  if (!article) throw refuse("unknown_article", `No article ${input.article_id}`, [{ path: `${path}.article_id`, message: `no article ${input.article_id}` }]);
  if (!article.listed) {
    throw refuse("not_published", `Article ${input.article_id} is not published: a slot shows only what readers can open`, [
      { path: `${path}.article_id`, message: "is not published" },
    ]);
  }
  const image = input.image ?? null;
  if (image !== null && !loaded.media.has(image)) {
    throw refuse("unknown_image", "The picture was never uploaded", [{ path: `${path}.image`, message: `no uploaded image ${image}` }]);
  }
  if (loaded.slot.needsPicture && image === null && article.coverImage === null) {
    throw refuse("needs_picture", `The ${loaded.slot.name} slot shows a picture for every article: give one, or give the article a cover`, [
      { path: `${path}.image`, message: "is required: the article has no cover" },
    ]);
  }
  const expiresAt = input.expires_at ?? null;
  if (expiresAt !== null && expiresAt <= now) {
    throw refuse("invalid", "An item cannot expire in the past", [{ path: `${path}.expires_at`, message: "must be in the future" }]);
  }
  return { articleId: input.article_id, title: input.title ?? "", image, expiresAt, addedAt };
}

/** Why an item could not go in the slot as loaded (for the importer, which refuses items one by one), or null. */
export function slotItemRefusal(loaded: LoadedSlot, input: SlotItemInput, now: number): DomainError | null {
  try {
    itemOf(input, "item", loaded, now, now);
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

/** The items as they stand now: an expired one has already left (the cron only catches up on it). */
const liveItems = (loaded: LoadedSlot, now: number): SlotItem[] =>
  loaded.slot.items
    .filter((i) => i.article.listed && (i.expiresAt === null || i.expiresAt > now))
    .map(({ article: _, ...item }) => item);

function replaceItems(loaded: LoadedSlot, inputs: readonly SlotItemInput[], now: number): SlotNext {
  const seen = new Set<number>();
  inputs.forEach((input, i) => {
    if (seen.has(input.article_id)) throw refuse("invalid", "An article can be in a slot once", [{ path: `items.${i}.article_id`, message: "is listed twice" }]);
    seen.add(input.article_id);
  });
  if (inputs.length > loaded.slot.capacity) {
    throw new DomainError("over_capacity", `The ${loaded.slot.name} slot holds at most ${loaded.slot.capacity} articles`, {
      capacity: loaded.slot.capacity,
      details: [{ path: "items", message: `must list at most ${loaded.slot.capacity} articles` }],
    });
  }
  const addedAt = new Map(loaded.slot.items.map((i) => [i.articleId, i.addedAt]));
  const items = inputs.map((input, i) => itemOf(input, `items.${i}`, loaded, now, addedAt.get(input.article_id) ?? now));
  return { slot: loaded.slot, items, dropped: [] };
}

/**
 * One article in at `position` (moved there, with what it now says, if it was in already). A full slot
 * keeps its first `capacity` items: the last ones leave, as PHPCMS's 推荐位 drop their oldest entry.
 */
function addItem(loaded: LoadedSlot, input: SlotItemAdd, now: number): SlotNext {
  const { position = 1, ...fields } = input;
  const live = liveItems(loaded, now);
  const before = live.find((i) => i.articleId === fields.article_id);
  const item = itemOf(fields, "", loaded, now, before?.addedAt ?? now);
  const others = live.filter((i) => i.articleId !== fields.article_id);
  others.splice(Math.min(position, others.length + 1) - 1, 0, item);
  return { slot: loaded.slot, items: others.slice(0, loaded.slot.capacity), dropped: others.slice(loaded.slot.capacity).map((i) => i.articleId) };
}

function updateSlot(loaded: LoadedSlot, patch: SlotPatch, now: number): SlotNext {
  const s = loaded.slot;
  const items = liveItems(loaded, now);
  const slot: Slot = {
    ...s,
    name: patch.name ?? s.name,
    description: patch.description ?? s.description,
    capacity: patch.capacity ?? s.capacity,
    sortOrder: patch.sort_order ?? s.sortOrder,
    needsPicture: patch.needs_picture ?? s.needsPicture,
  };
  if (items.length > slot.capacity) {
    throw new DomainError("conflict", `The ${s.name} slot holds ${items.length} articles: take ${items.length - slot.capacity} out before lowering its capacity to ${slot.capacity}`);
  }
  if (slot.needsPicture && !s.needsPicture) {
    const cover = new Map(s.items.map((i) => [i.articleId, i.article.coverImage]));
    const bare = items.filter((i) => i.image === null && !cover.get(i.articleId));
    if (bare.length) throw new DomainError("conflict", `Articles ${bare.map((i) => i.articleId).join(", ")} show no picture: give them one before the slot needs pictures`);
  }
  return { slot, items, dropped: [] };
}

/** The next state of the slot, or null when the change asks for what already stands (nothing is written). */
export function nextSlotState(loaded: LoadedSlot, change: SlotChange, now: number): SlotNext | null {
  const current = liveItems(loaded, now);
  let next: SlotNext;
  switch (change.kind) {
    case "delete":
      return { slot: null, items: [], dropped: [] };
    case "update":
      next = updateSlot(loaded, change.patch, now);
      break;
    case "replace":
      next = replaceItems(loaded, change.items, now);
      break;
    case "add":
      next = addItem(loaded, change.item, now);
      break;
    case "remove":
      if (!current.some((i) => i.articleId === change.articleId)) throw notFound(`Article ${change.articleId} is not in the ${loaded.slot.name} slot`);
      next = { slot: loaded.slot, items: current.filter((i) => i.articleId !== change.articleId), dropped: [] };
      break;
  }
  return sameSlot(loaded, next) ? null : next;
}

const sameItem = (a: SlotItem, b: SlotItem) => a.articleId === b.articleId && a.title === b.title && a.image === b.image && a.expiresAt === b.expiresAt;

/** Whether `next` is the slot exactly as stored (its expired items included: leaving them is a change). */
function sameSlot(loaded: LoadedSlot, next: SlotNext): boolean {
  const s = loaded.slot;
  const n = next.slot;
  if (!n) return false;
  const fields = n.name === s.name && n.description === s.description && n.capacity === s.capacity && n.sortOrder === s.sortOrder && n.needsPicture === s.needsPicture;
  return fields && next.items.length === s.items.length && next.items.every((item, i) => sameItem(item, s.items[i] as SlotItem));
}

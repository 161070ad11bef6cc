// Slots (推荐位) and their items: the rows, the write path's one load and one commit for a slot, and the
// cron's expiry. Items are few (a slot holds at most SLOT_MAX_CAPACITY), so a change rewrites a slot's items
// whole; the slot's version is the lock (see lockedSlotStatement).
import type { ArticleStatus } from "../domain/article.ts";
import type { Slot, SlotArticle, SlotItem, SlotWithItems } from "../domain/slot.ts";
import type { Media } from "../domain/media.ts";
import type { Db } from "../domain/db.ts";
import { type AuditActor, auditStatement } from "./audit.ts";
import { rowsOf } from "./handle.ts";
import { type MediaRow, mediaByKeysStatement, mediaMap } from "./media.ts";

type SlotRow = {
  id: number;
  slug: string;
  name: string;
  description: string;
  capacity: number;
  sort_order: number;
  needs_picture: number;
  version: number;
  created_at: number;
  updated_at: number;
};

const SLOT_COLUMNS = "id, slug, name, description, capacity, sort_order, needs_picture, version, created_at, updated_at";

const toSlot = (r: SlotRow): Slot => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  capacity: r.capacity,
  sortOrder: r.sort_order,
  needsPicture: r.needs_picture === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The article of an item or of a request: what the write path decides on, and what editors see beside it. */
type ArticleRow = {
  article_id: number;
  article_title: string;
  subtitle: string;
  section_path: string;
  cover_image: string | null;
  status: ArticleStatus;
  listed: number;
  published_at: number | null;
};

const ARTICLE_COLUMNS = `a.id AS article_id, a.title AS article_title, a.subtitle, s.path AS section_path, a.cover_image, a.status,
  (a.status = 'published' AND a.deleted_at IS NULL) AS listed, a.published_at`;

const toSlotArticle = (r: ArticleRow): SlotArticle => ({
  id: r.article_id,
  title: r.article_title,
  subtitle: r.subtitle,
  sectionPath: r.section_path,
  coverImage: r.cover_image,
  status: r.status,
  listed: r.listed === 1,
  publishedAt: r.published_at,
});

type ItemRow = ArticleRow & { slot_id: number; title: string; image: string | null; expires_at: number | null; added_at: number };

const toItem = (r: ItemRow): SlotItem & { article: SlotArticle } => ({
  articleId: r.article_id,
  title: r.title,
  image: r.image,
  expiresAt: r.expires_at,
  addedAt: r.added_at,
  article: toSlotArticle(r),
});

const ITEMS_OF = (where: string) =>
  `SELECT i.slot_id, i.title, i.image, i.expires_at, i.added_at, ${ARTICLE_COLUMNS}
     FROM slot_items i JOIN articles a ON a.id = i.article_id JOIN sections s ON s.id = a.section_id
    WHERE ${where} ORDER BY i.slot_id, i.position`;

/** Every slot in its order, with its items (expired ones included until the cron takes them out). */
export async function listSlots(db: Db): Promise<SlotWithItems[]> {
  const [slots, items] = await db.batch<unknown>([
    db.prepare(`SELECT ${SLOT_COLUMNS} FROM slots ORDER BY sort_order, id`),
    db.prepare(ITEMS_OF("1")),
  ]);
  const bySlot = new Map<number, SlotWithItems["items"]>();
  for (const row of rowsOf<ItemRow>(items)) {
    const list = bySlot.get(row.slot_id) ?? [];
    list.push(toItem(row));
    bySlot.set(row.slot_id, list);
  }
  return rowsOf<SlotRow>(slots).map((r) => ({ ...toSlot(r), items: bySlot.get(r.id) ?? [] }));
}

/** What a change to one slot decides on, read in one batch. */
export type SlotLoad = {
  slot: SlotWithItems | null;
  /** The articles the request names, by id (absent: no such article). */
  articles: Map<number, SlotArticle>;
  /** The images the request names that exist. */
  media: Map<string, Media>;
};

/** Loads a slot, its items, and the articles and images a change names, in one round trip. */
export async function loadSlot(db: Db, slug: string, wants: { articleIds?: readonly number[]; mediaKeys?: readonly string[] } = {}): Promise<SlotLoad> {
  const [slot, items, articles, media] = await db.batch<unknown>([
    db.prepare(`SELECT ${SLOT_COLUMNS} FROM slots WHERE slug = ?`).bind(slug),
    db.prepare(ITEMS_OF("i.slot_id = (SELECT id FROM slots WHERE slug = ?)")).bind(slug),
    db
      .prepare(
        `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN sections s ON s.id = a.section_id
          WHERE a.id IN (SELECT value FROM json_each(?))`,
      )
      .bind(JSON.stringify([...new Set(wants.articleIds ?? [])])),
    mediaByKeysStatement(db, wants.mediaKeys ?? []),
  ]);
  const row = rowsOf<SlotRow>(slot)[0];
  return {
    slot: row ? { ...toSlot(row), items: rowsOf<ItemRow>(items).map(toItem) } : null,
    articles: new Map(rowsOf<ArticleRow>(articles).map((r) => [r.article_id, toSlotArticle(r)])),
    media: mediaMap(rowsOf<MediaRow>(media)),
  };
}

/** The slot's fields an editor or an admin can change. */
export type SlotFields = Pick<Slot, "name" | "description" | "capacity" | "sortOrder" | "needsPicture">;

/** Creates a slot; the batch fails on the slug's UNIQUE constraint when it is taken (isSlugTaken). */
export function insertSlotStatement(db: Db, slug: string, f: SlotFields, now: number) {
  return db
    .prepare(
      `INSERT INTO slots (slug, name, description, capacity, sort_order, needs_picture, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING ${SLOT_COLUMNS}`,
    )
    .bind(slug, f.name, f.description, f.capacity, f.sortOrder, f.needsPicture ? 1 : 0, now, now);
}

export const slotFrom = (result: D1Result<unknown> | undefined): Slot | null => {
  const row = rowsOf<SlotRow>(result)[0];
  return row ? toSlot(row) : null;
};

/**
 * The slot's new fields and version, written only over `fromVersion`: any other version makes the new one
 * NULL, which the NOT NULL column refuses, and the whole batch rolls back (isSlotConflict). A slot deleted
 * meanwhile matches no row, and its items' inserts then fail their foreign key.
 */
export function lockedSlotStatement(db: Db, slot: Slot, fromVersion: number) {
  return db
    .prepare(
      `UPDATE slots SET name = ?, description = ?, capacity = ?, sort_order = ?, needs_picture = ?, updated_at = ?,
         version = CASE version WHEN ?7 THEN ?7 + 1 END
       WHERE id = ?8 RETURNING ${SLOT_COLUMNS}`,
    )
    .bind(slot.name, slot.description, slot.capacity, slot.sortOrder, slot.needsPicture ? 1 : 0, slot.updatedAt, fromVersion, slot.id);
}

/**
 * The slot's items, rewritten: the old rows go, the new ones go in, in order. Each insert holds only while
 * its article is published: otherwise its position is NULL, refused, and the batch rolls back — so no slot
 * ever holds an article that left the site between the load and this commit (isSlotConflict).
 */
export function slotItemsStatements(db: Db, slotId: number, items: readonly SlotItem[]): D1PreparedStatement[] {
  const rows = items.map((item, i) => ({ a: item.articleId, p: i + 1, t: item.title, i: item.image, e: item.expiresAt, at: item.addedAt }));
  return [
    db.prepare(`DELETE FROM slot_items WHERE slot_id = ?`).bind(slotId),
    ...(rows.length
      ? [
          db
            .prepare(
              `INSERT INTO slot_items (slot_id, article_id, position, title, image, expires_at, added_at)
               SELECT ?1, j.value ->> '$.a',
                      CASE WHEN EXISTS (SELECT 1 FROM articles a WHERE a.id = j.value ->> '$.a' AND a.status = 'published' AND a.deleted_at IS NULL)
                           THEN j.value ->> '$.p' END,
                      j.value ->> '$.t', j.value ->> '$.i', j.value ->> '$.e', j.value ->> '$.at'
                 FROM json_each(?2) j`,
            )
            .bind(slotId, JSON.stringify(rows)),
        ]
      : []),
  ];
}

/**
 * Deletes a slot and its items over `fromVersion` (a later version makes the lock fail first), recording
 * `audit` between the lock and the deletion, where it can still see the slot at its new version.
 */
export function deleteSlotStatements(db: Db, slot: Slot, fromVersion: number, audit: D1PreparedStatement): D1PreparedStatement[] {
  return [
    lockedSlotStatement(db, slot, fromVersion),
    audit,
    db.prepare(`DELETE FROM slot_items WHERE slot_id = ?`).bind(slot.id),
    db.prepare(`DELETE FROM slots WHERE id = ?`).bind(slot.id),
  ];
}

/** True when a slot's batch failed because another writer changed it first, or an article it names left the site. */
export const isSlotConflict = (err: unknown) =>
  err instanceof Error && /NOT NULL constraint failed: (slots\.version|slot_items\.position)|FOREIGN KEY constraint failed/.test(err.message);

/** True when a batch failed because the slot's slug is taken. */
export const isSlotSlugTaken = (err: unknown) => err instanceof Error && /UNIQUE constraint failed: slots\.slug/.test(err.message);

/**
 * Takes expired items out of every slot, with one audit entry each and a new version for each slot that
 * lost one, in one batch; answers the slugs of those slots.
 */
export async function expireSlotItems(db: Db, now: number, actor: AuditActor): Promise<string[]> {
  const expired = `SELECT slot_id, article_id FROM slot_items WHERE expires_at IS NOT NULL AND expires_at <= ?1`;
  const [, bumped] = await db.batch<unknown>([
    db
      .prepare(
        `INSERT INTO audit_log (at, key_id, key_name, action, article_id, detail)
         SELECT ?1, ?2, ?3, 'slot.expire', e.article_id, json_object('slot', s.slug, 'version', s.version + 1)
           FROM (${expired}) e JOIN slots s ON s.id = e.slot_id`,
      )
      .bind(now, actor.id, actor.name),
    db
      .prepare(`UPDATE slots SET version = version + 1, updated_at = ?1 WHERE id IN (SELECT slot_id FROM (${expired})) RETURNING slug`)
      .bind(now),
    db.prepare(`DELETE FROM slot_items WHERE expires_at IS NOT NULL AND expires_at <= ?1`).bind(now),
  ]);
  return rowsOf<{ slug: string }>(bumped).map((r) => r.slug);
}

/**
 * The audit entry of a change to a slot, for its batch: written only when the slot reached `version` (a slot
 * deleted meanwhile matches no row of the lock, and then nothing of the change is recorded).
 */
export const slotAuditStatement = (db: Db, actor: AuditActor, action: string, slot: Pick<Slot, "id" | "slug" | "version">, detail: Record<string, unknown>, at: number) =>
  auditStatement(
    db,
    { actor, action: `slot.${action}`, detail: { slot: slot.slug, version: slot.version, ...detail }, at },
    { exists: "SELECT 1 FROM slots WHERE id = ? AND version = ?", binds: [slot.id, slot.version] },
  );

/** The slots showing an article, by slug: read inside the article's commit, so the report names exactly them. */
export const slotsOfArticleStatement = (db: Db, articleId: number) =>
  db.prepare(`SELECT s.slug FROM slot_items i JOIN slots s ON s.id = i.slot_id WHERE i.article_id = ? ORDER BY s.id`).bind(articleId);

export const slugsFrom = (result: D1Result<unknown> | undefined): string[] => rowsOf<{ slug: string }>(result).map((r) => r.slug);

/**
 * An article leaving the site leaves every slot, in its own batch: an audit entry per slot (why: the change's
 * action), a new version for each (an editor's If-Match on it must fail), then the items go.
 */
export function leaveSlotsStatements(db: Db, articleId: number, actor: AuditActor, at: number, because: string): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO audit_log (at, key_id, key_name, action, article_id, detail)
         SELECT ?1, ?2, ?3, 'slot.leave', i.article_id, json_object('slot', s.slug, 'version', s.version + 1, 'because', ?5)
           FROM slot_items i JOIN slots s ON s.id = i.slot_id WHERE i.article_id = ?4`,
      )
      .bind(at, actor.id, actor.name, articleId, because),
    db.prepare(`UPDATE slots SET version = version + 1, updated_at = ?1 WHERE id IN (SELECT slot_id FROM slot_items WHERE article_id = ?2)`).bind(at, articleId),
    db.prepare(`DELETE FROM slot_items WHERE article_id = ?`).bind(articleId),
  ];
}

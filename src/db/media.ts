// Images: the media table, one row per stored object, keyed by content hash. The objects: src/storage/media-objects.ts.
import type { Media } from "../domain/media.ts";
import { type AuditEntry, auditStatement } from "./audit.ts";
import type { Db } from "../domain/db.ts";

type MediaRow = {
  key: string;
  content_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  created_at: number;
  created_by: number | null;
};

const COLUMNS = "key, content_type, bytes, width, height, alt, caption, credit, created_at, created_by";

const toMedia = (r: MediaRow): Media => ({
  key: r.key,
  contentType: r.content_type,
  bytes: r.bytes,
  width: r.width,
  height: r.height,
  alt: r.alt,
  caption: r.caption,
  credit: r.credit,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export async function getMedia(db: Db, key: string): Promise<Media | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM media WHERE key = ?`).bind(key).first<MediaRow>();
  return row ? toMedia(row) : null;
}

/**
 * The rows for these keys, by key; keys without a row are simply absent (an article may name an image
 * that is gone). One query whatever the count: the keys travel as one JSON parameter, clear of D1's
 * limit on bound parameters.
 */
export async function getMediaByKeys(db: Db, keys: readonly string[]): Promise<Map<string, Media>> {
  if (keys.length === 0) return new Map();
  const { results } = await mediaByKeysStatement(db, keys).all<MediaRow>();
  return mediaMap(results);
}

/** The statement behind getMediaByKeys, for use inside a batch. */
export const mediaByKeysStatement = (db: Db, keys: readonly string[]) =>
  db.prepare(`SELECT ${COLUMNS} FROM media WHERE key IN (SELECT value FROM json_each(?))`).bind(JSON.stringify([...new Set(keys)]));

/** The rows of a media statement, by key. */
export const mediaMap = (rows: MediaRow[]): Map<string, Media> => new Map(rows.map((r) => [r.key, toMedia(r)]));

export type { MediaRow };

export type NewMedia = Omit<Media, "createdAt" | "createdBy"> & { createdAt?: number; createdBy: number | null };

/**
 * Records an uploaded image, with its audit entry in the same batch. The same bytes uploaded again keep
 * the first upload's row: its metadata is never overwritten by a re-upload (an article may rely on that
 * caption), but an empty alt, caption or credit is filled in from the new one. `created` tells the two apart.
 */
export async function insertMedia(
  db: Db,
  media: NewMedia,
  audit: Omit<AuditEntry, "at">,
): Promise<{ media: Media; created: boolean; filledIn: boolean }> {
  const now = media.createdAt ?? Date.now();
  const existed = db.prepare(`SELECT ${COLUMNS} FROM media WHERE key = ?`).bind(media.key);
  const upsert = db
    .prepare(
      `INSERT INTO media (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET
         alt = CASE media.alt WHEN '' THEN excluded.alt ELSE media.alt END,
         caption = CASE media.caption WHEN '' THEN excluded.caption ELSE media.caption END,
         credit = CASE media.credit WHEN '' THEN excluded.credit ELSE media.credit END
       RETURNING ${COLUMNS}`,
    )
    .bind(
      media.key,
      media.contentType,
      media.bytes,
      media.width,
      media.height,
      media.alt,
      media.caption,
      media.credit,
      now,
      media.createdBy,
    );
  // One batch is one transaction: the existence check sees the table as the upsert does.
  const [before, after] = await db.batch<MediaRow>([existed, upsert, auditStatement(db, { ...audit, at: now })]);
  const row = after?.results[0];
  if (!row) throw new Error("media upsert returned no row");
  const old = before?.results[0];
  const stored = toMedia(row);
  // A repeat that filled in empty metadata changes what pages print under the image.
  const filledIn = old !== undefined && (old.alt !== stored.alt || old.caption !== stored.caption || old.credit !== stored.credit);
  return { media: stored, created: old === undefined, filledIn };
}

/** `text` as a LIKE pattern that matches it anywhere, its own % and _ taken literally (ESCAPE '\\'). */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Newest first, `limit` rows after `after` (keyset on created_at, then key, so equal times never repeat);
 * with `match`, only the rows whose alt text or caption contains it. The search walks the created_at index
 * newest first and stops at `limit` hits: a newsroom's library is thousands of rows, not millions.
 */
export async function listMedia(
  db: Db,
  limit: number,
  after: readonly [createdAt: number, key: string] | null = null,
  match = "",
): Promise<Media[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (after) {
    where.push("(created_at, key) < (?, ?)");
    params.push(after[0], after[1]);
  }
  if (match !== "") {
    where.push("(alt LIKE ? ESCAPE '\\' OR caption LIKE ? ESCAPE '\\')");
    params.push(containing(match), containing(match));
  }
  const filter = where.length > 0 ? `WHERE ${where.join(" AND ")}` : "";
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM media ${filter} ORDER BY created_at DESC, key DESC LIMIT ?`)
    .bind(...params, limit)
    .all<MediaRow>();
  return results.map(toMedia);
}

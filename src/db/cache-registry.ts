// The Cache API backend's registry of cached URLs by tag (migrations/0006): written when a page is stored,
// read only by purges, never on a cache hit.
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";

/** Registers `url` under `tags` until `expiresAt`: a purge of any of them will find it. */
export async function registerCachedUrl(db: Db, url: string, tags: readonly string[], expiresAt: number): Promise<void> {
  await db
    .prepare(
      `INSERT INTO cache_entries (tag, url, expires_at) SELECT value, ?1, ?2 FROM json_each(?3) WHERE true
       ON CONFLICT (tag, url) DO UPDATE SET expires_at = excluded.expires_at`,
    )
    .bind(url, expiresAt, JSON.stringify(tags))
    .run();
}

/**
 * Whether any of `tags` was purged after `since` (when a page's render began): then the copy may show what
 * the purge removed. (A purge in the same millisecond follows a commit the render already saw.)
 */
export async function purgedSince(db: Db, tags: readonly string[], since: number): Promise<boolean> {
  const { results } = await db
    .prepare(`SELECT 1 AS hit FROM cache_purges WHERE tag IN (SELECT value FROM json_each(?1)) AND purged_at > ?2 LIMIT 1`)
    .bind(JSON.stringify(tags), since)
    .all();
  return results.length > 0;
}

/** Records that `tags` were purged at `at` (every tag, with "everything"): stores begun before then drop their copy. */
export async function recordPurge(db: Db, tags: readonly string[] | "everything", at: number): Promise<void> {
  await db
    .prepare(
      `INSERT INTO cache_purges (tag, purged_at) SELECT value, ?2 FROM json_each(?1) WHERE true
       ON CONFLICT (tag) DO UPDATE SET purged_at = excluded.purged_at`,
    )
    .bind(JSON.stringify(tags === "everything" ? ["site"] : tags), at)
    .run();
}

/**
 * Up to `limit` URLs registered under `tags` (any URL, with "everything"), forgetting exactly those: a purge
 * takes them chunk by chunk, and whatever it has not taken yet stays registered for it (or the next) to find.
 */
export async function takeUrlsToPurge(db: Db, tags: readonly string[] | "everything", limit: number): Promise<string[]> {
  const matching =
    tags === "everything"
      ? { sql: `SELECT DISTINCT url FROM cache_entries LIMIT ?1`, binds: [limit] }
      : { sql: `SELECT DISTINCT url FROM cache_entries WHERE tag IN (SELECT value FROM json_each(?2)) LIMIT ?1`, binds: [limit, JSON.stringify(tags)] };
  const [urls] = await db.batch<{ url: string }>([
    db.prepare(matching.sql).bind(...matching.binds),
    db.prepare(`DELETE FROM cache_entries WHERE url IN (${matching.sql})`).bind(...matching.binds),
  ]);
  return rowsOf<{ url: string }>(urls).map((r) => r.url);
}

/** Forgets registrations of copies that have expired, and purge times too old to matter. For the cron. */
export async function pruneCacheRegistry(db: Db, now: number, purgeMemoryMs: number): Promise<void> {
  await db.batch([
    db.prepare(`DELETE FROM cache_entries WHERE expires_at < ?`).bind(now),
    db.prepare(`DELETE FROM cache_purges WHERE purged_at < ?`).bind(now - purgeMemoryMs),
  ]);
}

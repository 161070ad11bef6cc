// The Cache API backend's registry of cached URLs by tag (migrations/0006): written after a page is cached,
// read only by purges, never on a cache hit.
import { type Db, rowsOf } from "./handle.ts";

/**
 * Registers `url` under `tags` until `expiresAt` and answers whether any of those tags was purged after
 * `since` (the moment its render began): then the copy may show what the purge removed, and the caller
 * drops it. (A purge in the same millisecond follows a commit the render already saw.) Registering first, then checking, in one transaction: a purge either finds this URL
 * or is seen by this check, never neither.
 */
export async function registerCachedUrl(db: Db, url: string, tags: readonly string[], expiresAt: number, since: number): Promise<boolean> {
  const json = JSON.stringify(tags);
  const [, purged] = await db.batch<unknown>([
    db
      .prepare(
        `INSERT INTO cache_entries (tag, url, expires_at) SELECT value, ?1, ?2 FROM json_each(?3) WHERE true
         ON CONFLICT (tag, url) DO UPDATE SET expires_at = excluded.expires_at`,
      )
      .bind(url, expiresAt, json),
    db.prepare(`SELECT 1 AS hit FROM cache_purges WHERE tag IN (SELECT value FROM json_each(?1)) AND purged_at > ?2 LIMIT 1`).bind(json, since),
  ]);
  return rowsOf(purged).length > 0;
}

/**
 * Records that `tags` were purged at `at` and answers the URLs registered under them, forgetting those
 * registrations. With `everything`, every registered URL.
 */
export async function takeUrlsToPurge(db: Db, tags: readonly string[] | "everything", at: number): Promise<string[]> {
  if (tags === "everything") {
    const [urls] = await db.batch<{ url: string }>([
      db.prepare(`SELECT DISTINCT url FROM cache_entries`),
      db.prepare(`INSERT INTO cache_purges (tag, purged_at) VALUES ('site', ?) ON CONFLICT (tag) DO UPDATE SET purged_at = excluded.purged_at`).bind(at),
      db.prepare(`DELETE FROM cache_entries`),
    ]);
    return (urls?.results ?? []).map((r) => r.url);
  }
  const json = JSON.stringify(tags);
  const [, urls] = await db.batch<{ url: string }>([
    db
      .prepare(
        `INSERT INTO cache_purges (tag, purged_at) SELECT value, ?2 FROM json_each(?1) WHERE true
         ON CONFLICT (tag) DO UPDATE SET purged_at = excluded.purged_at`,
      )
      .bind(json, at),
    db.prepare(`SELECT DISTINCT url FROM cache_entries WHERE tag IN (SELECT value FROM json_each(?1))`).bind(json),
    db.prepare(`DELETE FROM cache_entries WHERE tag IN (SELECT value FROM json_each(?1))`).bind(json),
  ]);
  return (urls?.results ?? []).map((r) => r.url);
}

/** Forgets registrations of copies that have expired, and purge times too old to matter. For the cron. */
export async function pruneCacheRegistry(db: Db, now: number, purgeMemoryMs: number): Promise<void> {
  await db.batch([
    db.prepare(`DELETE FROM cache_entries WHERE expires_at < ?`).bind(now),
    db.prepare(`DELETE FROM cache_purges WHERE purged_at < ?`).bind(now - purgeMemoryMs),
  ]);
}

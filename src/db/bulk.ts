// Reads for bulk tools (the data generator, the benchmark): aggregates answered from indexes in
// O(log n) each, whatever the size of the archive. Not used on request paths.

/** When the oldest published article went out, or null when nothing is published. */
export async function oldestPublishedAt(db: D1Database): Promise<number | null> {
  const row = await db
    .prepare(`SELECT MIN(published_at) AS at FROM articles WHERE status = 'published'`)
    .first<{ at: number | null }>();
  return row?.at ?? null;
}

/** The lowest and highest article ids, or null when there are no articles. */
export async function articleIdRange(db: D1Database): Promise<{ first: number; last: number } | null> {
  const row = await db
    .prepare(`SELECT MIN(id) AS first, MAX(id) AS last FROM articles`)
    .first<{ first: number | null; last: number | null }>();
  return row?.first != null && row.last != null ? { first: row.first, last: row.last } : null;
}

/** How many articles each section lists (its own and its subsections'), by section path. */
export async function listingTotals(db: D1Database): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(
      `SELECT s.path, COALESCE((SELECT MAX(position) FROM section_listing l WHERE l.section_id = s.id), 0) AS total
         FROM sections s`,
    )
    .all<{ path: string; total: number }>();
  return new Map(results.map((r) => [r.path, r.total]));
}

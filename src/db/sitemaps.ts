// Sitemap reads and the bookkeeping behind them. A month's sitemap is a range of the articles_published index
// (O(that month)); the index reads sitemap_months (O(months)), which the write path keeps in step.
import type { MonthChange, NewsUrl, SitemapMonth, SitemapUrl } from "../domain/sitemap.ts";
import { shanghaiMonthRange } from "../content/dates.ts";
import { articleUrl, sectionUrl, topicUrl } from "../content/urls.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";

type MonthRow = { month: string; articles: number; lastmod: number };
const toMonth = (r: MonthRow): SitemapMonth => ({ month: r.month, articles: r.articles, lastmod: r.lastmod });

/** Statements that move each month's count and lastmod, for the batch of the change that moves them. */
export const sitemapMonthStatements = (db: Db, changes: readonly MonthChange[]) =>
  changes.map((c) =>
    db
      .prepare(
        `INSERT INTO sitemap_months (month, articles, lastmod) VALUES (?1, ?2, ?3)
         ON CONFLICT (month) DO UPDATE SET articles = articles + excluded.articles, lastmod = MAX(lastmod, excluded.lastmod)`,
      )
      .bind(c.month, c.articles, c.at),
  );

/**
 * The months that list anything, newest first; and the sections' sitemap, when there are sections or topics:
 * when the section tree or a topic last changed what it lists.
 */
export async function readSitemapIndex(db: Db): Promise<{ months: SitemapMonth[]; sections: { lastmod: number } | null }> {
  const [months, sections] = await db.batch<unknown>([
    db.prepare(`SELECT month, articles, lastmod FROM sitemap_months WHERE articles > 0 ORDER BY month DESC`),
    db.prepare(
      `SELECT (SELECT COUNT(*) FROM sections) + (SELECT COUNT(*) FROM topics) AS count,
              MAX(COALESCE((SELECT MAX(changed_at) FROM sections), 0), COALESCE((SELECT MAX(changed_at) FROM topics), 0)) AS changed_at`,
    ),
  ]);
  const tree = rowsOf<{ count: number; changed_at: number }>(sections)[0];
  return { months: rowsOf<MonthRow>(months).map(toMonth), sections: tree?.count ? { lastmod: tree.changed_at } : null };
}

/**
 * Part `part` (from 1) of a month's sitemap: its published articles, oldest first, `size` at most; null when
 * the month lists nothing or has no such part.
 */
export async function readMonthSitemap(db: Db, month: string, part: number, size: number): Promise<SitemapUrl[] | null> {
  // The URL lets a part number of any length through: an offset past 2^53 is bound as a float, which SQLite
  // refuses as OFFSET (SQLITE_MISMATCH, a 500). No month holds that many articles: no such part.
  const offset = (part - 1) * size;
  if (!Number.isSafeInteger(offset) || offset < 0) return null;
  const { from, to } = shanghaiMonthRange(month);
  const [counted, rows] = await db.batch<unknown>([
    db.prepare(`SELECT month, articles, lastmod FROM sitemap_months WHERE month = ?`).bind(month),
    db
      .prepare(
        `SELECT a.id, s.path AS section_path, a.updated_at
           FROM articles a JOIN sections s ON s.id = a.section_id
          WHERE a.status = 'published' AND a.published_at >= ?1 AND a.published_at < ?2
          ORDER BY a.published_at, a.id LIMIT ?3 OFFSET ?4`,
      )
      .bind(from, to, size, offset),
  ]);
  const row = rowsOf<MonthRow>(counted)[0];
  const urls = rowsOf<{ id: number; section_path: string; updated_at: number }>(rows);
  if (!row || row.articles === 0 || urls.length === 0) return null;
  return urls.map((r) => ({ path: articleUrl(r.section_path, r.id), lastmod: r.updated_at }));
}

/** Every section's first page, then every topic's (专题, oldest first), each with when what it lists last changed. */
export async function readSectionsSitemap(db: Db): Promise<SitemapUrl[]> {
  const [sections, topics] = await db.batch<unknown>([
    db.prepare(`SELECT path, changed_at FROM sections ORDER BY sort_order, id`),
    db.prepare(`SELECT slug, changed_at FROM topics ORDER BY created_at, id`),
  ]);
  return [
    ...rowsOf<{ path: string; changed_at: number }>(sections).map((r) => ({ path: sectionUrl(r.path), lastmod: r.changed_at })),
    ...rowsOf<{ slug: string; changed_at: number }>(topics).map((r) => ({ path: topicUrl(r.slug), lastmod: r.changed_at })),
  ];
}

/** Published articles that went out at `since` or later, newest first, at most `limit`. */
export async function readNewsSitemap(db: Db, since: number, limit: number): Promise<NewsUrl[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, s.path AS section_path, a.title, a.published_at
         FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.status = 'published' AND a.published_at >= ?1
        ORDER BY a.published_at DESC, a.id DESC LIMIT ?2`,
    )
    .bind(since, limit)
    .all<{ id: number; section_path: string; title: string; published_at: number }>();
  return results.map((r) => ({ path: articleUrl(r.section_path, r.id), title: r.title, publishedAt: r.published_at }));
}

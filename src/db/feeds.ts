// Reads for feeds: the newest FEED_SIZE published articles of a section (its subsections' included) or of the
// whole site, with what their Last-Modified needs, in one round trip each. A section's newest come from
// section_listing by position, the site's from the articles_published index: the same rows at any archive size.
import { FEED_SIZE, type Feed, type FeedItem } from "../domain/feed.ts";
import { parseBylines } from "./articles.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import { type SectionRow, chainFromRows, sectionChainStatement } from "./sections.ts";

type FeedRow = {
  id: number;
  section_path: string;
  section_name: string;
  title: string;
  summary: string;
  body_start: string;
  body_html: string;
  bylines: string;
  cover_image: string | null;
  cover_type: string | null;
  cover_bytes: number | null;
  cover_width: number | null;
  cover_height: number | null;
  cover_alt: string | null;
  published_at: number;
  updated_at: number;
};

// `a` the article, `s` its own section, `m` its cover (when the media row exists).
const FEED_COLUMNS = `a.id, s.path AS section_path, s.name AS section_name, a.title, a.summary,
  CASE a.summary WHEN '' THEN substr(a.body_text, 1, 200) ELSE '' END AS body_start, a.body_html, a.bylines,
  a.cover_image, m.content_type AS cover_type, m.bytes AS cover_bytes, m.width AS cover_width, m.height AS cover_height,
  m.alt AS cover_alt, a.published_at, a.updated_at`;

const toItem = (r: FeedRow): FeedItem => ({
  id: r.id,
  sectionPath: r.section_path,
  sectionName: r.section_name,
  title: r.title,
  summary: r.summary,
  bodyStart: r.body_start,
  bodyHtml: r.body_html,
  bylines: parseBylines(r.bylines),
  // Without its media row there is no type or size to announce: no enclosure rather than a wrong one.
  cover:
    r.cover_image && r.cover_type !== null && r.cover_bytes !== null
      ? { key: r.cover_image, contentType: r.cover_type, bytes: r.cover_bytes, width: r.cover_width, height: r.cover_height, alt: r.cover_alt ?? "" }
      : null,
  publishedAt: r.published_at,
  updatedAt: r.updated_at,
});

const lastModifiedOf = (changedAt: number, items: FeedItem[]) => Math.max(changedAt, ...items.map((i) => i.updatedAt));

/** The section's feed; null when there is no such section. */
export async function readSectionFeed(db: Db, path: string): Promise<Feed | null> {
  const [chain, items] = await db.batch<unknown>([
    sectionChainStatement(db, path),
    db
      .prepare(
        `WITH listed(id) AS (SELECT id FROM sections WHERE path = ?1),
              total(n) AS (SELECT position FROM section_listing WHERE section_id = (SELECT id FROM listed)
                            ORDER BY position DESC LIMIT 1)
         SELECT ${FEED_COLUMNS}
           FROM section_listing l
           JOIN articles a ON a.id = l.article_id
           JOIN sections s ON s.id = a.section_id
           LEFT JOIN media m ON m.key = a.cover_image
          WHERE l.section_id = (SELECT id FROM listed) AND l.position > (SELECT n FROM total) - ?2
          ORDER BY l.position DESC`,
      )
      .bind(path, FEED_SIZE),
  ]);
  const sectionChain = chainFromRows(path, rowsOf<SectionRow>(chain));
  const section = sectionChain?.[sectionChain.length - 1];
  if (!sectionChain || !section) return null;
  const list = rowsOf<FeedRow>(items).map(toItem);
  return { chain: sectionChain, items: list, lastModified: lastModifiedOf(section.changedAt, list) };
}

/**
 * A topic's feed: its newest published members, from the topic's own index of publication times (the same
 * rows at any size); null when there is no such topic. Dated by the topic's last change or its newest edit.
 */
export async function readTopicFeed(db: Db, slug: string): Promise<Feed | null> {
  const [topic, items] = await db.batch<unknown>([
    db.prepare(`SELECT slug, title, intro_text, changed_at FROM topics WHERE slug = ?`).bind(slug),
    db
      .prepare(
        `SELECT ${FEED_COLUMNS}
           FROM topic_articles l
           JOIN articles a ON a.id = l.article_id
           JOIN sections s ON s.id = a.section_id
           LEFT JOIN media m ON m.key = a.cover_image
          WHERE l.topic_id = (SELECT id FROM topics WHERE slug = ?1) AND l.published_at IS NOT NULL
          ORDER BY l.published_at DESC, l.article_id DESC LIMIT ?2`,
      )
      .bind(slug, FEED_SIZE),
  ]);
  const row = rowsOf<{ slug: string; title: string; intro_text: string; changed_at: number }>(topic)[0];
  if (!row) return null;
  const list = rowsOf<FeedRow>(items).map(toItem);
  return { chain: [], topic: { slug: row.slug, title: row.title, description: row.intro_text }, items: list, lastModified: lastModifiedOf(row.changed_at, list) };
}

/** The whole site's feed. Every listed article is listed in its top-level section, so their changes bound it. */
export async function readSiteFeed(db: Db): Promise<Feed> {
  const [changed, items] = await db.batch<unknown>([
    db.prepare(`SELECT COALESCE(MAX(changed_at), 0) AS changed_at FROM sections WHERE parent_id IS NULL`),
    db
      .prepare(
        `SELECT ${FEED_COLUMNS}
           FROM articles a
           JOIN sections s ON s.id = a.section_id
           LEFT JOIN media m ON m.key = a.cover_image
          WHERE a.status = 'published'
          ORDER BY a.published_at DESC, a.id DESC LIMIT ?1`,
      )
      .bind(FEED_SIZE),
  ]);
  const list = rowsOf<FeedRow>(items).map(toItem);
  return { chain: [], items: list, lastModified: lastModifiedOf(rowsOf<{ changed_at: number }>(changed)[0]?.changed_at ?? 0, list) };
}

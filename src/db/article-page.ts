// Reads for one published article (its page and GET /api/v1/articles/:id), all in one batch and so one
// round trip: the article, its section chain, 上一篇 / 下一篇, its cover image and, for pages, the site
// navigation. Every statement starts from the article's id, so none waits for another's answer.
import type { Article, ArticleInContext, NeighbourArticle, PublishedArticle } from "../domain/article.ts";
import type { CoverFigure } from "../domain/media.ts";
import { type ArticleRow, type NeighbourRow, articleColumnsOf, newerThanArticleStatement, olderThanArticleStatement, toArticle } from "./articles.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import { type Missing, sectionsFrom, topSectionsStatement } from "./listings.ts";
import {
  type SectionRow,
  chainFromDepthRows,
  chainFromRows,
  sectionChainOfArticleStatement,
  sectionChainStatement,
} from "./sections.ts";

type ArticleAt = Pick<ArticleInContext, "article" | "sectionPath">;

const publishedArticleStatement = (db: Db, id: number) =>
  db
    .prepare(
      `SELECT ${articleColumnsOf("a")}, s.path AS section_path
         FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.id = ? AND a.status = 'published' AND a.deleted_at IS NULL`,
    )
    .bind(id);

// The statement reads only published articles, so the row is one.
const toPlaced = (row: (ArticleRow & { section_path: string }) | undefined): ArticleAt | null =>
  row && row.published_at !== null
    ? { article: { ...toArticle(row), status: "published", publishedAt: row.published_at } satisfies PublishedArticle, sectionPath: row.section_path }
    : null;

const toNeighbour = (r: NeighbourRow | undefined): NeighbourArticle | null =>
  r ? { id: r.id, title: r.title, sectionPath: r.section_path, publishedAt: r.published_at } : null;

/** A published article (never a draft, a scheduled or a trashed one) and its section's path. */
export async function getPublishedArticle(db: Db, id: number): Promise<ArticleAt | null> {
  return toPlaced((await publishedArticleStatement(db, id).all<ArticleRow & { section_path: string }>()).results[0]);
}

/**
 * A published article and everything around it, in one round trip; missing (with the navigation, when asked
 * for) when there is none.
 * With `expectedSectionPath` (a page's URL) the chain is read by that path; when the article lives
 * elsewhere the page redirects to the canonical URL, and the chain (empty or not) goes unused.
 */
export async function readPublishedArticle(
  db: Db,
  id: number,
  opts: { expectedSectionPath?: string; nav: boolean },
): Promise<ArticleInContext | Missing> {
  const chainStatement =
    opts.expectedSectionPath === undefined
      ? sectionChainOfArticleStatement(db, id)
      : sectionChainStatement(db, opts.expectedSectionPath);
  const [article, chain, older, newer, cover, nav] = await db.batch<unknown>([
    publishedArticleStatement(db, id),
    chainStatement,
    olderThanArticleStatement(db, id),
    newerThanArticleStatement(db, id),
    db
      .prepare(`SELECT key, width, height, alt, caption, credit FROM media WHERE key = (SELECT cover_image FROM articles WHERE id = ?)`)
      .bind(id),
    ...(opts.nav ? [topSectionsStatement(db)] : []),
  ]);
  const placed = toPlaced(rowsOf<ArticleRow & { section_path: string }>(article)[0]);
  if (!placed) return { missing: true, nav: opts.nav ? sectionsFrom(nav) : [] };
  const sectionChain =
    opts.expectedSectionPath === undefined
      ? chainFromDepthRows(rowsOf<SectionRow & { depth: number }>(chain))
      : chainFromRows(placed.sectionPath, rowsOf<SectionRow>(chain));
  return {
    ...placed,
    // Not the URL's section: the caller redirects to the canonical URL and shows no chain.
    chain: sectionChain ?? [],
    older: toNeighbour(rowsOf<NeighbourRow>(older)[0]),
    newer: toNeighbour(rowsOf<NeighbourRow>(newer)[0]),
    cover: rowsOf<CoverFigure>(cover)[0] ?? null,
    nav: opts.nav ? sectionsFrom(nav) : [],
  };
}

/**
 * Any article, whatever its status, with what its page shows around it (no neighbours: a draft has none
 * yet), for a preview. Null when there is no such article or it is in the trash.
 */
export async function readArticleForPreview(db: Db, id: number): Promise<Omit<ArticleInContext, "article"> & { article: Article } | null> {
  const [article, chain, cover, nav] = await db.batch<unknown>([
    db.prepare(`SELECT ${articleColumnsOf("a")}, s.path AS section_path FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.id = ? AND a.deleted_at IS NULL`).bind(id),
    sectionChainOfArticleStatement(db, id),
    db.prepare(`SELECT key, width, height, alt, caption, credit FROM media WHERE key = (SELECT cover_image FROM articles WHERE id = ?)`).bind(id),
    topSectionsStatement(db),
  ]);
  const row = rowsOf<ArticleRow & { section_path: string }>(article)[0];
  if (!row) return null;
  return {
    article: toArticle(row),
    sectionPath: row.section_path,
    chain: chainFromDepthRows(rowsOf<SectionRow & { depth: number }>(chain)),
    older: null,
    newer: null,
    cover: rowsOf<CoverFigure>(cover)[0] ?? null,
    nav: sectionsFrom(nav),
  };
}

// Reads for one published article (its page and GET /api/v1/articles/:id), all in one batch and so one
// round trip: the article, its section chain, 上一篇 / 下一篇, its cover image and, for pages, the site
// navigation. Every statement starts from the article's id, so none waits for another's answer.
import {
  type Article,
  type ArticleRow,
  type NeighbourRow,
  articleColumnsOf,
  newerThanArticleStatement,
  olderThanArticleStatement,
  toArticle,
} from "./articles.ts";
import { type CoverImage, rowsOf, sectionsFrom, topSectionsStatement } from "./listings.ts";
import {
  type Section,
  type SectionRow,
  chainFromDepthRows,
  chainFromRows,
  sectionChainOfArticleStatement,
  sectionChainStatement,
} from "./sections.ts";

export type PublishedArticle = { article: Article & { publishedAt: number }; sectionPath: string };

export type NeighbourArticle = { id: number; title: string; sectionPath: string; publishedAt: number };

/** The cover image with what a figure shows under it. */
export type CoverFigure = CoverImage & { caption: string; credit: string };

export type ArticleSurroundings = {
  /** The article's section and its ancestors, root first. */
  chain: Section[];
  /** 上一篇: the next older published article of the same section. */
  older: NeighbourArticle | null;
  /** 下一篇: the next newer one. */
  newer: NeighbourArticle | null;
  cover: CoverFigure | null;
  /** The top-level sections, for a page's navigation; empty when not asked for. */
  nav: Section[];
};

export type ArticleRead = PublishedArticle & ArticleSurroundings;

const publishedArticleStatement = (db: D1Database, id: number) =>
  db
    .prepare(
      `SELECT ${articleColumnsOf("a")}, s.path AS section_path
         FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.id = ? AND a.status = 'published' AND a.deleted_at IS NULL`,
    )
    .bind(id);

const toPlaced = (row: (ArticleRow & { section_path: string }) | undefined): PublishedArticle | null =>
  row && row.published_at !== null
    ? { article: { ...toArticle(row), publishedAt: row.published_at }, sectionPath: row.section_path }
    : null;

const toNeighbour = (r: NeighbourRow | undefined): NeighbourArticle | null =>
  r ? { id: r.id, title: r.title, sectionPath: r.section_path, publishedAt: r.published_at } : null;

/** A published article (never a draft, a scheduled or a trashed one) and its section's path. */
export async function getPublishedArticle(db: D1Database, id: number): Promise<PublishedArticle | null> {
  return toPlaced((await publishedArticleStatement(db, id).first<ArticleRow & { section_path: string }>()) ?? undefined);
}

/**
 * A published article and everything around it, in one round trip; null when there is none.
 * With `expectedSectionPath` (a page's URL) the chain is read by that path; when the article lives
 * elsewhere the page redirects to the canonical URL, and the chain (empty or not) goes unused.
 */
export async function readPublishedArticle(
  db: D1Database,
  id: number,
  opts: { expectedSectionPath?: string; nav: boolean },
): Promise<ArticleRead | null> {
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
  if (!placed) return null;
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

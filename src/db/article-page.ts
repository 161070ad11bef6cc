// Reads for one published article (its page and GET /api/v1/articles/:id): the article, then in one
// batch its section chain, 上一篇 / 下一篇, its cover image and the site navigation. Two round trips.
import { type Article, type ArticleRow, type NeighbourRow, articleColumnsOf, newerInSectionStatement, olderInSectionStatement, toArticle } from "./articles.ts";
import { type CoverImage, rowsOf, sectionsFrom, topSectionsStatement } from "./listings.ts";
import { type Section, type SectionRow, chainFromRows, sectionChainStatement } from "./sections.ts";

export type PublishedArticle = { article: Article & { publishedAt: number }; sectionPath: string };

/** A published article (never a draft, a scheduled or a trashed one) and its section's path. */
export async function getPublishedArticle(db: D1Database, id: number): Promise<PublishedArticle | null> {
  const row = await db
    .prepare(
      `SELECT ${articleColumnsOf("a")}, s.path AS section_path
         FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.id = ? AND a.status = 'published' AND a.deleted_at IS NULL`,
    )
    .bind(id)
    .first<ArticleRow & { section_path: string }>();
  if (!row || row.published_at === null) return null;
  return { article: { ...toArticle(row), publishedAt: row.published_at }, sectionPath: row.section_path };
}

export type NeighbourArticle = { id: number; title: string; sectionPath: string; publishedAt: number };

export type ArticleSurroundings = {
  /** The article's section and its ancestors, root first. */
  chain: Section[];
  /** 上一篇: the next older published article of the same section. */
  older: NeighbourArticle | null;
  /** 下一篇: the next newer one. */
  newer: NeighbourArticle | null;
  cover: CoverFigure | null;
  nav: Section[];
};

/** The cover image with what a figure shows under it. */
export type CoverFigure = CoverImage & { caption: string; credit: string };

const toNeighbour = (r: NeighbourRow | undefined): NeighbourArticle | null =>
  r ? { id: r.id, title: r.title, sectionPath: r.section_path, publishedAt: r.published_at } : null;


/** Everything around a published article, in one batch. */
export async function readArticleSurroundings(db: D1Database, placed: PublishedArticle): Promise<ArticleSurroundings> {
  const { article, sectionPath } = placed;
  const [chain, older, newer, cover, nav] = await db.batch<unknown>([
    sectionChainStatement(db, sectionPath),
    olderInSectionStatement(db, article.sectionId, article.publishedAt, article.id),
    newerInSectionStatement(db, article.sectionId, article.publishedAt, article.id),
    db.prepare(`SELECT key, width, height, alt, caption, credit FROM media WHERE key = ?`).bind(article.coverImage),
    topSectionsStatement(db),
  ]);
  const sectionChain = chainFromRows(sectionPath, rowsOf<SectionRow>(chain));
  // The write path keeps an article's section in place; a missing level is a broken database.
  if (!sectionChain) throw new Error(`article ${article.id}: section chain of "${sectionPath}" is incomplete`);
  return {
    chain: sectionChain,
    older: toNeighbour(rowsOf<NeighbourRow>(older)[0]),
    newer: toNeighbour(rowsOf<NeighbourRow>(newer)[0]),
    cover: rowsOf<CoverFigure>(cover)[0] ?? null,
    nav: sectionsFrom(nav),
  };
}

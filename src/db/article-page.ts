// Reads for one article (its page, GET /api/v1/articles/:id, a preview), each in ONE statement: the article
// row, with its section chain, 上一篇 / 下一篇, its cover image and, for pages, the site navigation beside it
// as JSON columns. One statement where a batch sent six: every statement costs D1 a round of work of its own.
import * as v from "valibot";
import type { Article, ArticleInContext, NeighbourArticle, PublishedArticle } from "../domain/article.ts";
import type { Db } from "../domain/db.ts";
import { type ArticleRow, articleColumnsOf, toArticle } from "./articles.ts";
import { firstRowOf } from "./handle.ts";
import { columnsOf, jsonObject, rowFromJson } from "./json-columns.ts";
import { type Missing, sectionsFromJson, topSectionsJson } from "./listings.ts";
import { chainFromJson, chainJson } from "./sections.ts";

type ArticleAt = Pick<ArticleInContext, "article" | "sectionPath">;

const NeighbourJson = v.object({ id: v.number(), title: v.string(), published_at: v.number() });

const CoverJson = v.object({
  key: v.string(),
  width: v.nullable(v.number()),
  height: v.nullable(v.number()),
  alt: v.string(),
  caption: v.string(),
  credit: v.string(),
});

/** 上一篇 (`<`, newest first) or 下一篇 (`>`, oldest first) of `a` in its section: one step of the section index. */
const neighbourJson = (cmp: "<" | ">") => {
  const order = cmp === "<" ? "DESC" : "ASC";
  return `(SELECT ${jsonObject(columnsOf("n", Object.keys(NeighbourJson.entries)))} FROM articles n
            WHERE n.section_id = a.section_id AND n.status = 'published' AND (n.published_at, n.id) ${cmp} (a.published_at, a.id)
            ORDER BY n.published_at ${order}, n.id ${order} LIMIT 1)`;
};

type Wants = { published: boolean; neighbours: boolean; nav: boolean };

type PageRow = (ArticleRow | { [K in keyof ArticleRow]: null }) & {
  section_path: string;
  chain: string;
  older: string | null;
  newer: string | null;
  cover: string | null;
  nav: string | null;
};

/**
 * The one statement: the article by id (and published, when asked), with what its page shows around it.
 * Always one row: with no such article its columns are NULL and the navigation is still there, for the 404.
 */
const articlePageStatement = (db: Db, id: number, wants: Wants) =>
  db
    .prepare(
      `SELECT ${articleColumnsOf("a")}, s.path AS section_path,
              ${chainJson("a.section_id")} AS chain,
              ${wants.neighbours ? neighbourJson("<") : "NULL"} AS older,
              ${wants.neighbours ? neighbourJson(">") : "NULL"} AS newer,
              (SELECT ${jsonObject(columnsOf("m", Object.keys(CoverJson.entries)))} FROM media m WHERE m.key = a.cover_image) AS cover,
              ${wants.nav ? topSectionsJson : "NULL"} AS nav
         FROM (SELECT 1) one
         LEFT JOIN articles a ON a.id = ?1 AND a.deleted_at IS NULL${wants.published ? " AND a.status = 'published'" : ""}
         LEFT JOIN sections s ON s.id = a.section_id`,
    )
    .bind(id);

const neighbourOf = (text: string | null, sectionPath: string): NeighbourArticle | null => {
  const n = rowFromJson(NeighbourJson, text);
  return n && { id: n.id, title: n.title, sectionPath, publishedAt: n.published_at };
};

/** The row as the page's parts; the article as stored (any status). */
const toContext = (row: FoundRow): Omit<ArticleInContext, "article"> & { article: Article } => ({
  article: toArticle(row),
  sectionPath: row.section_path,
  chain: chainFromJson(row.chain),
  older: neighbourOf(row.older, row.section_path),
  newer: neighbourOf(row.newer, row.section_path),
  cover: rowFromJson(CoverJson, row.cover),
  nav: sectionsFromJson(row.nav),
});

/** A published row's article as a PublishedArticle (the statement read only published ones). */
const asPublished = (article: Article): PublishedArticle | null =>
  article.status === "published" && article.publishedAt !== null ? { ...article, status: "published", publishedAt: article.publishedAt } : null;

type FoundRow = ArticleRow & Omit<PageRow, keyof ArticleRow>;

/** The article's row, or the navigation the 404 page shows when there is none. */
async function firstRow(db: Db, id: number, wants: Wants): Promise<FoundRow | Missing> {
  const row = await firstRowOf<PageRow>(articlePageStatement(db, id, wants));
  if (!row || row.id === null) return { missing: true, nav: sectionsFromJson(row?.nav ?? null) };
  return row as FoundRow;
}

/** A published article (never a draft, a scheduled or a trashed one) and its section's path. */
export async function getPublishedArticle(db: Db, id: number): Promise<ArticleAt | null> {
  const row = await firstRowOf<ArticleRow & { section_path: string }>(
    db
      .prepare(
        `SELECT ${articleColumnsOf("a")}, s.path AS section_path FROM articles a JOIN sections s ON s.id = a.section_id
          WHERE a.id = ? AND a.status = 'published' AND a.deleted_at IS NULL`,
      )
      .bind(id),
  );
  const article = row ? asPublished(toArticle(row)) : null;
  return row && article ? { article, sectionPath: row.section_path } : null;
}

/**
 * A published article and everything around it, in one statement; missing (with the navigation, when asked
 * for) when there is none. The chain is
 * the article's own section's: a page asked for under another path redirects to the canonical URL.
 */
export async function readPublishedArticle(db: Db, id: number, opts: { nav: boolean }): Promise<ArticleInContext | Missing> {
  const row = await firstRow(db, id, { published: true, neighbours: true, nav: opts.nav });
  if ("missing" in row) return row;
  const read = toContext(row);
  const article = asPublished(read.article);
  return article ? { ...read, article } : { missing: true, nav: read.nav };
}

/**
 * Any article, whatever its status, with what its page shows around it (no neighbours: a draft has none
 * yet), for a preview. Null when there is no such article or it is in the trash.
 */
export async function readArticleForPreview(db: Db, id: number): Promise<Omit<ArticleInContext, "article"> & { article: Article } | null> {
  const row = await firstRow(db, id, { published: false, neighbours: false, nav: true });
  return "missing" in row ? null : toContext(row);
}

// Reader-side listings: section pages, the public list API, and the pieces the home page's read shares. Every read is an index
// range on section_listing or articles_published, so its cost does not grow with the archive; a page is
// one statement, what it lists beside the main rows carried as JSON columns (json-columns.ts).
import * as v from "valibot";
import type { ListedArticle, SectionPage } from "../domain/listing.ts";
import type { Section } from "../domain/section.ts";
import { type ArticleInSection, type ArticleRow, articleColumnsOf, toArticle } from "./articles.ts";
import type { Db } from "../domain/db.ts";
import { firstRowOf, rowsOf } from "./handle.ts";
import { columnsOf, jsonObject, rowsFromJson } from "./json-columns.ts";
import { sectionPathChain } from "../content/urls.ts";
import { SectionRow, SECTION_COLUMNS, chainByPathJson, chainFromPathJson, sectionJson, toSection } from "./sections.ts";

export const ListedRow = v.object({
  id: v.number(),
  section_path: v.string(),
  section_name: v.string(),
  title: v.string(),
  title_bold: v.number(),
  summary: v.string(),
  body_start: v.string(),
  cover_image: v.nullable(v.string()),
  cover_width: v.nullable(v.number()),
  cover_height: v.nullable(v.number()),
  cover_alt: v.nullable(v.string()),
  published_at: v.number(),
});
export type ListedRow = v.InferOutput<typeof ListedRow>;

/** Enough of the body text for excerpt() to find a sentence end within its 120 characters. */
export const BODY_START_CHARS = 200;

// `a` articles, `s` the article's own section, `m` its cover image (if the row still exists).
export const LISTED_COLUMNS = `a.id, s.path AS section_path, s.name AS section_name, a.title, a.title_bold, a.summary,
  CASE a.summary WHEN '' THEN substr(a.body_text, 1, ${BODY_START_CHARS}) ELSE '' END AS body_start,
  a.cover_image, m.width AS cover_width, m.height AS cover_height, m.alt AS cover_alt, a.published_at`;

/** The joins LISTED_COLUMNS reads from, for a listing aliased `l` (section_listing, topic_articles). */
export const LISTED_JOINS = `JOIN articles a ON a.id = l.article_id
  JOIN sections s ON s.id = a.section_id
  LEFT JOIN media m ON m.key = a.cover_image`;

/** The rows of `listed` (a query selecting LISTED_COLUMNS, and `extra`), in its order, as one JSON array. */
export const listedJson = (listed: string, extra: readonly string[] = []) =>
  `(SELECT json_group_array(${jsonObject(columnsOf("x", [...extra, ...Object.keys(ListedRow.entries)]))}) FROM (${listed}) x)`;

export const toListed = (r: ListedRow): ListedArticle => ({
  id: r.id,
  sectionPath: r.section_path,
  sectionName: r.section_name,
  title: r.title,
  titleBold: r.title_bold === 1,
  summary: r.summary,
  bodyStart: r.body_start,
  cover: r.cover_image
    ? { key: r.cover_image, width: r.cover_width, height: r.cover_height, alt: r.cover_alt ?? "" }
    : null,
  publishedAt: r.published_at,
});

/** The top-level sections, in sort order: the site navigation every page shows. */
export const topSectionsStatement = (db: Db) =>
  db.prepare(`SELECT ${SECTION_COLUMNS} FROM sections WHERE parent_id IS NULL ORDER BY sort_order, id`);

/** The same sections as a JSON column, for a page's one statement. */
export const topSectionsJson = `(SELECT json_group_array(${sectionJson("t")})
    FROM (SELECT ${SECTION_COLUMNS} FROM sections WHERE parent_id IS NULL ORDER BY sort_order, id) t)`;

export const sectionsFrom = (result: D1Result<unknown> | undefined): Section[] => rowsOf<SectionRow>(result).map(toSection);

/** A JSON column of sections (topSectionsJson, a section's children), in its order. */
export const sectionsFromJson = (text: string | null): Section[] => rowsFromJson(SectionRow, text).map(toSection);
/** The site navigation alone: for a page that has read nothing else (a 404 no route answered). */
export const readNav = async (db: Db): Promise<Section[]> => sectionsFrom(await topSectionsStatement(db).all());

/** Nothing at the address asked for, and the navigation read in the same round trip, for the 404 page. */
export type Missing = { missing: true; nav: Section[] };

export const PAGE_SIZE = 20;

type SectionPageRow = { nav: string; chain: string; children: string; total: number | null; items: string };

/**
 * Page `page` of a section, newest first, in one statement: positions number a section's listing from
 * the oldest (1) up, so page N is the range (total − 20N, total − 20(N−1)] of the position index.
 * Missing when the section does not exist.
 */
export async function readSectionPage(db: Db, path: string, page: number): Promise<SectionPage | Missing> {
  const section = `(SELECT id FROM sections WHERE path = ?1)`;
  const newest = `(SELECT position FROM section_listing WHERE section_id = ${section} ORDER BY position DESC LIMIT 1)`;
  const row = await firstRowOf<SectionPageRow>(
    db.prepare(
      `SELECT ${topSectionsJson} AS nav,
              ${chainByPathJson(path, 4)} AS chain,
              (SELECT json_group_array(${sectionJson("k")})
                 FROM (SELECT ${SECTION_COLUMNS} FROM sections WHERE parent_id = ${section} ORDER BY sort_order, id) k) AS children,
              ${newest} AS total,
              ${listedJson(`SELECT ${LISTED_COLUMNS}
                 FROM section_listing l ${LISTED_JOINS}
                WHERE l.section_id = ${section}
                  AND l.position >  ${newest} - ?2 * ?3
                  AND l.position <= ${newest} - (?2 - 1) * ?3
                ORDER BY l.position DESC`)} AS items`,
    ).bind(path, page, PAGE_SIZE, ...sectionPathChain(path)),
  );
  const chain = row && chainFromPathJson(path, row.chain);
  // The statement has no FROM: it answers a row (the navigation) even for a section that does not exist.
  if (!row || !chain) return { missing: true, nav: row ? sectionsFromJson(row.nav) : [] };
  return {
    nav: sectionsFromJson(row.nav),
    chain,
    children: sectionsFromJson(row.children),
    total: row.total ?? 0,
    items: rowsFromJson(ListedRow, row.items).map(toListed),
  };
}

// Larger than any stored (published_at, id), so the first page needs no statement of its own.
const BEFORE_EVERYTHING = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER] as const;

// The API list shows no bodies, so they are not read: a hundred of them would cost more CPU to parse
// than the rest of the request. The Article's body fields are therefore empty here.
const API_COLUMNS = articleColumnsOf("a")
  .replace("a.body_md", "'' AS body_md")
  .replace("a.body_html", "'' AS body_html")
  .replace("a.body_text", "'' AS body_text");

type ApiRow = ArticleRow & { section_path: string; section_name: string };

const toArticleInSection = (r: ApiRow): ArticleInSection => ({
  article: toArticle(r),
  section: { path: r.section_path, name: r.section_name },
});

/** A page of the list API, and whether the cursor it was asked from (if any) names an article of that listing. */
type PublishedPage = { rows: ArticleInSection[]; cursorKnown: boolean };

const knownWhen = (cursor: readonly unknown[] | null, known: D1Result<unknown> | undefined) => cursor === null || rowsOf(known).length > 0;

/**
 * Up to `limit` published articles older than `after`, newest first: keyset on the section's listing
 * (subsections included) or, without a section, on the articles_published index. In the same round trip,
 * whether `after` names a row of that listing — a cursor this server could have issued — which decides
 * whether the page may be kept (src/routes/api.ts). Null when the section does not exist.
 */
export async function listPublished(
  db: Db,
  opts: { sectionPath?: string; limit: number; after: readonly [publishedAt: number, id: number] | null },
): Promise<PublishedPage | null> {
  const after = opts.after ?? BEFORE_EVERYTHING;
  const columns = `${API_COLUMNS}, s.path AS section_path, s.name AS section_name`;
  if (opts.sectionPath === undefined) {
    const [rows, known] = await db.batch<unknown>([
      db
        .prepare(
          `SELECT ${columns}
             FROM articles a JOIN sections s ON s.id = a.section_id
            WHERE a.status = 'published' AND (a.published_at, a.id) < (?1, ?2)
            ORDER BY a.published_at DESC, a.id DESC LIMIT ?3`,
        )
        .bind(after[0], after[1], opts.limit),
      ...(opts.after ? [db.prepare(`SELECT 1 FROM articles WHERE id = ?2 AND status = 'published' AND published_at = ?1`).bind(after[0], after[1])] : []),
    ]);
    return { rows: rowsOf<ApiRow>(rows).map(toArticleInSection), cursorKnown: knownWhen(opts.after, known) };
  }
  const [section, rows, known] = await db.batch<unknown>([
    db.prepare(`SELECT id FROM sections WHERE path = ?`).bind(opts.sectionPath),
    db
      .prepare(
        `SELECT ${columns}
           FROM section_listing l JOIN articles a ON a.id = l.article_id JOIN sections s ON s.id = a.section_id
          WHERE l.section_id = (SELECT id FROM sections WHERE path = ?1) AND (l.published_at, l.article_id) < (?2, ?3)
          ORDER BY l.published_at DESC, l.article_id DESC LIMIT ?4`,
      )
      .bind(opts.sectionPath, after[0], after[1], opts.limit),
    ...(opts.after
      ? [
          db
            .prepare(`SELECT 1 FROM section_listing WHERE section_id = (SELECT id FROM sections WHERE path = ?1) AND published_at = ?2 AND article_id = ?3`)
            .bind(opts.sectionPath, after[0], after[1]),
        ]
      : []),
  ]);
  if (rowsOf(section).length === 0) return null;
  return { rows: rowsOf<ApiRow>(rows).map(toArticleInSection), cursorKnown: knownWhen(opts.after, known) };
}

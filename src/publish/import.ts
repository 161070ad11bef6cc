// Bulk import of published articles (the data generator; later a DedeCMS / PHPCMS importer). Each article
// gets the rows a create-and-publish through changes.ts stores — the article, revision 1, its listings in
// its section and every ancestor, its search index row, an audit entry, its month's sitemap count — but many articles share one db.batch. Fed oldest first,
// each listing insert appends: nothing newer to shift, so the cost per article stays flat at any size.
import type { Actor } from "../domain/api-key.ts";
import type { Section } from "../domain/section.ts";
import { DomainError } from "../domain/errors.ts";
import type { ArticleInput } from "../content/schemas.ts";
import { shanghaiMonth } from "../content/dates.ts";
import { shownImages } from "../content/markdown.ts";
import { auditStatement } from "../db/audit.ts";
import {
  insertArticleStatement,
  isIdConflict,
  listingAddStatements,
  nextArticleIdStatement,
  touchSectionsStatement,
} from "../db/article-writes.ts";
import type { Db } from "../db/handle.ts";
import { getMediaByKeys } from "../db/media.ts";
import { revisionStatement } from "../db/revisions.ts";
import { indexArticleStatements } from "../db/search-index.ts";
import { getSectionChain } from "../db/sections.ts";
import { sitemapMonthStatements } from "../db/sitemaps.ts";
import { bodyMediaKeys, renderArticleBody, requireCover } from "./body.ts";
import { newArticle, unknownSection } from "./next-state.ts";

/** One article to import, already public at `published_at`. Without an `id` it takes the next free one. */
export type ImportItem = Omit<ArticleInput, "publish_at"> & { id?: number; published_at: number };

export type ImportOptions = {
  actor: Actor;
  /** When the import runs: the audit time and the sections' changed_at. */
  now: number;
  /** Section chains by path, kept across calls of one import (sections do not change meanwhile). */
  chains?: Map<string, Section[]>;
};

export type ImportReport = {
  /** The new articles' ids, oldest publication first. */
  ids: number[];
  /** Sections whose listings changed (each article's section and its ancestors). */
  sectionPaths: string[];
};

/**
 * Stores `items` as published articles in one batch: all of them or, on any failure, none. Each item meets
 * the rules of the one write path (its section and images exist, its body within the limits).
 * Articles keep their publication time as created and updated time, so history reads as it happened.
 * Keep batches to a few hundred articles; call again, oldest first, for more.
 */
export async function importPublishedArticles(db: Db, items: readonly ImportItem[], opts: ImportOptions): Promise<ImportReport> {
  if (items.length === 0) return { ids: [], sectionPaths: [] };
  const ordered = [...items].sort((a, b) => a.published_at - b.published_at || (a.id ?? 0) - (b.id ?? 0));
  const chains = await loadChains(db, ordered, opts.chains ?? new Map());
  const images = await getMediaByKeys(
    db,
    ordered.flatMap((item) => [...(item.cover_image ? [item.cover_image] : []), ...bodyMediaKeys(item.body ?? "")]),
  );
  // Ids for the articles that bring none, reserved in one go so no concurrent create can take them.
  const unnumbered = ordered.filter((item) => item.id === undefined).length;
  const reserved = unnumbered ? (await nextArticleIdStatement(db, unnumbered).all<{ id: number; fits: number }>()).results[0] : null;
  if (unnumbered && !reserved?.fits) throw new DomainError("conflict", "Automatic article ids are used up");
  let nextId = reserved?.id ?? 0;

  const statements: D1PreparedStatement[] = [];
  const touched = new Map<number, Section>();
  const months = new Map<string, number>();
  const ids: number[] = [];
  for (const item of ordered) {
    const chain = chains.get(item.section) as Section[];
    requireCover(item.cover_image, images);
    // As publishArticle leaves it: the wanted time is the time it went out, and history reads as it happened.
    const article = newArticle(item, renderArticleBody(item.body ?? "", images), {
      id: item.id ?? nextId++,
      sectionId: (chain[chain.length - 1] as Section).id,
      status: "published",
      publishAt: item.published_at,
      publishedAt: item.published_at,
      createdAt: item.published_at,
      createdBy: opts.actor.id,
    });
    const shown = [...(article.coverImage ? [article.coverImage] : []), ...shownImages(article.bodyHtml)];
    statements.push(
      insertArticleStatement(db, article),
      revisionStatement(db, article, [...new Set(shown)], "publish", opts.actor),
      ...listingAddStatements(db, chain.map((s) => s.id), item.published_at, article.id),
      ...indexArticleStatements(db, null, article, chain),
      auditStatement(db, {
        actor: opts.actor,
        action: "article.import",
        articleId: article.id,
        detail: { version: 1, status: "published" },
        at: opts.now,
      }),
    );
    for (const s of chain) touched.set(s.id, s);
    const month = shanghaiMonth(item.published_at);
    months.set(month, (months.get(month) ?? 0) + 1);
    ids.push(article.id);
  }
  statements.push(
    touchSectionsStatement(db, [...touched.keys()], opts.now),
    // The months' sitemaps changed now, however old the articles are.
    ...sitemapMonthStatements(db, [...months].map(([month, articles]) => ({ month, articles, at: opts.now }))),
  );

  try {
    await db.batch(statements);
  } catch (err) {
    if (isIdConflict(err)) throw new DomainError("id_taken", "An imported article's id is already taken; nothing was imported");
    throw err;
  }
  return { ids, sectionPaths: [...touched.values()].map((s) => s.path) };
}

/** Each distinct section path's chain, root first, added to `chains`; an unknown path refuses the whole import. */
async function loadChains(db: Db, items: readonly ImportItem[], chains: Map<string, Section[]>): Promise<Map<string, Section[]>> {
  for (const path of new Set(items.map((item) => item.section))) {
    if (chains.has(path)) continue;
    const chain = await getSectionChain(db, path);
    if (!chain) throw unknownSection(path);
    chains.set(path, chain);
  }
  return chains;
}

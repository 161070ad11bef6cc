// Bulk import of published articles (the data generator; later a DedeCMS / PHPCMS importer). Each article
// gets the rows a create-and-publish through changes.ts stores — the article, revision 1, its listings in
// its section and every ancestor, an audit entry — but many articles share one db.batch. Fed oldest first,
// each listing insert appends: nothing newer to shift, so the cost per article stays flat at any size.
import { type Actor, auditStatement } from "../db/audit.ts";
import {
  insertArticleStatement,
  isIdConflict,
  listingAddStatements,
  nextArticleIdStatement,
  touchSectionsStatement,
} from "../db/article-writes.ts";
import { revisionStatement } from "../db/revisions.ts";
import { getMediaByKeys } from "../db/media.ts";
import { type Section, getSectionChain } from "../db/sections.ts";
import { mediaKeysIn, renderBody } from "../content/markdown.ts";
import { AppError } from "../errors.ts";
import { type ArticleFields, newArticle } from "./changes.ts";

/** One article to import, already public at `publishedAt`. Without an `id` it takes the next free one. */
export type ImportItem = Partial<Omit<ArticleFields, "publishAt">> &
  Pick<ArticleFields, "sectionPath" | "title"> & { id?: number; publishedAt: number };

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
 * Stores `items` as published articles in one batch: all of them or, on any failure, none.
 * Articles keep their publication time as created and updated time, so history reads as it happened.
 * Keep batches to a few hundred articles; call again, oldest first, for more.
 */
export async function importPublishedArticles(
  db: D1Database,
  items: readonly ImportItem[],
  opts: ImportOptions,
): Promise<ImportReport> {
  if (items.length === 0) return { ids: [], sectionPaths: [] };
  const ordered = [...items].sort((a, b) => a.publishedAt - b.publishedAt || (a.id ?? 0) - (b.id ?? 0));
  const chains = await loadChains(db, ordered, opts.chains ?? new Map());
  const images = await getMediaByKeys(db, ordered.flatMap((item) => mediaKeysIn(item.body ?? "")));
  // Ids for the articles that bring none, reserved in one go so no concurrent create can take them.
  const unnumbered = ordered.filter((item) => item.id === undefined).length;
  let nextId = unnumbered ? ((await nextArticleIdStatement(db, unnumbered).first<{ id: number }>())?.id ?? 1) : 0;

  const statements: D1PreparedStatement[] = [];
  const touched = new Map<number, Section>();
  const ids: number[] = [];
  for (const item of ordered) {
    const chain = chains.get(item.sectionPath) as Section[];
    // As publishArticle leaves it: the wanted time is the time it went out, and history reads as it happened.
    const article = newArticle(item, renderBody(item.body ?? "", images), {
      id: item.id ?? nextId++,
      sectionId: (chain[chain.length - 1] as Section).id,
      status: "published",
      publishAt: item.publishedAt,
      publishedAt: item.publishedAt,
      createdAt: item.publishedAt,
      createdBy: opts.actor.id,
    });
    statements.push(
      insertArticleStatement(db, article),
      revisionStatement(db, article, "publish", opts.actor),
      ...listingAddStatements(db, chain.map((s) => s.id), item.publishedAt, article.id),
      auditStatement(db, {
        actor: opts.actor,
        action: "article.import",
        articleId: article.id,
        detail: { version: 1, status: "published" },
        at: opts.now,
      }),
    );
    for (const s of chain) touched.set(s.id, s);
    ids.push(article.id);
  }
  statements.push(touchSectionsStatement(db, [...touched.keys()], opts.now));

  try {
    await db.batch(statements);
  } catch (err) {
    if (isIdConflict(err)) throw new AppError(409, "id_taken", "An imported article's id is already taken; nothing was imported");
    throw err;
  }
  return { ids, sectionPaths: [...touched.values()].map((s) => s.path) };
}

/** Each distinct section path's chain, root first, added to `chains`; an unknown path refuses the whole import. */
async function loadChains(db: D1Database, items: readonly ImportItem[], chains: Map<string, Section[]>): Promise<Map<string, Section[]>> {
  for (const path of new Set(items.map((item) => item.sectionPath))) {
    if (chains.has(path)) continue;
    const chain = await getSectionChain(db, path);
    if (!chain) throw new AppError(422, "unknown_section", `No section with path "${path}"`);
    chains.set(path, chain);
  }
  return chains;
}

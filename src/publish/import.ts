// Bulk import: the data generator, and the DedeCMS / PHPCMS importer (scripts/import/). Each article gets the
// rows a create (and publish) through changes.ts stores — the article, revision 1, its search index row (drafts
// too), for a published one its listings in its section and every ancestor (commit.ts's newArticleStatements)
// and its month's sitemap count, an audit entry — but many articles share one db.batch. Fed oldest first, each listing insert appends: nothing
// newer to shift, so the cost per article stays flat.
import * as v from "valibot";
import type { Actor } from "../domain/actor.ts";
import type { Article } from "../domain/article.ts";
import type { ChangeReport } from "../domain/change.ts";
import type { LegacyOrigin } from "../domain/legacy.ts";
import type { Section } from "../domain/section.ts";
import { DomainError } from "../domain/errors.ts";
import { ArticleCreate, type ArticleInput } from "../content/schemas.ts";
import { issueDetails } from "../content/text-rules.ts";
import { shanghaiMonth } from "../content/dates.ts";
import { auditStatement } from "../db/audit.ts";
import { loadForChange } from "../db/article-load.ts";
import { isIdConflict, isVersionConflict, nextArticleIdStatement, touchSectionsStatement } from "../db/article-writes.ts";
import type { Db } from "../domain/db.ts";
import { type LegacyPath, legacyArticlesStatement, legacyPathsStatement } from "../db/legacy.ts";
import { getMediaByKeys } from "../db/media.ts";
import { getSectionChain } from "../db/sections.ts";
import { sitemapMonthStatements } from "../db/sitemaps.ts";
import { bodyMediaKeys, renderArticleBody, requireCover } from "./body.ts";
import { commit, newArticleStatements } from "./commit.ts";
import { newArticle, unknownSection } from "./next-state.ts";

/**
 * One article to import: public since `published_at` (the default), waiting for review (`submitted`, 待审:
 * in the editors' queue, submitted by the importer), or a draft. Without an `id` it takes the next free one.
 * An importer says where it came from (`legacy`), recorded in the same batch.
 */
export type ImportItem = Omit<ArticleInput, "publish_at"> & {
  id?: number;
  status?: "published" | "submitted" | "draft";
  /** When it went public; for a draft, when it was written. */
  published_at: number;
  /** When it last changed, if later (the old system's update time). */
  updated_at?: number;
  legacy?: LegacyOrigin;
};

export type ImportOptions = {
  actor: Actor;
  /** When the import runs: the audit time and the sections' changed_at. */
  now: number;
  /** Section chains by path, kept across calls of one import (sections do not change meanwhile). */
  chains?: Map<string, Section[]>;
};

/** An item that breaks a rule every article must meet, and which: nothing of it was stored. */
export type ImportRefusal = { item: ImportItem; error: DomainError };

export type ImportReport = {
  /** The new articles' ids, oldest publication first. */
  ids: number[];
  /** Sections whose listings changed (each published article's section and its ancestors). */
  sectionPaths: string[];
  refused: ImportRefusal[];
};

const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

const badDate = (field: string) =>
  new DomainError("invalid", `The article's ${field} is not a real date between 1990 and 2200`, {
    details: [{ path: field, message: "must be a real date between 1990 and 2200" }],
  });

/** The item as the API's create schema reads it (trimmed, bounded, one-line fields checked), or why not. */
function validated(item: ImportItem): ImportItem | DomainError {
  const parsed = v.safeParse(ArticleCreate, {
    ...(item.id !== undefined && { id: item.id }),
    section: item.section,
    title: item.title,
    title_bold: item.title_bold ?? false,
    kicker: item.kicker ?? "",
    subtitle: item.subtitle ?? "",
    summary: item.summary ?? "",
    source: item.source ?? "",
    bylines: item.bylines ?? [],
    body: item.body ?? "",
    cover_image: item.cover_image ?? null,
  });
  if (!parsed.success) return new DomainError("invalid", "The article has invalid fields", { details: issueDetails(parsed.issues) });
  const real = (ms: number) => Number.isSafeInteger(ms) && ms >= EARLIEST && ms < LATEST;
  if (!real(item.published_at)) return badDate("published_at");
  if (item.updated_at !== undefined && !real(item.updated_at)) return badDate("updated_at");
  const { id: _, status: __, ...fields } = parsed.output;
  return { ...item, ...fields };
}

/** The article an item becomes (version 1), or why it cannot. */
function articleOf(item: ImportItem, id: number, chain: Section[], images: Parameters<typeof renderArticleBody>[1], actor: Actor): Article {
  requireCover(item.cover_image, images);
  const status = item.status ?? "published";
  const published = status === "published";
  const article = newArticle(item, renderArticleBody(item.body ?? "", images), {
    id,
    sectionId: (chain[chain.length - 1] as Section).id,
    status,
    // As publishArticle leaves it: the wanted time is the time it went out, and history reads as it happened.
    publishAt: published ? item.published_at : null,
    publishedAt: published ? item.published_at : null,
    createdAt: item.published_at,
    createdBy: actor.id,
  });
  // It waited for review in the old system since it was written; the importer hands it to the queue.
  const review: Article["review"] = status === "submitted" ? { action: "submit", note: "", actor: { id: actor.id, name: actor.name }, at: item.published_at } : null;
  return { ...article, review, updatedAt: Math.max(item.updated_at ?? item.published_at, item.published_at) };
}

/**
 * Stores the valid `items` in one batch: all of them or, on a failure of the batch, none. An item that
 * breaks a rule of the one write path (its fields, its section and images exist, its body within the
 * limits) is refused on its own and reported, and the others go in. Articles keep their publication time as
 * created time, so history reads as it happened. Keep batches to a few hundred; call again, oldest first.
 */
export async function importPublishedArticles(db: Db, items: readonly ImportItem[], opts: ImportOptions): Promise<ImportReport> {
  const refused: ImportRefusal[] = [];
  const valid: ImportItem[] = [];
  for (const item of items) {
    const checked = validated(item);
    if (checked instanceof DomainError) refused.push({ item, error: checked });
    else valid.push(checked);
  }
  const ordered = valid.sort((a, b) => a.published_at - b.published_at || (a.id ?? 0) - (b.id ?? 0));
  const chains = await loadChains(db, ordered, opts.chains ?? new Map());
  const placed = ordered.filter((item) => {
    if (chains.has(item.section)) return true;
    refused.push({ item, error: unknownSection(item.section) });
    return false;
  });
  if (placed.length === 0) return { ids: [], sectionPaths: [], refused };
  const images = await getMediaByKeys(
    db,
    placed.flatMap((item) => [...(item.cover_image ? [item.cover_image] : []), ...bodyMediaKeys(item.body ?? "")]),
  );
  // Ids for the articles that bring none, reserved in one go so no concurrent create can take them.
  const unnumbered = placed.filter((item) => item.id === undefined).length;
  const reserved = unnumbered ? (await nextArticleIdStatement(db, unnumbered).all<{ id: number; fits: number }>()).results[0] : null;
  if (unnumbered && !reserved?.fits) throw new DomainError("conflict", "Automatic article ids are used up");
  let nextId = reserved?.id ?? 0;

  const statements: D1PreparedStatement[] = [];
  const touched = new Map<number, Section>();
  const months = new Map<string, number>();
  const ids: number[] = [];
  const origins: Origin[] = [];
  for (const item of placed) {
    const chain = chains.get(item.section) as Section[];
    let article: Article;
    try {
      article = articleOf(item, item.id ?? nextId, chain, images, opts.actor);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      refused.push({ item, error: err });
      continue;
    }
    if (item.id === undefined) nextId += 1;
    const published = article.status === "published";
    statements.push(
      ...newArticleStatements(db, article, chain, published ? "publish" : article.status === "submitted" ? "submit" : "create", opts.actor),
      auditStatement(db, {
        actor: opts.actor,
        action: "article.import",
        articleId: article.id,
        detail: { version: 1, status: article.status, ...(item.legacy && { from: item.legacy.system }) },
        at: opts.now,
      }),
    );
    if (item.legacy) origins.push({ articleId: article.id, origin: item.legacy, version: 1 });
    if (published) {
      for (const s of chain) touched.set(s.id, s);
      const month = shanghaiMonth(item.published_at);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    ids.push(article.id);
  }
  if (touched.size) statements.push(touchSectionsStatement(db, [...touched.keys()], opts.now));
  // The months' sitemaps changed now, however old the articles are.
  statements.push(...sitemapMonthStatements(db, [...months].map(([month, articles]) => ({ month, articles, at: opts.now }))));
  // Where the articles came from, for all of them at once: two statements a batch, not two an article.
  statements.push(...legacyStatements(db, origins, opts.now));
  if (statements.length === 0) return { ids, sectionPaths: [], refused };

  try {
    await db.batch(statements);
  } catch (err) {
    if (isIdConflict(err)) throw new DomainError("id_taken", "An imported article's id is already taken; nothing was imported");
    throw err;
  }
  return { ids, sectionPaths: [...touched.values()].map((s) => s.path), refused };
}

type Origin = { articleId: number; origin: LegacyOrigin; version: number };

function legacyStatements(db: Db, origins: readonly Origin[], at: number): D1PreparedStatement[] {
  if (origins.length === 0) return [];
  const paths: LegacyPath[] = origins.flatMap((o) => o.origin.paths.map((path) => ({ path, articleId: o.articleId })));
  return [legacyArticlesStatement(db, origins, at), ...(paths.length ? [legacyPathsStatement(db, paths)] : [])];
}

/** Each distinct section path's chain, root first, added to `chains`; unknown paths are left out. */
async function loadChains(db: Db, items: readonly ImportItem[], chains: Map<string, Section[]>): Promise<Map<string, Section[]>> {
  for (const path of new Set(items.map((item) => item.section))) {
    if (chains.has(path)) continue;
    const chain = await getSectionChain(db, path);
    if (chain) chains.set(path, chain);
  }
  return chains;
}

export type ReimportResult =
  | { kind: "updated"; report: ChangeReport }
  /** Changed in Masthead since the import left it at `version`: the newsroom's edit stands. */
  | { kind: "edited" }
  | { kind: "refused"; error: DomainError };

/**
 * Rewrites an imported article from a newer dump through the one write path (one load, one commit, a revision
 * `update` by the importer), unless it was changed in Masthead since the import left it at `version`.
 */
export async function reimportArticle(
  db: Db,
  item: ImportItem & { id: number; legacy: LegacyOrigin },
  version: number,
  opts: Omit<ImportOptions, "chains">,
): Promise<ReimportResult> {
  const checked = validated(item);
  if (checked instanceof DomainError) return { kind: "refused", error: checked };
  const keys = [...(checked.cover_image ? [checked.cover_image] : []), ...bodyMediaKeys(checked.body ?? "")];
  const loaded = await loadForChange(db, item.id, { sectionPath: checked.section, mediaKeys: keys });
  if (!loaded || loaded.article.version !== version) return { kind: "edited" };
  if (!loaded.target) return { kind: "refused", error: unknownSection(checked.section) };
  let fresh: Article;
  try {
    fresh = articleOf(checked, item.id, loaded.target, loaded.media, opts.actor);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { kind: "refused", error: err };
  }
  const old = loaded.article;
  const article: Article = { ...fresh, createdAt: old.createdAt, createdBy: old.createdBy, updatedAt: opts.now, version: old.version + 1 };
  try {
    const report = await commit(db, loaded, { article, chain: loaded.target }, {
      action: "update",
      actor: opts.actor,
      extra: legacyStatements(db, [{ articleId: article.id, origin: item.legacy, version: article.version }], opts.now),
    });
    return { kind: "updated", report };
  } catch (err) {
    if (isVersionConflict(err)) return { kind: "edited" };
    throw err;
  }
}

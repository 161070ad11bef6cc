// How the one write path applies a change: the article's next state over the version it was computed from,
// in one db.batch with its listings, revision and audit entry, reporting what it touched.
import { type Article, type PublishedArticle, articleState, isListed } from "../domain/article.ts";
import type { AuditActor } from "../db/audit.ts";
import type { ChangeReport } from "../domain/change.ts";
import type { RevisionAction } from "../domain/revision.ts";
import type { Section } from "../domain/section.ts";
import type { MonthChange } from "../domain/sitemap.ts";
import { shanghaiMonth } from "../content/dates.ts";
import { shownImages } from "../content/markdown.ts";
import { auditStatement } from "../db/audit.ts";
import type { Placed } from "../db/article-load.ts";
import { newerInSectionStatement, olderInSectionStatement } from "../db/articles.ts";
import {
  insertArticleStatement,
  listingAddStatements,
  listingRemoveStatements,
  touchSectionsStatement,
  updateArticleStatement,
} from "../db/article-writes.ts";
import type { Db } from "../domain/db.ts";
import { dropWorkingRevisionStatement, revisionStatement } from "../db/revisions.ts";
import type { Working } from "./autosave.ts";
import { sitemapMonthStatements } from "../db/sitemaps.ts";
import { indexArticleStatements } from "../db/search-index.ts";
import { leaveSlotsStatements, slotsOfArticleStatement, slugsFrom } from "../db/slots.ts";
import { renumberTopicsOfArticleStatement, touchTopicsOfArticleStatement } from "../db/topic-members.ts";

export type CommitOptions = {
  action: RevisionAction;
  actor: AuditActor;
  /** Extra statements to run in the same transaction (the idempotency record). */
  extra?: D1PreparedStatement[];
  /** An autosave: its working revision (autosave.ts). One that replaces another writes no audit entry: the first did. */
  working?: Working;
};

const ids = (chain: Section[]) => chain.map((s) => s.id);

/** The media keys a revision records: the cover and the images the body shows. */
const imagesOf = (a: Article) => [...new Set([...(a.coverImage ? [a.coverImage] : []), ...shownImages(a.bodyHtml)])];

/**
 * The rows a new article writes, in this order: the article (its id is the lock), its first revision, its
 * listings in every section of `chain` when it is listed, its search index row (drafts too). A create commits
 * them with the rest of its change; the bulk import (import.ts) many articles' in one batch.
 */
export function newArticleStatements(db: Db, a: Article, chain: Section[], action: RevisionAction, actor: AuditActor): D1PreparedStatement[] {
  return [
    insertArticleStatement(db, a),
    revisionStatement(db, a, imagesOf(a), action, actor),
    ...(isListed(a) ? listingAddStatements(db, ids(chain), a.publishedAt, a.id) : []),
    ...indexArticleStatements(db, null, a, chain),
  ];
}

function neighbourStatements(db: Db, a: Article & { publishedAt: number }) {
  return [
    olderInSectionStatement(db, a.sectionId, a.publishedAt, a.id),
    newerInSectionStatement(db, a.sectionId, a.publishedAt, a.id),
  ];
}

/**
 * What the change does to the monthly sitemaps: the month it was listed in loses it, the month it is listed in
 * gains it, and either way that sitemap changed at `at` (an edit in place changes the month's lastmod alone).
 */
function monthChanges(before: PublishedArticle | null, after: PublishedArticle | null, at: number): MonthChange[] {
  const counts = new Map<string, number>();
  if (before) counts.set(shanghaiMonth(before.publishedAt), -1);
  if (after) {
    const month = shanghaiMonth(after.publishedAt);
    counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  return [...counts].map(([month, articles]) => ({ month, articles, at }));
}

/**
 * What the change does to the front page, in its own transaction: the slots that showed the article (read
 * there, so the report names exactly them) and which it leaves when it leaves the site; the topics it is in,
 * marked changed while it is or was listed (their slugs read back the same way), and renumbered when its
 * place in their listings moved.
 */
function curationStatements(db: Db, a: Article, listed: { before: boolean; after: boolean; moved: boolean }, opts: CommitOptions) {
  const slots = listed.before ? [slotsOfArticleStatement(db, a.id)] : [];
  const leaves = listed.before && !listed.after ? leaveSlotsStatements(db, a.id, opts.actor, a.updatedAt, opts.action) : [];
  const topics = listed.before || listed.after ? [touchTopicsOfArticleStatement(db, a.id, a.updatedAt)] : [];
  const renumber = listed.moved ? [renumberTopicsOfArticleStatement(db, a.id)] : [];
  return {
    statements: [...slots, ...leaves, ...topics, ...renumber],
    /** The slots and topics named by this group's results. */
    read: (results: D1Result<unknown>[]) => ({
      slots: slots.length ? slugsFrom(results[0]) : [],
      topics: topics.length ? slugsFrom(results[slots.length + leaves.length]) : [],
    }),
  };
}

/**
 * Applies `after` over `before` (null for a create) atomically — the article, its listings, its search
 * index row (drafts too: editors search them), revision and audit entry — and reports what changed. The revision
 * insert (article id, new version) is the optimistic lock: a writer whose `before` is no longer current
 * hits its primary key and the whole batch rolls back (isVersionConflict).
 */
export async function commit(db: Db, before: Placed | null, after: Placed, opts: CommitOptions): Promise<ChangeReport> {
  const a = after.article;
  const old = before?.article ?? null;
  const listedBefore = isListed(old) ? old : null;
  const listedAfter = isListed(a) ? a : null;

  const moved =
    (listedBefore === null) !== (listedAfter === null) ||
    (listedBefore !== null && listedAfter !== null &&
      (listedBefore.sectionId !== listedAfter.sectionId || listedBefore.publishedAt !== listedAfter.publishedAt));
  const listingChanges: D1PreparedStatement[] = [];
  if (moved && before && listedBefore) listingChanges.push(...listingRemoveStatements(db, ids(before.chain), listedBefore.publishedAt, a.id));
  if (moved && listedAfter) listingChanges.push(...listingAddStatements(db, ids(after.chain), listedAfter.publishedAt, a.id));

  // A listed article's edits show on its sections' pages too, so they count as changed.
  const touched = new Map<number, Section>();
  if (listedBefore && before) for (const s of before.chain) touched.set(s.id, s);
  if (listedAfter) for (const s of after.chain) touched.set(s.id, s);

  const revision = revisionStatement(db, a, imagesOf(a), opts.action, opts.actor, opts.working?.startedAt ?? null);
  const replaces = opts.working?.replaces ?? null;
  // The new revision's insert stays the lock: only if it goes in does the working revision it replaces go.
  const curation = curationStatements(db, a, { before: listedBefore !== null, after: listedAfter !== null, moved }, opts);
  const folded = replaces !== null && opts.actor.id !== null ? [dropWorkingRevisionStatement(db, a.id, replaces, opts.actor.id)] : [];
  const statements = [
    // On create the article row comes first (its id is the lock); on change the revision does.
    ...(old
      ? [revision, ...folded, updateArticleStatement(db, a, old.version), ...listingChanges, ...indexArticleStatements(db, old, a, after.chain)]
      : newArticleStatements(db, a, after.chain, opts.action, opts.actor)),
    ...(touched.size ? [touchSectionsStatement(db, [...touched.keys()], a.updatedAt)] : []),
    ...sitemapMonthStatements(db, monthChanges(listedBefore, listedAfter, a.updatedAt)),
    ...curation.statements,
    ...(folded.length
      ? []
      : [
          auditStatement(db, {
            actor: opts.actor,
            action: `article.${opts.action}`,
            articleId: a.id,
            detail: { version: a.version, status: articleState(a), ...(opts.action === "submit" || opts.action === "return" ? { note: a.review?.note ?? "" } : {}) },
            at: a.updatedAt,
          }),
        ]),
    ...(opts.extra ?? []),
  ];
  // The neighbours before and after, read in the same transaction as the change, so a concurrent
  // publish in the section cannot make the report name the wrong ones.
  const neighboursBefore = listedBefore ? neighbourStatements(db, listedBefore) : [];
  const neighboursAfter = listedAfter ? neighbourStatements(db, listedAfter) : [];
  const results = await db.batch<{ id: number }>([...neighboursBefore, ...statements, ...neighboursAfter]);
  const idsIn = (rs: typeof results) => rs.flatMap((r) => r.results.map((row) => row.id));
  const oldNeighbours = idsIn(results.slice(0, neighboursBefore.length));
  const newNeighbours = idsIn(results.slice(neighboursBefore.length + statements.length));
  const curationAt = neighboursBefore.length + statements.indexOf(curation.statements[0] as D1PreparedStatement);
  const { slots, topics } = curation.statements.length ? curation.read(results.slice(curationAt)) : { slots: [], topics: [] };

  return {
    action: opts.action,
    changed: true,
    before: old,
    article: a,
    chain: after.chain,
    sectionPaths: [...touched.values()].map((s) => s.path),
    neighbours: [...new Set([...oldNeighbours, ...newNeighbours])].filter((id) => id !== a.id),
    slots,
    topics,
  };
}

/** The report of a change that asked for the state the article was already in: nothing was written. */
export const unchanged = (action: RevisionAction, placed: Placed): ChangeReport => ({
  action,
  changed: false,
  before: placed.article,
  article: placed.article,
  chain: placed.chain,
  sectionPaths: [],
  neighbours: [],
  slots: [],
  topics: [],
});

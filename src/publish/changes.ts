// The one write path. Every change to an article (create, edit, publish, schedule, unpublish, archive,
// trash, restore, revert, scheduled publication) is computed here as the article's next state and
// applied by commit.ts in one db.batch: the row, its listings, a revision, the audit entry. Each returns
// a ChangeReport naming what it touched, which is where cache purges, feed pings and search indexing hang.
import { type Article, type Byline, listDueScheduled } from "../db/articles.ts";
import {
  isIdConflict,
  nextArticleIdStatement,
} from "../db/article-writes.ts";
import { type Actor } from "../db/audit.ts";
import { type RevisionAction, getRevisionSnapshot } from "../db/revisions.ts";
import { idempotencyStatement, isIdempotencyConflict } from "../db/idempotency.ts";
import { type Section, getSectionChainById } from "../db/sections.ts";
import type { RenderedBody } from "../content/markdown.ts";
import { AppError, notFound } from "../errors.ts";
import {
  type ChangeReport,
  type Placed,
  checkVersion,
  commit,
  commitChange,
  loadArticle,
  notInTrash,
  renderArticleBody,
  requireChain,
  unchanged,
} from "./commit.ts";

export { type ChangeReport, loadArticle } from "./commit.ts";

/** What an editor writes. On create, `sectionPath` and `title` are required; on edit every field is optional. */
export type ArticleFields = {
  sectionPath: string;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: Byline[];
  body: string;
  coverImage: string | null;
  publishAt: number | null;
};

/** A new article (version 1) from what an editor wrote, its rendered body, and its place and state. */
export function newArticle(
  fields: Partial<ArticleFields> & Pick<ArticleFields, "title">,
  body: RenderedBody,
  state: Pick<Article, "id" | "sectionId" | "status" | "publishAt" | "publishedAt" | "createdAt" | "createdBy">,
): Article {
  return {
    ...state,
    title: fields.title,
    kicker: fields.kicker ?? "",
    subtitle: fields.subtitle ?? "",
    summary: fields.summary ?? "",
    source: fields.source ?? "",
    bylines: fields.bylines ?? [],
    bodyMd: fields.body ?? "",
    bodyHtml: body.html,
    bodyText: body.text,
    coverImage: fields.coverImage ?? null,
    updatedAt: state.createdAt,
    version: 1,
    deletedAt: null,
  };
}

export type CreateOptions = {
  actor: Actor;
  now: number;
  /** A legacy id to keep (e.g. 88594); otherwise the next free one. */
  id?: number;
  /** Publish at once (or schedule, when publishAt is in the future) instead of saving a draft. */
  publish?: boolean;
  idempotency?: { keyId: number; idemKey: string; requestHash: string; response: (a: Article, chain: Section[]) => string };
};

export async function createArticle(
  db: D1Database,
  fields: Partial<ArticleFields> & Pick<ArticleFields, "sectionPath" | "title">,
  opts: CreateOptions,
): Promise<ChangeReport> {
  const chain = await requireChain(db, fields.sectionPath);
  const section = chain[chain.length - 1] as Section;
  const body = await renderArticleBody(db, fields.body ?? "");
  const publishAt = fields.publishAt ?? null;
  const scheduled = opts.publish === true && publishAt !== null && publishAt > opts.now;
  const published = opts.publish === true && !scheduled;

  for (let attempt = 0; ; attempt++) {
    const id = opts.id ?? (await nextArticleIdStatement(db).first<{ id: number }>())?.id ?? 1;
    const article = newArticle(fields, body, {
      id,
      sectionId: section.id,
      status: scheduled ? "scheduled" : published ? "published" : "draft",
      publishAt: published ? (publishAt ?? opts.now) : publishAt,
      publishedAt: published ? (publishAt ?? opts.now) : null,
      createdAt: opts.now,
      createdBy: opts.actor.id,
    });
    const idem = opts.idempotency;
    const extra = idem
      ? [idempotencyStatement(db, { ...idem, articleId: id, response: idem.response(article, chain), at: opts.now })]
      : [];
    const action: RevisionAction = scheduled ? "schedule" : published ? "publish" : "create";
    try {
      return await commit(db, null, { article, chain }, { action, actor: opts.actor, extra });
    } catch (err) {
      if (isIdConflict(err) && opts.id !== undefined) {
        throw new AppError(409, "id_taken", `Article id ${opts.id} is already taken`);
      }
      // A legacy import took the id we reserved before our batch ran: reserve another.
      if (isIdConflict(err) && attempt < 3) continue;
      if (isIdempotencyConflict(err)) throw new AppError(409, "idempotency_race", "The same Idempotency-Key is being used by a concurrent request; retry");
      throw err;
    }
  }
}

export type ChangeOptions = { actor: Actor; now: number; expectedVersion?: number };

/** Edits an article. An edit to a published article is live at once; its place in listings stays. */
export async function updateArticle(
  db: D1Database,
  id: number,
  patch: Partial<ArticleFields>,
  opts: ChangeOptions,
): Promise<ChangeReport> {
  const before = await loadArticle(db, id);
  checkVersion(before.article, opts.expectedVersion);
  notInTrash(before.article);
  return commitChange(db, before, await applyFields(db, before, patch, opts.now), { action: "update", actor: opts.actor });
}

async function applyFields(db: D1Database, before: Placed, patch: Partial<ArticleFields>, now: number): Promise<Placed> {
  const old = before.article;
  const chain =
    patch.sectionPath !== undefined && patch.sectionPath !== before.chain[before.chain.length - 1]?.path
      ? await requireChain(db, patch.sectionPath)
      : before.chain;
  const body = patch.body !== undefined && patch.body !== old.bodyMd ? await renderArticleBody(db, patch.body) : null;
  const article: Article = {
    ...old,
    sectionId: (chain[chain.length - 1] as Section).id,
    title: patch.title ?? old.title,
    kicker: patch.kicker ?? old.kicker,
    subtitle: patch.subtitle ?? old.subtitle,
    summary: patch.summary ?? old.summary,
    source: patch.source ?? old.source,
    bylines: patch.bylines ?? old.bylines,
    bodyMd: patch.body ?? old.bodyMd,
    bodyHtml: body?.html ?? old.bodyHtml,
    bodyText: body?.text ?? old.bodyText,
    coverImage: patch.coverImage !== undefined ? patch.coverImage : old.coverImage,
    publishAt: patch.publishAt !== undefined ? patch.publishAt : old.publishAt,
    updatedAt: now,
    version: old.version + 1,
  };
  // A scheduled article whose time is taken away waits as a draft; one moved to a time already past
  // stays scheduled and goes out at the scheduler's next run.
  if (article.status === "scheduled" && article.publishAt === null) article.status = "draft";
  return { article, chain };
}

/**
 * Publishes now, or schedules when the time asked for (or, when none is given, the one stored) is in
 * the future. `at: null` means now, even for a scheduled article; an explicit past `at` backdates it.
 */
export async function publishArticle(
  db: D1Database,
  id: number,
  opts: ChangeOptions & { at?: number | null },
): Promise<ChangeReport> {
  const before = await loadArticle(db, id);
  const old = before.article;
  checkVersion(old, opts.expectedVersion);
  notInTrash(old);
  const wanted =
    opts.at !== undefined ? opts.at : old.publishAt !== null && old.publishAt > opts.now ? old.publishAt : null;
  if (old.status === "published") {
    if (wanted !== null && wanted > opts.now) {
      throw new AppError(409, "already_published", `Article ${id} is already published; unpublish it before scheduling`);
    }
    if ((opts.at ?? null) === null) return unchanged("publish", before);
  }
  const schedule = wanted !== null && wanted > opts.now;
  const goesOutAt = wanted ?? opts.now;
  const article: Article = {
    ...old,
    status: schedule ? "scheduled" : "published",
    // Once published, the wanted time is the time it went out: a stale schedule must not come back.
    publishAt: goesOutAt,
    publishedAt: schedule ? null : goesOutAt,
    updatedAt: opts.now,
    version: old.version + 1,
  };
  if (schedule && old.status === "scheduled" && old.publishAt === wanted) return unchanged("schedule", before);
  return commitChange(db, before, { article, chain: before.chain }, { action: schedule ? "schedule" : "publish", actor: opts.actor });
}

/** Takes a published or scheduled article back to draft: off every listing at once. */
export const unpublishArticle = (db: D1Database, id: number, opts: ChangeOptions) => withdraw(db, id, "draft", opts);

/** Archives an article: off the site and its listings like a draft, but marked as finished, not in progress. */
export const archiveArticle = (db: D1Database, id: number, opts: ChangeOptions) => withdraw(db, id, "archived", opts);

async function withdraw(db: D1Database, id: number, to: "draft" | "archived", opts: ChangeOptions): Promise<ChangeReport> {
  const action = to === "draft" ? "unpublish" : "archive";
  const before = await loadArticle(db, id);
  checkVersion(before.article, opts.expectedVersion);
  notInTrash(before.article);
  if (before.article.status === to) return unchanged(action, before);
  const article: Article = { ...before.article, status: to, publishedAt: null, updatedAt: opts.now, version: before.article.version + 1 };
  return commitChange(db, before, { article, chain: before.chain }, { action, actor: opts.actor });
}

/** Moves an article to the trash. Like WordPress, a trashed article is unpublished and comes back as a draft. */
export async function trashArticle(db: D1Database, id: number, opts: ChangeOptions): Promise<ChangeReport> {
  const before = await loadArticle(db, id);
  checkVersion(before.article, opts.expectedVersion);
  if (before.article.deletedAt !== null) return unchanged("trash", before);
  const article: Article = {
    ...before.article,
    status: "draft",
    publishedAt: null,
    deletedAt: opts.now,
    updatedAt: opts.now,
    version: before.article.version + 1,
  };
  return commitChange(db, before, { article, chain: before.chain }, { action: "trash", actor: opts.actor });
}

export async function untrashArticle(db: D1Database, id: number, opts: ChangeOptions): Promise<ChangeReport> {
  const before = await loadArticle(db, id);
  checkVersion(before.article, opts.expectedVersion);
  if (before.article.deletedAt === null) return unchanged("untrash", before);
  const article: Article = { ...before.article, deletedAt: null, updatedAt: opts.now, version: before.article.version + 1 };
  return commitChange(db, before, { article, chain: before.chain }, { action: "untrash", actor: opts.actor });
}

/** Brings back the content of revision `version` as a new revision; the workflow state stays as it is. */
export async function revertArticle(
  db: D1Database,
  id: number,
  version: number,
  opts: ChangeOptions,
): Promise<ChangeReport> {
  const before = await loadArticle(db, id);
  checkVersion(before.article, opts.expectedVersion);
  notInTrash(before.article);
  const snapshot = await getRevisionSnapshot(db, id, version);
  if (!snapshot) throw notFound(`Article ${id} has no revision ${version}`);
  const chain = await getSectionChainById(db, snapshot.section_id);
  if (!chain) throw new AppError(409, "section_gone", `The section of revision ${version} no longer exists`);
  const after = await applyFields(
    db,
    before,
    {
      sectionPath: (chain[chain.length - 1] as Section).path,
      title: snapshot.title,
      kicker: snapshot.kicker,
      subtitle: snapshot.subtitle,
      summary: snapshot.summary,
      source: snapshot.source,
      bylines: snapshot.bylines,
      body: snapshot.body,
      coverImage: snapshot.cover_image,
    },
    opts.now,
  );
  return commitChange(db, before, after, { action: "revert", actor: opts.actor });
}

export const SCHEDULER: Actor = { id: null, name: "scheduler" };

/**
 * Publishes the scheduled articles that are due, oldest first and at most `max` a run (each costs about
 * three D1 queries, and an invocation may make only so many: the rest go out on the next run). Each is
 * published exactly once: a run that overlaps another loses the race on the version and skips it.
 * The article goes out at its scheduled time, not the run's. What was published is reported even when
 * the run stops early on an error.
 */
export async function publishDueArticles(db: D1Database, now: number, max = 50): Promise<ChangeReport[]> {
  const reports: ChangeReport[] = [];
  for (const due of await listDueScheduled(db, now, max)) {
    try {
      reports.push(await publishArticle(db, due.id, { actor: SCHEDULER, now, expectedVersion: due.version, at: due.publishAt }));
    } catch (err) {
      // Someone else (an overlapping run, an editor) changed it first; their change stands.
      if (err instanceof AppError && (err.status === 412 || err.status === 409)) continue;
      console.error(`scheduler: stopped at article ${due.id}; the rest wait for the next run`, err);
      break;
    }
  }
  return reports;
}

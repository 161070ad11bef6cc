// The one write path. Every change to an article (create, edit, autosave, submit, return, recall, publish,
// schedule, unpublish, archive, trash, restore, revert, scheduled publication) is one load, one decision and one commit: the article and
// everything the change needs are read in one batch (db/article-load.ts); who may make the change and
// whether the client's If-Match holds are decided on that very version; the next state is computed
// (next-state.ts) and applied in one db.batch conditioned on it (commit.ts). Each returns a ChangeReport,
// from which cache purges, feed pings and search indexing follow.
import { type Actor, SCHEDULER } from "../domain/actor.ts";
import type { Article } from "../domain/article.ts";
import type { ChangeReport } from "../domain/change.ts";
import { DomainError, notFound, versionConflict } from "../domain/errors.ts";
import type { RevisionAction } from "../domain/revision.ts";
import type { Section } from "../domain/section.ts";
import type { ArticleCreate, ArticlePatch } from "../content/schemas.ts";
import { type ChangeLoad, type ChangeWants, type Placed, loadForChange, loadForCreate } from "../db/article-load.ts";
import { listDueScheduled } from "../db/articles.ts";
import { isIdConflict, isVersionConflict } from "../db/article-writes.ts";
import type { Db } from "../domain/db.ts";
import { type StoredIdempotency, idempotencyStatements, isIdempotencyConflict } from "../db/idempotency.ts";
import { getMediaByKeys } from "../db/media.ts";
import { type LatestRevision, parseSnapshot } from "../db/revisions.ts";
import { toRfc3339 } from "../content/dates.ts";
import { type Working, workingRevision } from "./autosave.ts";
import { type ChangeKind, authorizeChange, authorizeCreate } from "./authorize.ts";
import { bodyMediaKeys, renderArticleBody, requireCover } from "./body.ts";
import { commit, unchanged } from "./commit.ts";
import {
  applyPatch,
  newArticle,
  notInTrash,
  publishState,
  recallState,
  returnState,
  revisionAsPatch,
  submitState,
  trashState,
  unknownSection,
  untrashState,
  withdrawState,
} from "./next-state.ts";

/** A change to an existing article, as a client asks for it. */
export type Change =
  /** An edit; `autosave` folds into the actor's working revision (autosave.ts). */
  | { kind: "update"; patch: ArticlePatch; autosave?: boolean }
  | { kind: "submit"; note: string }
  | { kind: "return"; note: string }
  | { kind: "recall" }
  | { kind: "publish"; at?: number | null }
  | { kind: "unpublish" }
  | { kind: "archive" }
  | { kind: "trash" }
  | { kind: "untrash" }
  | { kind: "revert"; version: number };

/** The versions a precondition names: a list, or "any" (`*`, whatever version is current). */
export type Versions = "any" | readonly number[];

/**
 * The client's preconditions (RFC 9110 §13.1): If-Match — the change applies only if one of these versions
 * is current — and If-None-Match — only if none is. Either failing is a 412; both are decided anew on the
 * version a retry loads, so losing a race to another writer is a 412 only when the client's condition no
 * longer holds.
 */
export type Preconditions = { ifMatch?: Versions; ifNoneMatch?: Versions };

export type ChangeOptions = { actor: Actor; now: number } & Preconditions;

/** How often a change without a precondition is retried when another writer keeps winning the race. */
const ATTEMPTS = 3;

/** What each change needs loaded besides the article. */
function wantsOf(change: Change): ChangeWants {
  if (change.kind === "update") {
    const keys = [...(change.patch.cover_image ? [change.patch.cover_image] : []), ...bodyMediaKeys(change.patch.body ?? "")];
    return { ...(change.patch.section !== undefined && { sectionPath: change.patch.section }), mediaKeys: keys };
  }
  if (change.kind === "revert") return { revision: change.version };
  return {};
}

type Next = { action: RevisionAction; placed: Placed | null; working?: Working };

/** Whether an edit would change nothing: an autosave of what is already stored writes nothing. */
function changesNothing(patch: ArticlePatch, loaded: ChangeLoad): boolean {
  const a = loaded.article;
  const same: { [K in keyof ArticlePatch]-?: (value: NonNullable<ArticlePatch>[K]) => boolean } = {
    section: (path) => path === loaded.chain[loaded.chain.length - 1]?.path,
    title: (t) => t === a.title,
    title_bold: (b) => b === a.titleBold,
    kicker: (t) => t === a.kicker,
    subtitle: (t) => t === a.subtitle,
    summary: (t) => t === a.summary,
    source: (t) => t === a.source,
    bylines: (b) => JSON.stringify(b) === JSON.stringify(a.bylines),
    body: (b) => b === a.body,
    cover_image: (key) => key === a.coverImage,
    publish_at: (at) => at === a.publishAt,
  };
  return Object.entries(patch).every(([field, value]) => (same[field as keyof ArticlePatch] as (v: unknown) => boolean)(value));
}

/**
 * An autosave: nothing written when nothing changed; refused on a published article, where every save is
 * live at once (half a sentence must never reach readers by itself: save it explicitly).
 */
function autosaveOf(loaded: ChangeLoad, patch: ArticlePatch, actor: Actor, now: number): Next {
  const a = loaded.article;
  if (a.status === "published") {
    throw new DomainError("wrong_status", `Article ${a.id} is published and every save of it is live at once: save it explicitly, not by autosave`, {
      status: a.status,
    });
  }
  if (changesNothing(patch, loaded)) return { action: "autosave", placed: null };
  return { action: "autosave", placed: applyPatch(loaded, patch, loaded, now), working: workingRevision(a, loaded.latest, actor, now) };
}

/** The change's next state over the loaded article, or `placed: null` when it is already as asked. */
async function nextOf(db: Db, change: Change, loaded: ChangeLoad, opts: ChangeOptions): Promise<Next> {
  const now = opts.now;
  switch (change.kind) {
    case "update":
      notInTrash(loaded.article);
      if (change.autosave) return autosaveOf(loaded, change.patch, opts.actor, now);
      return { action: "update", placed: applyPatch(loaded, change.patch, loaded, now) };
    case "submit":
      notInTrash(loaded.article);
      return { action: "submit", placed: submitState(loaded, change.note, opts.actor, now) };
    case "return":
      notInTrash(loaded.article);
      return { action: "return", placed: returnState(loaded, change.note, opts.actor, now) };
    case "recall":
      notInTrash(loaded.article);
      return { action: "recall", placed: recallState(loaded, now) };
    case "publish": {
      notInTrash(loaded.article);
      const next = publishState(loaded, change.at, now);
      return { action: next.scheduled ? "schedule" : "publish", placed: next.placed };
    }
    case "unpublish":
    case "archive":
      notInTrash(loaded.article);
      return { action: change.kind, placed: withdrawState(loaded, change.kind === "unpublish" ? "draft" : "archived", now) };
    case "trash":
      return { action: "trash", placed: trashState(loaded, now) };
    case "untrash":
      return { action: "untrash", placed: untrashState(loaded, now) };
    case "revert": {
      notInTrash(loaded.article);
      if (!loaded.revision) throw notFound(`Article ${loaded.article.id} has no revision ${change.version}`);
      const snapshot = parseSnapshot(loaded.revision.snapshot, change.version);
      const chain = loaded.revision.chain;
      if (!chain) throw new DomainError("section_gone", `The section of revision ${change.version} no longer exists`);
      // Revisions written before snapshots listed their images need a second read; later ones never do.
      const media =
        snapshot.images === undefined
          ? await getMediaByKeys(db, [...(snapshot.cover_image ? [snapshot.cover_image] : []), ...bodyMediaKeys(snapshot.body)])
          : loaded.revision.media;
      const patch = revisionAsPatch(snapshot, chain, change.version);
      return { action: "revert", placed: applyPatch(loaded, patch, { target: chain, media }, now) };
    }
  }
}

const names = (versions: Versions | undefined, current: number) => versions === "any" || (versions?.includes(current) ?? false);

/** Who changed the article last and when, for a 412: an editor tells the person whose save was refused. */
const lastChangeOf = (a: Article, latest: LatestRevision | null) => ({
  updated_at: toRfc3339(a.updatedAt),
  updated_by: latest && latest.version === a.version ? { id: latest.actorId, kind: latest.actorKind, name: latest.actor } : null,
  last_action: latest && latest.version === a.version ? latest.action : null,
});

function checkPreconditions(loaded: ChangeLoad, p: Preconditions) {
  const current = loaded.article.version;
  const refused = (p.ifMatch !== undefined && !names(p.ifMatch, current)) || (p.ifNoneMatch !== undefined && names(p.ifNoneMatch, current));
  if (refused) throw versionConflict(current, lastChangeOf(loaded.article, loaded.latest));
}

/**
 * Applies one change to article `id`: 404 when there is none, 403 when the actor may not make it on the
 * version loaded, 412 when the client's preconditions fail on it. When another writer commits between the
 * load and the commit, the change is decided again on the version that writer left — who may make it,
 * whether the preconditions still hold — a few times, then 409.
 */
export async function changeArticle(db: Db, id: number, change: Change, opts: ChangeOptions): Promise<ChangeReport> {
  const kind: ChangeKind = change.kind;
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadForChange(db, id, wantsOf(change));
    if (!loaded) throw notFound(`No article ${id}`);
    authorizeChange(opts.actor, kind, loaded.article);
    checkPreconditions(loaded, opts);
    const next = await nextOf(db, change, loaded, opts);
    if (!next.placed) return unchanged(next.action, loaded);
    try {
      return await commit(db, loaded, next.placed, { action: next.action, actor: opts.actor, ...(next.working && { working: next.working }) });
    } catch (err) {
      if (!isVersionConflict(err)) throw err;
      if (attempt >= ATTEMPTS) {
        throw new DomainError("conflict", `Article ${id} kept changing while this change was being applied; try again`);
      }
    }
  }
}

export type CreateOptions = {
  actor: Actor;
  now: number;
  idempotency?: { keyId: number; idemKey: string; requestHash: string; response: (report: ChangeReport) => string };
};

export type CreateResult = { kind: "created"; report: ChangeReport } | { kind: "replayed"; stored: StoredIdempotency };

/**
 * Creates an article: a draft, or with `status: "published"` published at once (or scheduled, when
 * `publish_at` is in the future). With `id`, a legacy id is kept (409 when taken). With an idempotency
 * key, an earlier answer to the same key is returned instead of creating anything.
 */
export async function createArticle(db: Db, input: ArticleCreate, opts: CreateOptions): Promise<CreateResult> {
  const { id: legacyId, status, ...fields } = input;
  const publish = status === "published";
  authorizeCreate(opts.actor, { publish, legacyId: legacyId !== undefined });
  const publishAt = fields.publish_at ?? null;
  const scheduled = publish && publishAt !== null && publishAt > opts.now;
  const published = publish && !scheduled;
  const action: RevisionAction = scheduled ? "schedule" : published ? "publish" : "create";

  for (let attempt = 1; ; attempt++) {
    const loaded = await loadForCreate(db, {
      sectionPath: fields.section,
      mediaKeys: [...(fields.cover_image ? [fields.cover_image] : []), ...bodyMediaKeys(fields.body ?? "")],
      reserveId: legacyId === undefined,
      now: opts.now,
      ...(opts.idempotency && { idempotency: opts.idempotency }),
    });
    if (loaded.replay) return { kind: "replayed", stored: loaded.replay };
    if (!loaded.chain) throw unknownSection(fields.section);
    const id = legacyId ?? loaded.reservedId;
    if (id === null) throw new DomainError("conflict", "Automatic article ids are used up");
    requireCover(fields.cover_image, loaded.media);
    const chain: Section[] = loaded.chain;
    const article = newArticle(fields, renderArticleBody(fields.body ?? "", loaded.media), {
      id,
      sectionId: (chain[chain.length - 1] as Section).id,
      status: scheduled ? "scheduled" : published ? "published" : "draft",
      publishAt: published ? (publishAt ?? opts.now) : publishAt,
      publishedAt: published ? (publishAt ?? opts.now) : null,
      createdAt: opts.now,
      createdBy: opts.actor.id,
    });
    const report: ChangeReport = {
      action,
      changed: true,
      before: null,
      article,
      chain,
      sectionPaths: [],
      neighbours: [],
      slots: [],
      topics: [],
    };
    const idem = opts.idempotency;
    const extra = idem
      ? idempotencyStatements(db, { ...idem, articleId: id, response: idem.response(report), at: opts.now })
      : [];
    try {
      return { kind: "created", report: await commit(db, null, { article, chain }, { action, actor: opts.actor, extra }) };
    } catch (err) {
      if (isIdConflict(err) && legacyId !== undefined) throw new DomainError("id_taken", `Article id ${legacyId} is already taken`);
      // A legacy import took the id reserved for this create before its batch ran: reserve another.
      if (isIdConflict(err) && attempt < ATTEMPTS) continue;
      if (isIdempotencyConflict(err)) {
        throw new DomainError("idempotency_race", "The same Idempotency-Key is being used by a concurrent request; retry");
      }
      throw err;
    }
  }
}

/**
 * Publishes the scheduled articles that are due, oldest first and at most `max` a run (each costs two
 * D1 round trips, and an invocation may make only so many: the rest go out on the next run). Each is
 * published exactly once: a run that overlaps another loses the race on the version and skips it.
 * The article goes out at its scheduled time, not the run's. What was published is reported even when
 * the run stops early on an error.
 */
export async function publishDueArticles(db: Db, now: number, max = 50): Promise<ChangeReport[]> {
  const reports: ChangeReport[] = [];
  for (const due of await listDueScheduled(db, now, max)) {
    try {
      const report = await changeArticle(db, due.id, { kind: "publish", at: due.publishAt }, { actor: SCHEDULER, now, ifMatch: [due.version] });
      if (report.changed) reports.push(report);
    } catch (err) {
      // Someone else (an overlapping run, an editor) changed it first; their change stands.
      if (err instanceof DomainError && (err.code === "version_conflict" || err.code === "not_found")) continue;
      console.error(`scheduler: stopped at article ${due.id}; the rest wait for the next run`, err);
      break;
    }
  }
  return reports;
}

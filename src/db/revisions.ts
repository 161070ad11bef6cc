// Revisions: every change keeps the article as it was after the change, with who made it and when.
// The insert is also the write path's optimistic lock (see article-writes.ts).
import * as v from "valibot";
import type { Article } from "../domain/article.ts";
import type { ActorKind } from "../domain/actor.ts";
import { type RevisionAction, type StoredRevision } from "../domain/revision.ts";
import { DomainError } from "../domain/errors.ts";
import { RevisionSnapshot } from "../content/schemas.ts";
import type { AuditActor } from "./audit.ts";
import type { Db } from "../domain/db.ts";

/**
 * What a revision keeps: everything an editor can change, the workflow state, and the media keys the body
 * and cover name (`images`), so restoring it can load their rows in the same batch as the article.
 */
function revisionSnapshot(a: Article, images: readonly string[]): RevisionSnapshot {
  return {
    section_id: a.sectionId,
    status: a.status,
    title: a.title,
    title_bold: a.titleBold,
    kicker: a.kicker,
    subtitle: a.subtitle,
    summary: a.summary,
    source: a.source,
    bylines: a.bylines,
    body: a.body,
    cover_image: a.coverImage,
    publish_at: a.publishAt,
    published_at: a.publishedAt,
    deleted_at: a.deletedAt,
    review: a.review,
    images: [...images],
  };
}

/**
 * The revision of `a`'s new version. `startedAt` is set on an autosave's working revision: when its first
 * autosave was made.
 */
export const revisionStatement = (
  db: Db,
  a: Article,
  images: readonly string[],
  action: RevisionAction,
  actor: AuditActor,
  startedAt: number | null = null,
) =>
  db
    .prepare(
      `INSERT INTO revisions (article_id, version, action, snapshot, actor, actor_id, created_at, started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(a.id, a.version, action, JSON.stringify(revisionSnapshot(a, images)), actor.name, actor.id, a.updatedAt, startedAt);

/**
 * Removes the working revision a later autosave replaces: only if it is still that actor's autosave, so
 * nothing else can ever be folded away. Runs after the new revision's insert, which stays the lock.
 */
export const dropWorkingRevisionStatement = (db: Db, articleId: number, version: number, actorId: number) =>
  db
    .prepare(`DELETE FROM revisions WHERE article_id = ? AND version = ? AND action = 'autosave' AND actor_id = ?`)
    .bind(articleId, version, actorId);

type RevisionRow = { version: number; action: RevisionAction; actor: string; actor_id: number | null; created_at: number; started_at: number | null };

const REVISION_COLUMNS = "version, action, actor, actor_id, created_at, started_at";

const toStoredRevision = (r: RevisionRow): StoredRevision => ({
  version: r.version,
  action: r.action,
  actor: r.actor,
  actorId: r.actor_id,
  createdAt: r.created_at,
  startedAt: r.started_at,
});

/** An article's revisions, newest first, without their snapshots. */
export async function listRevisions(db: Db, articleId: number): Promise<StoredRevision[]> {
  const { results } = await db
    .prepare(`SELECT ${REVISION_COLUMNS} FROM revisions WHERE article_id = ? ORDER BY version DESC`)
    .bind(articleId)
    .all<RevisionRow>();
  return results.map(toStoredRevision);
}

/** The newest revision and what kind of actor made it: who changed the article last, and an autosave's working revision. */
export type LatestRevision = StoredRevision & { actorKind: ActorKind };

/** The newest revision of an article, for use inside a batch. */
export const latestRevisionStatement = (db: Db, articleId: number) =>
  db
    .prepare(
      `SELECT r.version, r.action, r.actor, r.actor_id, r.created_at, r.started_at, actors.kind AS actor_kind
         FROM revisions r LEFT JOIN actors ON actors.id = r.actor_id
        WHERE r.article_id = ? ORDER BY r.version DESC LIMIT 1`,
    )
    .bind(articleId);

/** A row of latestRevisionStatement; a revision without an actor id was made by a tool. */
export const toLatestRevision = (r: RevisionRow & { actor_kind: ActorKind | null }): LatestRevision => ({
  ...toStoredRevision(r),
  actorKind: r.actor_kind ?? "tool",
});

/** One revision with its snapshot and the section the snapshot names (null when that section is gone). */
type RevisionWithSnapshot = LatestRevision & { snapshot: RevisionSnapshot; section: { path: string; name: string } | null };

/** Revision `version` of an article, its snapshot checked (409 revision_unreadable when damaged); null when there is none. */
export async function getRevision(db: Db, articleId: number, version: number): Promise<RevisionWithSnapshot | null> {
  const row = await db
    .prepare(
      `SELECT r.version, r.action, r.actor, r.actor_id, r.created_at, r.started_at, r.snapshot, actors.kind AS actor_kind,
              s.path AS section_path, s.name AS section_name
         FROM revisions r LEFT JOIN actors ON actors.id = r.actor_id
         LEFT JOIN sections s ON json_valid(r.snapshot) AND s.id = json_extract(r.snapshot, '$.section_id')
        WHERE r.article_id = ? AND r.version = ?`,
    )
    .bind(articleId, version)
    .first<RevisionRow & { actor_kind: ActorKind | null; snapshot: string; section_path: string | null; section_name: string | null }>();
  if (!row) return null;
  return {
    ...toLatestRevision(row),
    snapshot: parseSnapshot(row.snapshot, version),
    section: row.section_path === null || row.section_name === null ? null : { path: row.section_path, name: row.section_name },
  };
}

/** The snapshot of one revision, for use inside a batch. */
export const revisionSnapshotStatement = (db: Db, articleId: number, version: number) =>
  db.prepare(`SELECT snapshot FROM revisions WHERE article_id = ? AND version = ?`).bind(articleId, version);

/** A stored snapshot, checked: a damaged one is a 409 naming the revision, never a 500 or a bad write. */
export function parseSnapshot(text: string, version: number): RevisionSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = v.safeParse(RevisionSnapshot, data);
  if (!parsed.success) throw new DomainError("revision_unreadable", `Revision ${version} is damaged and cannot be restored`);
  return parsed.output;
}

// Revisions: every change keeps the article as it was after the change, with who made it and when.
// The insert is also the write path's optimistic lock (see article-writes.ts).
import * as v from "valibot";
import type { Article } from "../domain/article.ts";
import { type RevisionAction, type StoredRevision } from "../domain/revision.ts";
import { DomainError } from "../domain/errors.ts";
import { RevisionSnapshot } from "../content/schemas.ts";
import type { AuditActor } from "./audit.ts";
import type { Db } from "../domain/db.ts";

/**
 * What a revision keeps: everything an editor can change, the workflow state, and the media keys the body
 * and cover name (`images`), so restoring it can load their rows in the same batch as the article.
 */
export function revisionSnapshot(a: Article, images: readonly string[]): RevisionSnapshot {
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
    images: [...images],
  };
}

export const revisionStatement = (db: Db, a: Article, images: readonly string[], action: RevisionAction, actor: AuditActor) =>
  db
    .prepare(
      `INSERT INTO revisions (article_id, version, action, snapshot, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(a.id, a.version, action, JSON.stringify(revisionSnapshot(a, images)), actor.name, a.updatedAt);

type RevisionRow = { version: number; action: RevisionAction; actor: string; created_at: number };

/** An article's revisions, newest first, without their snapshots. */
export async function listRevisions(db: Db, articleId: number): Promise<StoredRevision[]> {
  const { results } = await db
    .prepare(`SELECT version, action, actor, created_at FROM revisions WHERE article_id = ? ORDER BY version DESC`)
    .bind(articleId)
    .all<RevisionRow>();
  return results.map((r) => ({ version: r.version, action: r.action, actor: r.actor, createdAt: r.created_at }));
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

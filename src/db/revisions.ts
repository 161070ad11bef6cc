// Revisions: every change keeps the article as it was after the change, with who made it and when.
// The insert is also the write path's optimistic lock (see article-writes.ts).
import type { Article } from "./articles.ts";
import type { Actor } from "./audit.ts";

export type RevisionAction =
  | "create"
  | "update"
  | "publish"
  | "schedule"
  | "unpublish"
  | "archive"
  | "trash"
  | "untrash"
  | "revert";

/** What a revision keeps: everything an editor can change, and the workflow state. */
export function revisionSnapshot(a: Article) {
  return {
    section_id: a.sectionId,
    status: a.status,
    title: a.title,
    kicker: a.kicker,
    subtitle: a.subtitle,
    summary: a.summary,
    source: a.source,
    bylines: a.bylines,
    body: a.bodyMd,
    cover_image: a.coverImage,
    publish_at: a.publishAt,
    published_at: a.publishedAt,
    deleted_at: a.deletedAt,
  };
}

export type RevisionSnapshot = ReturnType<typeof revisionSnapshot>;

export const revisionStatement = (db: D1Database, a: Article, action: RevisionAction, actor: Actor) =>
  db
    .prepare(
      `INSERT INTO revisions (article_id, version, action, snapshot, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .bind(a.id, a.version, action, JSON.stringify(revisionSnapshot(a)), actor.name, a.updatedAt);

export type StoredRevision = { version: number; action: RevisionAction; actor: string; createdAt: number };

type RevisionRow = { version: number; action: RevisionAction; actor: string; created_at: number; snapshot: string };

/** An article's revisions, newest first, without their snapshots. */
export async function listRevisions(db: D1Database, articleId: number): Promise<StoredRevision[]> {
  const { results } = await db
    .prepare(`SELECT version, action, actor, created_at FROM revisions WHERE article_id = ? ORDER BY version DESC`)
    .bind(articleId)
    .all<Omit<RevisionRow, "snapshot">>();
  return results.map((r) => ({ version: r.version, action: r.action, actor: r.actor, createdAt: r.created_at }));
}

export async function getRevisionSnapshot(
  db: D1Database,
  articleId: number,
  version: number,
): Promise<RevisionSnapshot | null> {
  const row = await db
    .prepare(`SELECT snapshot FROM revisions WHERE article_id = ? AND version = ?`)
    .bind(articleId, version)
    .first<{ snapshot: string }>();
  return row ? (JSON.parse(row.snapshot) as RevisionSnapshot) : null;
}

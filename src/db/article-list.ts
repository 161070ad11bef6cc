// The newsroom's article list, filtered and keyset-paged on (updated_at, id), newest change first: the one
// WHERE, ORDER BY and LIMIT that the admin API's list (articles.ts) and the desk's (desk-articles.ts) both read.
import type { ArticleState } from "../domain/article.ts";

export type ArticleListFilter = {
  /** A state: a workflow status, or 'trash' for trashed articles. Without it: everything not in the trash. */
  status?: ArticleState;
  sectionId?: number;
  /** Created by this actor (a key or a person). */
  author?: number;
  /** Keyset cursor: continue after this (updated_at, id). */
  after?: readonly [updatedAt: number, id: number];
  limit: number;
};

/**
 * The clauses after `FROM articles a …` for `f`, and their parameters in order (the limit last): to follow
 * a SELECT whose own parameters come first.
 */
export function articleListClauses(f: ArticleListFilter): { sql: string; binds: (string | number)[] } {
  const where: string[] = [];
  const binds: (string | number)[] = [];
  if (f.status === "trash") where.push("a.deleted_at IS NOT NULL");
  else {
    where.push("a.deleted_at IS NULL");
    if (f.status) {
      where.push("a.status = ?");
      binds.push(f.status);
    }
  }
  if (f.sectionId !== undefined) {
    where.push("a.section_id = ?");
    binds.push(f.sectionId);
  }
  if (f.author !== undefined) {
    where.push("a.created_by = ?");
    binds.push(f.author);
  }
  if (f.after) {
    where.push("(a.updated_at, a.id) < (?, ?)");
    binds.push(...f.after);
  }
  return { sql: `WHERE ${where.join(" AND ")} ORDER BY a.updated_at DESC, a.id DESC LIMIT ?`, binds: [...binds, f.limit] };
}

// The newsroom's article list as the desk shows it: lean rows (no bodies) with who wrote each article and who
// changed it last and who else has it open ("王五 正在编辑", in the same one statement), filtered and paged as
// the admin API's list is (article-list.ts).
import type { ArticleStatus } from "../domain/article.ts";
import type { Db } from "../domain/db.ts";
import type { Editing } from "../domain/presence.ts";
import { type ArticleListFilter, articleListClauses } from "./article-list.ts";
import { editingBinds, editingColumn, parseEditing } from "./presence.ts";

/** One line of the desk's list. */
export type DeskArticle = {
  id: number;
  title: string;
  status: ArticleStatus;
  inTrash: boolean;
  sectionPath: string;
  sectionName: string;
  /** Who created it (the person's or key's name); null for a tool's import. */
  author: string | null;
  updatedAt: number;
  /** Who made the change that produced the current version (a revision's actor). */
  updatedBy: string | null;
  version: number;
  /** Who else has it open in an editor now, earliest first (never the viewer). */
  editing: Editing[];
};

/** Who is looking, and when: the list leaves the viewer out of 正在编辑, and counts only recent heartbeats. */
export type Viewer = { actorId: number | null; now: number };

type Row = {
  id: number;
  title: string;
  status: ArticleStatus;
  deleted_at: number | null;
  section_path: string;
  section_name: string;
  author: string | null;
  updated_at: number;
  updated_by: string | null;
  version: number;
  editing: string;
};

// The current version's revision names who made it; the creator is an actor: a person or a key, by name.
const SELECT = `SELECT a.id, a.title, a.status, a.deleted_at, a.updated_at, a.version,
       s.path AS section_path, s.name AS section_name, COALESCE(p.display_name, k.name) AS author, r.actor AS updated_by,
       ${editingColumn("a")}
  FROM articles a
  JOIN sections s ON s.id = a.section_id
  LEFT JOIN staff p ON p.id = a.created_by
  LEFT JOIN api_keys k ON k.id = a.created_by
  LEFT JOIN revisions r ON r.article_id = a.id AND r.version = a.version`;

const toDeskArticle = (r: Row): DeskArticle => ({
  id: r.id,
  title: r.title,
  status: r.status,
  inTrash: r.deleted_at !== null,
  sectionPath: r.section_path,
  sectionName: r.section_name,
  author: r.author,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  version: r.version,
  editing: parseEditing(r.editing),
});

export async function listDeskArticles(db: Db, f: ArticleListFilter, viewer: Viewer): Promise<DeskArticle[]> {
  const list = articleListClauses(f);
  const { results } = await db
    .prepare(`${SELECT} ${list.sql}`)
    .bind(...editingBinds(viewer.now, viewer.actorId), ...list.binds)
    .all<Row>();
  return results.map(toDeskArticle);
}

/** The same lines for articles a search found, in the order given (the ranking's), in one round trip. */
export async function deskArticlesByIds(db: Db, ids: readonly number[], viewer: Viewer): Promise<DeskArticle[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(`${SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`)
    .bind(...editingBinds(viewer.now, viewer.actorId), JSON.stringify(ids))
    .all<Row>();
  const byId = new Map(results.map((r) => [r.id, toDeskArticle(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Someone who can act: a person or a key, by the name the desk shows. */
export type ActorName = { id: number; name: string; kind: "staff" | "key" };

/** Every person and key, people first, by name: the author and 操作人 filters (both tables are small). */
export async function listActorNames(db: Db): Promise<ActorName[]> {
  const { results } = await db
    .prepare(
      `SELECT id, display_name AS name, 'staff' AS kind FROM staff
       UNION ALL SELECT id, name, 'key' AS kind FROM api_keys
       ORDER BY kind DESC, name, id`,
    )
    .all<ActorName>();
  return results;
}

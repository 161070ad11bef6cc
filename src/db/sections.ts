// Sections (栏目): the tree readers browse. Small (dozens of rows), read by path.
import * as v from "valibot";
import type { Section } from "../domain/section.ts";
import { sectionPathChain } from "../content/urls.ts";
import type { Db } from "../domain/db.ts";
import { columnsOf, jsonObject, rowsFromJson } from "./json-columns.ts";

/** A sections row, as a statement returns it or a JSON column carries it (json-columns.ts). */
const SectionRow = v.object({
  id: v.number(),
  path: v.string(),
  slug: v.string(),
  name: v.string(),
  parent_id: v.nullable(v.number()),
  sort_order: v.number(),
  description: v.string(),
  changed_at: v.number(),
});
type SectionRow = v.InferOutput<typeof SectionRow>;

const SECTION_NAMES = Object.keys(SectionRow.entries);

export const SECTION_COLUMNS = SECTION_NAMES.join(", ");

/** A section row of `alias` as one JSON object, for a JSON column (read back with SectionRow). */
export const sectionJson = (alias: string, extra: Record<string, string> = {}) => jsonObject({ ...columnsOf(alias, SECTION_NAMES), ...extra });

export const toSection = (r: SectionRow): Section => ({
  id: r.id,
  path: r.path,
  slug: r.slug,
  name: r.name,
  parentId: r.parent_id,
  sortOrder: r.sort_order,
  description: r.description,
  changedAt: r.changed_at,
});

/** Every section, parents before children within the same sort order. */
export async function listSections(db: Db): Promise<Section[]> {
  const { results } = await db
    .prepare(`SELECT ${SECTION_COLUMNS} FROM sections ORDER BY sort_order, id`)
    .all<SectionRow>();
  return results.map(toSection);
}

export async function getSectionByPath(db: Db, path: string): Promise<Section | null> {
  const row = await db.prepare(`SELECT ${SECTION_COLUMNS} FROM sections WHERE path = ?`).bind(path).first<SectionRow>();
  return row ? toSection(row) : null;
}

/** The statement that reads a section and its ancestors, for use alone or inside a batch. */
export function sectionChainStatement(db: Db, path: string): D1PreparedStatement {
  const chain = sectionPathChain(path);
  return db
    .prepare(`SELECT ${SECTION_COLUMNS} FROM sections WHERE path IN (${chain.map(() => "?").join(", ")})`)
    .bind(...chain);
}

/** Orders the rows of sectionChainStatement root first; null when any level is missing. */
export function chainFromRows(path: string, rows: SectionRow[]): Section[] | null {
  const byPath = new Map(rows.map((r) => [r.path, toSection(r)]));
  const chain = sectionPathChain(path).map((p) => byPath.get(p));
  return chain.every((s): s is Section => s !== undefined) ? chain : null;
}

/** A section and its ancestors, root first; null when the path is unknown. */
export async function getSectionChain(db: Db, path: string): Promise<Section[] | null> {
  const { results } = await sectionChainStatement(db, path).all<SectionRow>();
  return chainFromRows(path, results);
}

export { SectionRow };

export type NewSection = { path: string; name: string; sortOrder?: number; description?: string };

/** Creates a section under its parent, derived from the path; null when the parent does not exist. */
export async function createSection(db: Db, input: NewSection): Promise<Section | null> {
  const segments = input.path.split("/");
  const slug = segments[segments.length - 1] ?? input.path;
  const parentPath = segments.length > 1 ? segments.slice(0, -1).join("/") : null;
  const row = await db
    .prepare(
      `INSERT INTO sections (path, slug, name, parent_id, sort_order, description)
       SELECT ?1, ?2, ?3, parent.id, ?5, ?6
         FROM (SELECT (SELECT id FROM sections WHERE path = ?4) AS id) AS parent
        WHERE ?4 IS NULL OR parent.id IS NOT NULL
       RETURNING ${SECTION_COLUMNS}`,
    )
    .bind(input.path, slug, input.name, parentPath, input.sortOrder ?? 0, input.description ?? "")
    .first<SectionRow>();
  return row ? toSection(row) : null;
}

const chainCte = (start: string) => `WITH RECURSIVE chain(id, depth) AS (
         ${start}
         UNION ALL
         SELECT s.parent_id, c.depth + 1 FROM sections s JOIN chain c ON s.id = c.id WHERE s.parent_id IS NOT NULL
       )
       SELECT ${SECTION_COLUMNS.split(", ").map((c) => `s.${c}`).join(", ")}, chain.depth
         FROM chain JOIN sections s ON s.id = chain.id`;

/** Rows of a chain query, root first (sorted here: a handful of rows, not worth a sort in SQL). */
export const chainFromDepthRows = (rows: Array<SectionRow & { depth: number }>): Section[] =>
  [...rows].sort((a, b) => b.depth - a.depth).map(toSection);

/**
 * A JSON column: the section whose id the SQL expression `sectionId` gives (an outer row's column, say) and
 * its ancestors, each with its depth (0 the section itself); `[]` when there is no such section.
 */
export const chainJson = (sectionId: string) => `(WITH RECURSIVE up(id, depth) AS (
         SELECT ${sectionId}, 0
         UNION ALL
         SELECT p.parent_id, up.depth + 1 FROM sections p JOIN up ON p.id = up.id WHERE p.parent_id IS NOT NULL
       )
       SELECT json_group_array(${sectionJson("c", { depth: "up.depth" })}) FROM up JOIN sections c ON c.id = up.id)`;

const ChainRow = v.object({ ...SectionRow.entries, depth: v.number() });

/** A chainJson column, root first. */
export const chainFromJson = (text: string | null): Section[] => chainFromDepthRows(rowsFromJson(ChainRow, text));

/** A JSON column: the sections of sectionChainStatement, sectionPathChain(path) bound from parameter `first` on. */
export const chainByPathJson = (path: string, first: number) =>
  `(SELECT json_group_array(${sectionJson("c")}) FROM sections c
     WHERE c.path IN (${sectionPathChain(path).map((_, i) => `?${first + i}`).join(", ")}))`;

/** A chainByPathJson column, root first; null when any level is missing. */
export const chainFromPathJson = (path: string, text: string | null): Section[] | null =>
  chainFromRows(path, rowsFromJson(SectionRow, text));

/** A section and its ancestors by the section's id, root first; null when the id is unknown. */
export async function getSectionChainById(db: Db, id: number): Promise<Section[] | null> {
  const { results } = await db
    .prepare(chainCte("SELECT id, 0 FROM sections WHERE id = ?"))
    .bind(id)
    .all<SectionRow & { depth: number }>();
  return results.length ? chainFromDepthRows(results) : null;
}

/** The chain of the section an article is in, root first, for use inside a batch. */
export const sectionChainOfArticleStatement = (db: Db, articleId: number) =>
  db.prepare(chainCte("SELECT section_id, 0 FROM articles WHERE id = ?")).bind(articleId);

/** The chain of the section a revision's snapshot names, for use inside a batch (a restore's load). */
export const sectionChainOfRevisionStatement = (db: Db, articleId: number, version: number) =>
  db
    // A damaged snapshot names no section here; parseSnapshot reports it.
    .prepare(chainCte("SELECT json_extract(snapshot, '$.section_id'), 0 FROM revisions WHERE article_id = ? AND version = ? AND json_valid(snapshot)"))
    .bind(articleId, version);

// How much of a local D1 file the search index takes, read from the SQLite file itself (Node's node:sqlite
// has the dbstat table, which D1 does not expose): pages of the FTS5 shadow tables, against the whole file.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

export type IndexSize = { articles: number; fileBytes: number; indexBytes: number; tables: Record<string, number> };

/** The D1 database file of a state directory (Miniflare keeps one SQLite file per database). */
export function databaseFile(state: string): string {
  const dir = join(state, "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir)
    .filter((f) => f.endsWith(".sqlite"))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!file) throw new Error(`no D1 database under ${dir}`);
  return file;
}

/** Bytes of each table and index with its pages, the search index's shadow tables added up. Read-only. */
export function indexSize(state: string): IndexSize {
  const db = new DatabaseSync(databaseFile(state), { readOnly: true });
  try {
    const rows = db.prepare(`SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as { name: string; bytes: number }[];
    const tables = Object.fromEntries(rows.map((r) => [r.name, Number(r.bytes)]));
    const indexBytes = rows.filter((r) => r.name.startsWith("search_index_")).reduce((n, r) => n + Number(r.bytes), 0);
    const fileBytes = rows.reduce((n, r) => n + Number(r.bytes), 0);
    const articles = Number((db.prepare(`SELECT count(*) AS n FROM articles`).get() as { n: number }).n);
    return { articles, fileBytes, indexBytes, tables };
  } finally {
    db.close();
  }
}

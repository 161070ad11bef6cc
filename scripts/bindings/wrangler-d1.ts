// The deployed D1 for the importer's --remote runs, through `wrangler d1 execute --remote` (the way key.ts
// reaches it): statements are prepared and bound as with any D1 binding, then sent as SQL text with every
// value written as a literal, since wrangler takes no bind parameters. A small batch goes as --command (one
// batch, all or nothing, and its rows come back); a large one as --file, which D1 imports in one
// transaction ("if the execution fails to complete, your DB will return to its original state").
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../../src/domain/db.ts";
import { StatementOverAll } from "./statement-over-all.ts";
import { runWrangler } from "./wrangler-cli.ts";

/** What fits in one --command argument (Linux refuses single arguments past 128 KiB). */
const COMMAND_BYTES = 100_000;
/** D1's limit on the text of one SQL statement: a literal body counts against it, a bound one does not. */
const STATEMENT_BYTES = 100_000;

type Value = string | number | boolean | null;

/** A SQL literal: strings quoted with quotes doubled (SQLite has no backslash escapes), numbers as written. */
function literal(value: unknown): string {
  if (value === null) return "NULL";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === "string") {
    if (value.includes("\0")) throw new Error("NUL in a SQL string");
    return `'${value.replaceAll("'", "''")}'`;
  }
  throw new Error(`cannot write a ${typeof value} as SQL`);
}

/** The statement with its parameters written in: `?` takes the next one, `?N` the Nth, quoted text is left alone. */
function inline(sql: string, params: readonly unknown[]): string {
  let out = "";
  let next = 0;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      out += sql.slice(i, end + 1);
      i = end;
    } else if (ch === "?") {
      const digits = /^\d+/.exec(sql.slice(i + 1))?.[0];
      const index = digits ? Number(digits) - 1 : next;
      if (index >= params.length) throw new Error(`statement needs parameter ${index + 1}, has ${params.length}`);
      out += literal(params[index]);
      next = Math.max(next, index + 1);
      i += digits?.length ?? 0;
    } else out += ch;
  }
  return out;
}

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

class WranglerStatement extends StatementOverAll {
  readonly sql: string;
  readonly params: readonly Value[];
  private readonly db: WranglerD1;

  constructor(db: WranglerD1, sql: string, params: readonly Value[] = []) {
    super();
    this.db = db;
    this.sql = sql;
    this.params = params;
  }

  bind(...values: unknown[]): D1PreparedStatement {
    // D1 refuses undefined; writing it as NULL would hide a bug.
    for (const v of values) if (v === undefined) throw new Error("D1_TYPE_ERROR: Type 'undefined' not supported");
    return new WranglerStatement(this.db, this.sql, values as Value[]);
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const [result] = await this.db.batch<T>([this]);
    if (!result) throw new Error("wrangler d1: no result");
    return result;
  }

  text(): string {
    return inline(this.sql, this.params);
  }
}

class StatementTooLarge extends Error {
  constructor(size: number) {
    super(`a statement of ${size.toLocaleString("en-US")} bytes is too large for wrangler d1 execute (D1 takes at most ${STATEMENT_BYTES.toLocaleString("en-US")} bytes of SQL text per statement)`);
    this.name = "StatementTooLarge";
  }
}

export class WranglerD1 implements Db {
  prepare(query: string): D1PreparedStatement {
    return new WranglerStatement(this, query);
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const texts = statements.map((s) => {
      if (!(s instanceof WranglerStatement)) throw new Error("wrangler d1: statement from another database");
      const text = s.text();
      if (bytes(text) > STATEMENT_BYTES) throw new StatementTooLarge(bytes(text));
      return text;
    });
    const sql = `${texts.join(";\n")};`;
    if (bytes(sql) <= COMMAND_BYTES) {
      const run = await runWrangler(["d1", "execute", "DB", "--remote", "--json", "--command", sql]);
      let parsed: unknown;
      try {
        parsed = JSON.parse(run.stdout);
      } catch {
        throw new Error(`wrangler d1 execute failed: ${run.stdout}${run.stderr}`);
      }
      if (!run.ok || !Array.isArray(parsed)) throw new Error(`wrangler d1 execute failed: ${run.stdout}${run.stderr}`);
      return parsed.map((r: { results?: T[]; meta?: D1Result["meta"] }) => ({ results: r.results ?? [], success: true, meta: r.meta ?? ({} as D1Result["meta"]) }));
    }
    const dir = mkdtempSync(join(tmpdir(), "masthead-import-"));
    try {
      const file = join(dir, "batch.sql");
      writeFileSync(file, sql);
      const run = await runWrangler(["d1", "execute", "DB", "--remote", "--yes", "--file", file]);
      if (!run.ok) throw new Error(`wrangler d1 execute --file failed: ${run.stdout}${run.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Only writes are sent this way; nothing reads their rows.
    return statements.map(() => ({ results: [], success: true, meta: {} as D1Result["meta"] }));
  }
}

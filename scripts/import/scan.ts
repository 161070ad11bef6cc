// Reading a dump for an import, in two kinds of pass. The scan reads it whole once, before anything is
// written: it checks that every statement can be read (a cut-off INSERT, a bad escape or an unknown
// character set is refused here, so a malformed dump imports nothing), finds the system's tables and their
// prefix, keeps the small ones (sections, settings), indexes where each body row lies (16 bytes an
// article), and finds every field the import keeps whose text is not valid in the dump's encoding. The
// import then streams the article rows a batch at a time and reads each batch's bodies by
// offset. Memory stays bounded by a batch, not by the dump.
import type { LegacySystem } from "../../src/domain/legacy.ts";
import { TABLES } from "./tables.ts";
import { type Charset, UTF8, charsetNamed } from "./dump/charsets.ts";
import { type TableSchema, parseCreateTable } from "./dump/create-table.ts";
import { DumpError } from "./dump/errors.ts";
import { DumpLexer, type RawRow } from "./dump/lexer.ts";
import { valueAt } from "./dump/values.ts";
import { type BadText, BadTextList, InvalidTextError, badFields } from "./bad-text.ts";
import type { DumpRecord } from "./record.ts";
import type { DumpSource } from "./source.ts";

type Insert = { offset: number; line: number; end: number };

export type ScannedTable = {
  name: string;
  columns: string[];
  charset: Charset;
  inserts: Insert[];
  rows: number;
};

/** Where each body row lies in the dump, by article id, in typed arrays (16 bytes a row). */
export class BodyIndex {
  private ids = new Float64Array(1024);
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private count = 0;
  private sorted = true;

  add(id: number, offset: number, length: number, line: number) {
    if (this.count === this.ids.length) {
      const grow = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.ids = grow(this.ids, (n) => new Float64Array(n));
      this.offsets = grow(this.offsets, (n) => new Float64Array(n));
      this.lengths = grow(this.lengths, (n) => new Uint32Array(n));
      this.lines = grow(this.lines, (n) => new Uint32Array(n));
    }
    if (this.count && (this.ids[this.count - 1] as number) >= id) this.sorted = false;
    this.ids[this.count] = id;
    this.offsets[this.count] = offset;
    this.lengths[this.count] = length;
    this.lines[this.count] = line;
    this.count += 1;
  }

  /** Sorts by id once the scan is over (dumps are nearly always in id order already). */
  seal() {
    if (this.sorted) return;
    const order = Array.from({ length: this.count }, (_, i) => i).sort((a, b) => (this.ids[a] as number) - (this.ids[b] as number));
    const pick = <T extends Float64Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.count);
      order.forEach((from, to) => (b[to] = a[from] as number));
      return b;
    };
    this.ids = pick(this.ids, (n) => new Float64Array(n));
    this.offsets = pick(this.offsets, (n) => new Float64Array(n));
    this.lengths = pick(this.lengths, (n) => new Uint32Array(n));
    this.lines = pick(this.lines, (n) => new Uint32Array(n));
    this.sorted = true;
  }

  get size() {
    return this.count;
  }

  /** The first body row of `id` in the dump (the sort is stable), as the first article row of an id is the one imported. */
  find(id: number): { offset: number; length: number; line: number } | null {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.ids[mid] as number) < id) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.count || this.ids[lo] !== id) return null;
    return { offset: this.offsets[lo] as number, length: this.lengths[lo] as number, line: this.lines[lo] as number };
  }
}

/** The article ids of the main table as read (8 bytes a row), to find ids the dump holds more than once. */
class IdList {
  private ids = new Float64Array(1024);
  private count = 0;

  add(id: number) {
    if (this.count === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.count++] = id;
  }

  /** The ids that appear more than once (a dump of a table dumped twice, or of a table without its key). */
  repeated(): Set<number> {
    const sorted = this.ids.slice(0, this.count).sort();
    const out = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) out.add(sorted[i] as number);
    return out;
  }
}

export type Scan = {
  system: LegacySystem;
  prefix: string;
  /** How the text's encoding was decided, for the report. */
  encoding: string;
  main: ScannedTable;
  body: ScannedTable;
  bodies: BodyIndex;
  /** The small tables, whole, by their name without the prefix (arctype, sysconfig…). */
  small: Record<string, DumpRecord[]>;
  /** The kept fields whose text is not valid in the dump's encoding (only with `lenient`: read with U+FFFD). */
  badText: { places: BadText[]; total: number };
  /** Article ids the dump holds more than one row of: only the first is imported. */
  repeatedIds: ReadonlySet<number>;
};

export type ScanOptions = {
  system: LegacySystem;
  encoding?: string;
  prefix?: string;
  /** Read text not valid in the dump's encoding with U+FFFD (and list it) instead of refusing the dump. */
  lenient?: boolean;
  onProgress?: (bytes: number) => void;
};

/** MySQL's binary connection character set: bytes as they are, escaped one at a time. */
const BINARY: Charset = { name: "binary", label: "windows-1252", doubleByte: false };

/** Small tables are kept whole; one past this many rows is not what its name says. */
const SMALL_ROWS = 50_000;

/** A row's values by column name. */
function recordOf(row: RawRow, columns: readonly string[], charset: Charset): DumpRecord {
  if (row.values.length !== columns.length) {
    throw new DumpError(row.line, `a row of \`${row.table}\` has ${row.values.length} values, but the table has ${columns.length} columns`);
  }
  const record: Record<string, ReturnType<typeof valueAt>> = {};
  columns.forEach((c, i) => (record[c] = valueAt(row, i, charset)));
  return record;
}

export async function scanDump(source: DumpSource, opts: ScanOptions): Promise<Scan> {
  const names = TABLES[opts.system];
  const forced = opts.encoding === undefined ? null : charsetNamed(opts.encoding);
  if (opts.encoding !== undefined && !forced) throw new DumpError(0, `unknown --encoding "${opts.encoding}"`);
  const wanted = (table: string, suffix: string) => (opts.prefix === undefined ? table.endsWith(suffix) : table === opts.prefix + suffix);
  const roleOf = (table: string): "main" | "body" | "small" | null => {
    if (wanted(table, names.body)) return "body";
    if (wanted(table, names.main)) return "main";
    return names.small.some((s) => wanted(table, s)) ? "small" : null;
  };
  const textOf = (table: string): ReadonlySet<string> =>
    new Set(Object.entries(names.text as Readonly<Record<string, readonly string[]>>).find(([suffix]) => wanted(table, suffix))?.[1] ?? []);

  const schemas = new Map<string, TableSchema>();
  const tables = new Map<string, ScannedTable>();
  const small = new Map<string, DumpRecord[]>();
  const indexes = new Map<string, BodyIndex>();
  const bad = new Map<string, BadTextList>();
  // Article rows with a field not valid in the dump's encoding: most of them means the encoding is wrong.
  const badRows = new Map<string, number>();
  const mainIds = new Map<string, IdList>();
  // SET NAMES: the character set the dump's bytes are in. "binary" (or none) leaves it to each table's own.
  let dumpCharset: Charset | null = null;
  // SET NAMES also says how the dump was escaped, even when --encoding says how its text reads: MySQL escapes
  // in the connection's character set, so a latin1 or binary dump of tables holding GBK escaped every 0x5C,
  // a GBK character's second byte included (誠, D5 5C, is written D5 5C 5C), and must be read byte by byte.
  let escapedIn: Charset | null = null;
  let encoding = forced ? `--encoding ${forced.name}` : "";
  let current: { table: ScannedTable; role: "main" | "body" | "small" | null; insert: Insert; columns: string[]; text: ReadonlySet<string> } | null = null;

  /** Notes the row's kept fields whose text is not valid; true when it has any. */
  const checkText = (row: RawRow, at: NonNullable<typeof current>, id: number | string | null) => {
    const fields = badFields(row, at.columns, at.text, at.table.charset);
    if (fields.length === 0) return false;
    const list = bad.get(at.table.name) ?? new BadTextList();
    bad.set(at.table.name, list);
    for (const f of fields) list.add({ table: at.table.name, id, field: f.field, line: f.line });
    return true;
  };

  const lexer = new DumpLexer(
    {
      statement(text, line) {
        const setNames = /^SET\s+NAMES\s+['"]?(\w+)/i.exec(text);
        if (setNames?.[1]) {
          const binary = setNames[1].toLowerCase() === "binary";
          escapedIn = binary ? BINARY : charsetNamed(setNames[1]);
          if (forced) return;
          if (binary) {
            dumpCharset = null;
            return;
          }
          dumpCharset = charsetNamed(setNames[1]);
          if (!dumpCharset) throw new DumpError(line, `unknown character set "${setNames[1]}" in SET NAMES`);
          encoding = `SET NAMES ${dumpCharset.name}`;
          lexer.setCharset(dumpCharset);
          return;
        }
        const schema = /^CREATE\s/i.test(text) ? parseCreateTable(text, line) : null;
        if (schema) schemas.set(schema.table, schema);
      },
      insert(insert) {
        const role = roleOf(insert.table);
        const schema = schemas.get(insert.table);
        const columns = insert.columns ?? schema?.columns;
        if (!columns) throw new DumpError(insert.line, `the INSERT into \`${insert.table}\` names no columns, and no CREATE TABLE before it does`);
        let charset = forced ?? dumpCharset;
        if (!charset) {
          const named = schema?.charset ?? null;
          charset = named === null ? UTF8 : charsetNamed(named);
          if (!charset && role !== null) throw new DumpError(schema?.line ?? insert.line, `unknown character set "${named}" for \`${insert.table}\``);
          if (named && charset && !encoding) encoding = `the tables' DEFAULT CHARSET=${named}`;
        }
        charset ??= UTF8;
        if (escapedIn) charset = { ...charset, doubleByte: escapedIn.doubleByte };
        lexer.setCharset(charset);
        const table = tables.get(insert.table) ?? { name: insert.table, columns, charset, inserts: [], rows: 0 };
        tables.set(insert.table, table);
        const entry = { offset: insert.offset, line: insert.line, end: insert.offset };
        table.inserts.push(entry);
        current = { table, role, insert: entry, columns, text: role === null ? new Set() : textOf(insert.table) };
      },
      row(row) {
        const at = current;
        if (!at) return;
        at.table.rows += 1;
        if (at.role === "small") {
          const rows = small.get(at.table.name) ?? [];
          small.set(at.table.name, rows);
          if (rows.length >= SMALL_ROWS) return;
          const record = recordOf(row, at.columns, at.table.charset);
          const first = at.columns[0] === undefined ? null : record[at.columns[0]];
          checkText(row, at, typeof first === "string" || typeof first === "number" ? first : null);
          rows.push(record);
        } else if (at.role === "body") {
          const index = indexes.get(at.table.name) ?? new BodyIndex();
          indexes.set(at.table.name, index);
          const idAt = at.columns.indexOf(names.bodyId);
          const id = idAt >= 0 ? valueAt(row, idAt, at.table.charset) : undefined;
          if (typeof id === "number" && Number.isSafeInteger(id)) index.add(id, row.offset, row.bytes.length, row.line);
          checkText(row, at, typeof id === "number" || typeof id === "string" ? id : null);
        } else if (at.role === "main") {
          if (row.values.length !== at.columns.length) recordOf(row, at.columns, at.table.charset);
          const idAt = at.columns.includes("id") ? at.columns.indexOf("id") : at.columns.indexOf("aid");
          const id = idAt >= 0 ? valueAt(row, idAt, at.table.charset) : undefined;
          if (typeof id === "number") {
            const ids = mainIds.get(at.table.name) ?? new IdList();
            mainIds.set(at.table.name, ids);
            ids.add(id);
          }
          if (checkText(row, at, typeof id === "number" || typeof id === "string" ? id : null)) badRows.set(at.table.name, (badRows.get(at.table.name) ?? 0) + 1);
        }
      },
      insertEnd(_, end) {
        if (current) current.insert.end = end;
        current = null;
      },
    },
    forced ?? UTF8,
  );

  let read = 0;
  for await (const chunk of source.stream(0)) {
    lexer.feed(chunk);
    read += chunk.length;
    opts.onProgress?.(read);
  }
  lexer.end();

  return choose(opts, { tables, small, indexes, bad, badRows, mainIds, encoding: encoding || "utf8 (the dump names no character set)" });
}

/** Picks the one set of the system's tables (one prefix) the dump holds, or says why it cannot. */
function choose(
  opts: ScanOptions,
  found: {
    tables: Map<string, ScannedTable>;
    small: Map<string, DumpRecord[]>;
    indexes: Map<string, BodyIndex>;
    bad: Map<string, BadTextList>;
    badRows: Map<string, number>;
    mainIds: Map<string, IdList>;
    encoding: string;
  },
): Scan {
  const names = TABLES[opts.system];
  const label = opts.system === "dedecms" ? "DedeCMS" : "PHPCMS";
  const prefixes = [...found.tables.keys()]
    .filter((t) => t.endsWith(names.main))
    .map((t) => t.slice(0, -names.main.length))
    .filter((p) => opts.prefix === undefined || p === opts.prefix)
    .filter((p) => found.small.has(p + names.small[0]));
  const needed = `${names.main}, ${names.body}, ${names.small[0]}`;
  if (prefixes.length === 0) {
    throw new DumpError(0, `no ${label} tables (${needed}${opts.prefix !== undefined ? ` with prefix "${opts.prefix}"` : ""}) with rows in the dump`);
  }
  if (prefixes.length > 1) throw new DumpError(0, `several ${label} table sets in the dump (prefixes ${prefixes.map((p) => `"${p}"`).join(", ")}): choose one with --prefix`);
  const prefix = prefixes[0] as string;
  const main = found.tables.get(prefix + names.main) as ScannedTable;
  const body = found.tables.get(prefix + names.body);
  if (!body) throw new DumpError(0, `the dump has \`${prefix}${names.main}\` but no rows of \`${prefix}${names.body}\`, where the bodies are`);
  const sections = found.small.get(prefix + names.small[0]);
  if (!sections?.length) throw new DumpError(0, `the dump has no rows of \`${prefix}${names.small[0]}\`, the sections`);
  const badRows = found.badRows.get(main.name) ?? 0;
  if (badRows > 0 && badRows * 2 > main.rows) {
    // Even --lenient does not import a dump read in the wrong encoding: it would be � throughout.
    throw new DumpError(
      found.bad.get(main.name)?.places[0]?.line ?? 0,
      `${badRows} of ${main.rows} rows of \`${main.name}\` are not valid ${main.charset.name} text: the dump is in another encoding (try --encoding gbk or --encoding utf8)`,
    );
  }
  // The import's own tables only, in dump order: another prefix's are not read.
  const badText = new BadTextList();
  const ours = [main.name, body.name, ...names.small.map((t) => prefix + t)];
  const places = ours.flatMap((t) => found.bad.get(t)?.places ?? []).sort((a, b) => a.line - b.line);
  for (const p of places) badText.add(p);
  badText.total = ours.reduce((n, t) => n + (found.bad.get(t)?.total ?? 0), 0);
  if (badText.total > 0 && !opts.lenient) {
    const table = found.tables.get((places[0] as BadText).table) ?? main;
    throw new InvalidTextError(badText, table.charset.name, found.encoding);
  }
  const bodies = found.indexes.get(body.name) ?? new BodyIndex();
  bodies.seal();
  const small: Record<string, DumpRecord[]> = {};
  for (const s of names.small) small[s] = found.small.get(prefix + s) ?? [];
  const repeatedIds = found.mainIds.get(main.name)?.repeated() ?? new Set<number>();
  return { system: opts.system, prefix, encoding: found.encoding, main, body, bodies, small, badText: { places: badText.places, total: badText.total }, repeatedIds };
}

/** The rows of a table, streamed from its INSERTs, with their values by column. */
export async function* tableRows(source: DumpSource, table: ScannedTable): AsyncGenerator<{ row: RawRow; record: DumpRecord }> {
  const first = table.inserts[0];
  const last = table.inserts[table.inserts.length - 1];
  if (!first || !last) return;
  const queue: { row: RawRow; record: DumpRecord }[] = [];
  let columns = table.columns;
  const lexer = new DumpLexer(
    {
      insert(insert) {
        columns = insert.table === table.name ? (insert.columns ?? table.columns) : [];
      },
      row(row) {
        if (row.table === table.name) queue.push({ row, record: recordOf(row, columns, table.charset) });
      },
    },
    table.charset,
    { offset: first.offset, line: first.line },
  );
  for await (const chunk of source.stream(first.offset, last.end)) {
    lexer.feed(chunk);
    yield* queue.splice(0);
  }
  lexer.end();
  yield* queue.splice(0);
}

/** The body rows of these article ids, read by offset (adjacent ones in one read), by id. */
export async function readBodies(source: DumpSource, scan: Scan, ids: readonly number[]): Promise<Map<number, { row: RawRow; record: DumpRecord }>> {
  const wanted = ids
    .map((id) => ({ id, at: scan.bodies.find(id) }))
    .filter((w): w is { id: number; at: { offset: number; length: number; line: number } } => w.at !== null)
    .sort((a, b) => a.at.offset - b.at.offset);
  const out = new Map<number, { row: RawRow; record: DumpRecord }>();
  // Ranges of rows close together are read at once: a batch's bodies usually lie side by side.
  for (let i = 0; i < wanted.length; ) {
    const start = (wanted[i] as (typeof wanted)[number]).at.offset;
    let j = i;
    let end = start;
    while (j < wanted.length && (wanted[j] as (typeof wanted)[number]).at.offset - end < 65_536) {
      const w = wanted[j] as (typeof wanted)[number];
      end = Math.max(end, w.at.offset + w.at.length);
      j += 1;
    }
    const bytes = await source.read(start, end - start);
    for (const w of wanted.slice(i, j)) {
      let found: RawRow | null = null;
      const lexer = new DumpLexer({ row: (r) => (found = r) }, scan.body.charset, { offset: w.at.offset, line: w.at.line, rowsOf: scan.body.name });
      lexer.feed(bytes.subarray(w.at.offset - start, w.at.offset - start + w.at.length));
      lexer.end();
      const row = found as RawRow | null;
      if (row) out.set(w.id, { row, record: recordOf(row, scan.body.columns, scan.body.charset) });
    }
    i = j;
  }
  return out;
}

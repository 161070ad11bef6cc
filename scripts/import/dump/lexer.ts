// A streaming lexer for the plain-SQL dumps mysqldump and hosting panels write: fed bytes in chunks of any
// size, it hands over every statement but INSERTs as text, and the rows of INSERTs one at a time, as the raw
// bytes of `(…)` with the spans of their values, so a dump of any size is read in memory bounded by its
// largest row. It knows what a dump holds: comments (`-- `, `#`, `/* */`, and `/*!40101 … */`, whose content
// counts), quoted strings and identifiers, MySQL's backslash escapes and doubled quotes, DELIMITER, and the
// double-byte character sets in which a character's second byte can look like a backslash or a quote.
// Anything it cannot read is a DumpError naming the line.
import type { Charset } from "./charsets.ts";
import { DumpError } from "./errors.ts";

/** A value in a row: a quoted string, X'…' hex, b'…' bits, or a bare token (a number, NULL). */
export type ValueKind = "string" | "hex" | "bits" | "bare";

/** Where a value lies in its row's bytes (for strings: between the quotes, escapes not yet applied). */
export type ValueSpan = { kind: ValueKind; start: number; end: number; quote: number };

export type RawRow = {
  table: string;
  /** The row's bytes, from `(` to `)`. */
  bytes: Uint8Array;
  /** Where the row starts in the dump, in bytes, and on which line. */
  offset: number;
  line: number;
  values: ValueSpan[];
};

export type InsertStart = { table: string; columns: string[] | null; offset: number; line: number };

export type LexerHandlers = {
  /** Any statement but an INSERT, as text, with the line it starts on. */
  statement?: (text: string, line: number) => void;
  insert?: (insert: InsertStart) => void;
  row?: (row: RawRow) => void;
  /** An INSERT is over; `end` is the offset just after its last byte. */
  insertEnd?: (table: string, end: number) => void;
};

export type LexerStart = {
  /** The dump offset and line of the first byte fed (when reading from the middle of a dump). */
  offset?: number;
  line?: number;
  /** Start between the rows of an INSERT into this table (to read one row on its own). */
  rowsOf?: string;
};

// Where the lexer is (plain numbers: the project compiles with erasableSyntaxOnly, so no enums).
const State = { Top: 0, Statement: 1, Rows: 2, Row: 3, LineComment: 4, BlockComment: 5 } as const;
type State = (typeof State)[keyof typeof State];

// Where it is within a row.
const Value = { Start: 0, InString: 1, After: 2, Bare: 3 } as const;
type Value = (typeof Value)[keyof typeof Value];

const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKTICK = 0x60;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
// What may follow a backslash in a MySQL string: \0 \' \" \b \n \r \t \Z \\ \% \_ (and, in a double-byte
// character set, a lone first byte).
const ESCAPES = new Set([0x30, 0x27, 0x22, 0x62, 0x6e, 0x72, 0x74, 0x5a, 0x5c, 0x25, 0x5f]);
// The lexer looks this many bytes ahead (`--␠`, `/*!`, `''`, `\x`, a double-byte pair) without waiting for more.
const LOOKAHEAD = 3;

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0b || b === 0x0c;

const latin1 = new TextDecoder("windows-1252");

const INSERT_START = /^\s*(?:INSERT|REPLACE)\b/i;
const INSERT_HEADER =
  /^\s*(?:INSERT|REPLACE)\s+(?:(?:LOW_PRIORITY|DELAYED|HIGH_PRIORITY|IGNORE)\s+)*(?:INTO\s+)?((?:`[^`]+`|\w+)(?:\s*\.\s*(?:`[^`]+`|\w+))?)\s*(?:\(([^)]*)\))?\s*VALUES?\s*$/i;

const unquote = (name: string) => name.trim().replace(/^`|`$/g, "").replaceAll("``", "`");

/** `db`.`table` → table: a dump of one database names tables without their database, mostly. */
const tableName = (qualified: string) => unquote(qualified.split(/`\s*\.\s*`|\s*\.\s*/).pop() ?? qualified);

function concat(parts: readonly Uint8Array[], last: Uint8Array): Uint8Array {
  if (parts.length === 0) return last;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0) + last.length);
  let at = 0;
  for (const p of [...parts, last]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export class DumpLexer {
  private readonly handlers: LexerHandlers;
  /** Reading one row on its own (LexerStart.rowsOf). */
  private readonly single: boolean;
  private charset: Charset;
  private delimiter = ";";

  private data: Uint8Array = new Uint8Array(0);
  /** The index in `data` of the first byte not read yet. */
  private cursor = 0;
  /** The dump offset of data[0]. */
  private base: number;
  private line: number;
  private state: State = State.Top;
  private returnTo: State = State.Top;

  // The statement being read: its bytes so far (earlier chunks in parts), where it started.
  private parts: Uint8Array[] = [];
  private partStart = 0;
  private statementLine = 0;
  private quote = 0;
  private statementFirst = 0;
  private statementOffset = 0;
  private insertChecked = false;
  private isInsert = false;

  // The INSERT being read.
  private table = "";
  private expectRow = false;
  private rowsSeen = 0;
  private rowOffset = 0;
  private rowLine = 0;
  private values: ValueSpan[] = [];
  private value: Value = Value.Start;
  private valueStart = 0;
  private valueKind: ValueKind = "bare";

  constructor(handlers: LexerHandlers, charset: Charset, start: LexerStart = {}) {
    this.handlers = handlers;
    this.charset = charset;
    this.base = start.offset ?? 0;
    this.line = start.line ?? 1;
    this.single = start.rowsOf !== undefined;
    if (start.rowsOf !== undefined) {
      this.table = start.rowsOf;
      this.state = State.Rows;
      // A lone row needs no comma before it and no delimiter after it.
      this.expectRow = true;
    }
  }

  /** The character set bytes are read in from now on (SET NAMES, or the table an INSERT writes to). */
  setCharset(charset: Charset): void {
    this.charset = charset;
  }

  feed(chunk: Uint8Array): void {
    this.run(chunk, false);
  }

  /** No more bytes: anything left open is a dump cut off. */
  end(): void {
    this.run(new Uint8Array(0), true);
    const where = this.table ? ` into \`${this.table}\`` : "";
    switch (this.state) {
      case State.Row:
        throw new DumpError(this.line, `the dump ends inside a row of the INSERT${where} (the row starts at line ${this.rowLine}): it is cut off`);
      case State.Rows:
        if (this.single && this.rowsSeen === 1) return;
        throw new DumpError(this.line, `the dump ends inside the INSERT${where} (no closing ";"): it is cut off`);
      case State.Statement:
        throw new DumpError(this.line, `the dump ends inside a statement that starts at line ${this.statementLine} (no closing "${this.delimiter}")`);
      case State.BlockComment:
        throw new DumpError(this.line, "the dump ends inside a /* comment */");
      default:
    }
  }

  private rel(i: number): number {
    return this.base + i - this.rowOffset;
  }

  private run(chunk: Uint8Array, final: boolean): void {
    // The few bytes not yet read (held back for look-ahead) come first; what a statement or row had read
    // before is in `parts` already, so its next part starts at the window's start.
    const carry = this.data.subarray(this.cursor);
    const data = carry.length ? concat([carry], chunk) : chunk;
    this.base += this.cursor;
    this.partStart = 0;
    this.data = data;
    const limit = final ? data.length : data.length - LOOKAHEAD;
    let i = 0;
    while (i < limit) i = this.step(data, i, final) + 1;
    this.cursor = Math.min(i, data.length);
    if (this.state === State.Statement || this.state === State.Row) {
      this.parts.push(data.slice(this.partStart, this.cursor));
      this.partStart = this.cursor;
    }
  }

  /** Reads the byte at `i` (and any it looks ahead at) and returns the index of the last byte it used. */
  private step(data: Uint8Array, i: number, final: boolean): number {
    const b = data[i] as number;
    switch (this.state) {
      case State.Top:
        return this.top(data, i, b);
      case State.Statement:
        return this.statement(data, i, b);
      case State.Rows:
        return this.rows(data, i, b);
      case State.Row:
        return this.row(data, i, b, final);
      case State.LineComment:
        if (b === NEWLINE) {
          this.line += 1;
          this.state = this.returnTo;
        }
        return i;
      case State.BlockComment:
        if (b === NEWLINE) this.line += 1;
        else if (b === 0x2a && data[i + 1] === 0x2f) {
          this.state = this.returnTo;
          return i + 1;
        }
        return i;
    }
  }

  /** A comment starting at `i`, if one does: where it ends its opening. */
  private comment(data: Uint8Array, i: number, b: number, returnTo: State): number | null {
    const next = data[i + 1];
    if (b === 0x23 || (b === 0x2d && next === 0x2d && (data[i + 2] === undefined || isSpace(data[i + 2] as number)))) {
      this.returnTo = returnTo;
      this.state = State.LineComment;
      return b === 0x23 ? i : i + 1;
    }
    if (b === 0x2f && next === 0x2a && data[i + 2] !== 0x21) {
      this.returnTo = returnTo;
      this.state = State.BlockComment;
      return i + 1;
    }
    return null;
  }

  private top(data: Uint8Array, i: number, b: number): number {
    // A UTF-8 byte order mark (a dump saved from a Windows editor) is no statement: taken for one, it would
    // hide the comment after it, whose apostrophes would open strings.
    if (this.base + i === 0 && b === 0xef && data[i + 1] === 0xbb && data[i + 2] === 0xbf) return i + 2;
    if (isSpace(b)) {
      if (b === NEWLINE) this.line += 1;
      return i;
    }
    const comment = this.comment(data, i, b, State.Top);
    if (comment !== null) return comment;
    if (b === 0x3b) return i;
    // Any other byte starts a statement (a `/*!40101 … */` one too: its content is the statement).
    this.state = State.Statement;
    this.parts = [];
    this.partStart = i;
    this.statementLine = this.line;
    this.statementOffset = this.base + i;
    this.statementFirst = b;
    this.quote = 0;
    this.insertChecked = false;
    this.isInsert = false;
    return this.statement(data, i, b);
  }

  private statementText(data: Uint8Array, end: number): string {
    const bytes = concat(this.parts, data.subarray(this.partStart, end));
    return new TextDecoder(this.charset.label).decode(bytes);
  }

  private atDelimiter(data: Uint8Array, i: number, b: number): boolean {
    if (this.delimiter === ";") return b === 0x3b;
    for (let k = 0; k < this.delimiter.length; k++) if (data[i + k] !== this.delimiter.charCodeAt(k)) return false;
    return true;
  }

  private statement(data: Uint8Array, i: number, b: number): number {
    if (this.quote !== 0) {
      if (this.charset.doubleByte && b >= 0x81 && b <= 0xfe) return i + 1;
      if (b === NEWLINE) this.line += 1;
      if (b === BACKSLASH && this.quote !== BACKTICK) {
        if (data[i + 1] === NEWLINE) this.line += 1;
        return i + 1;
      }
      if (b === this.quote) {
        if (data[i + 1] === this.quote) return i + 1;
        this.quote = 0;
      }
      return i;
    }
    if (b === QUOTE || b === DOUBLE_QUOTE || b === BACKTICK) {
      this.quote = b;
      return i;
    }
    if (b === NEWLINE) {
      this.line += 1;
      // DELIMITER is a command of the mysql client, one line long, not SQL: it changes what ends a statement.
      const text = this.statementFirst === 0x44 || this.statementFirst === 0x64 ? this.statementText(data, i) : "";
      const delimiter = /^\s*DELIMITER\s+(\S+)\s*$/i.exec(text);
      if (delimiter?.[1]) {
        this.delimiter = delimiter[1];
        this.state = State.Top;
        this.parts = [];
      }
      return i;
    }
    if (b === 0x28 && !this.insertChecked) {
      this.insertChecked = true;
      this.isInsert = INSERT_START.test(this.statementText(data, i));
    }
    if (b === 0x28 && this.isInsert) {
      const header = INSERT_HEADER.exec(this.statementText(data, i).replace(/\/\*!\d*|\*\//g, " "));
      if (header?.[1]) {
        this.table = tableName(header[1]);
        const columns = header[2] === undefined ? null : header[2].split(",").map(unquote);
        this.handlers.insert?.({ table: this.table, columns, offset: this.statementOffset, line: this.statementLine });
        this.parts = [];
        this.state = State.Rows;
        this.expectRow = true;
        this.rowsSeen = 0;
        return this.rows(data, i, b);
      }
    }
    if (this.atDelimiter(data, i, b)) {
      // `DELIMITER ;;` ends at its line's end, not at the delimiter it names.
      if ((this.statementFirst === 0x44 || this.statementFirst === 0x64) && /^\s*DELIMITER\s/i.test(this.statementText(data, i))) return i;
      const text = this.statementText(data, i).replace(/\/\*!\d*|\*\//g, " ").trim();
      this.parts = [];
      this.state = State.Top;
      if (text) this.handlers.statement?.(text, this.statementLine);
      return i + this.delimiter.length - 1;
    }
    return i;
  }

  private rows(data: Uint8Array, i: number, b: number): number {
    if (isSpace(b)) {
      if (b === NEWLINE) this.line += 1;
      return i;
    }
    const comment = this.comment(data, i, b, State.Rows);
    if (comment !== null) return comment;
    const into = `the INSERT into \`${this.table}\``;
    if (b === 0x28) {
      if (!this.expectRow) throw new DumpError(this.line, `a "," is missing between two rows of ${into}`);
      this.state = State.Row;
      this.partStart = i;
      this.parts = [];
      this.rowOffset = this.base + i;
      this.rowLine = this.line;
      this.values = [];
      this.value = Value.Start;
      return i;
    }
    if (b === 0x2c && !this.expectRow) {
      this.expectRow = true;
      return i;
    }
    if (this.atDelimiter(data, i, b) && !this.expectRow) {
      this.state = State.Top;
      this.handlers.insertEnd?.(this.table, this.base + i + this.delimiter.length);
      this.table = "";
      return i + this.delimiter.length - 1;
    }
    const shown = b >= 0x20 && b < 0x7f ? `"${String.fromCharCode(b)}"` : `byte 0x${b.toString(16)}`;
    const expected = this.expectRow ? "a row" : `"," or "${this.delimiter}"`;
    throw new DumpError(this.line, `${into} has ${shown} where ${expected} should be`);
  }

  private pushValue(kind: ValueKind, start: number, end: number, quote: number) {
    this.values.push({ kind, start, end, quote });
  }

  private endRow(data: Uint8Array, i: number) {
    const bytes = concat(this.parts, data.subarray(this.partStart, i + 1));
    this.parts = [];
    this.state = State.Rows;
    this.expectRow = false;
    this.rowsSeen += 1;
    this.handlers.row?.({ table: this.table, bytes, offset: this.rowOffset, line: this.rowLine, values: this.values });
  }

  private row(data: Uint8Array, i: number, b: number, final: boolean): number {
    const where = () => `in a row of the INSERT into \`${this.table}\` (the row starts at line ${this.rowLine})`;
    switch (this.value) {
      case Value.Start:
        if (isSpace(b)) {
          if (b === NEWLINE) this.line += 1;
          return i;
        }
        if (b === QUOTE || b === DOUBLE_QUOTE) {
          this.valueKind = "string";
          this.quote = b;
          this.valueStart = this.rel(i + 1);
          this.value = Value.InString;
          return i;
        }
        if (b === 0x29 && this.values.length === 0) {
          this.endRow(data, i);
          return i;
        }
        if (b === 0x2c || b === 0x29 || b === 0x28) throw new DumpError(this.line, `a value is missing ${where()}`);
        this.valueKind = "bare";
        this.valueStart = this.rel(i);
        this.value = Value.Bare;
        return i;
      case Value.InString: {
        if (this.charset.doubleByte && b >= 0x81 && b <= 0xfe) return i + 1;
        if (b === NEWLINE) this.line += 1;
        if (b === BACKSLASH) {
          const next = data[i + 1];
          if (next === undefined && final) return i;
          // MySQL escapes a lone first byte of a double-byte character (GBK D0 not followed by a second byte),
          // so that no escape can make it a character with the byte after it.
          const loneLead = this.charset.doubleByte && next !== undefined && next >= 0x81 && next <= 0xfe;
          if (next === undefined || (!ESCAPES.has(next) && !loneLead)) {
            const shown = next !== undefined && next >= 0x20 && next < 0x7f ? String.fromCharCode(next) : `byte 0x${(next ?? 0).toString(16)}`;
            // In GBK, Big5 and GB18030 a character's second byte can be 0x5C: read as UTF-8 it looks like this.
            const before = data[i - 1] ?? 0;
            const hint = !this.charset.doubleByte && before >= 0x81 ? `; a backslash right after byte 0x${before.toString(16)} means the dump is GBK or Big5 (try --encoding gbk)` : "";
            throw new DumpError(this.line, `unknown escape "\\${shown}" in a string ${where()}${hint}`);
          }
          return i + 1;
        }
        if (b === this.quote) {
          if (data[i + 1] === this.quote) return i + 1;
          this.pushValue(this.valueKind, this.valueStart, this.rel(i), this.quote);
          this.value = Value.After;
        }
        return i;
      }
      case Value.Bare: {
        if (b === QUOTE) {
          // X'4142', b'0101', or a character set introducer: _binary'…', _utf8mb4'…', N'…'.
          const token = latin1.decode(this.rowBytes(data, this.valueStart, this.rel(i)));
          const kind: ValueKind | null = /^x$/i.test(token) ? "hex" : /^b$/i.test(token) ? "bits" : /^(?:_\w+|n)$/i.test(token) ? "string" : null;
          if (kind === null) throw new DumpError(this.line, `unexpected quote after "${token}" ${where()}`);
          this.valueKind = kind;
          this.quote = QUOTE;
          this.valueStart = this.rel(i + 1);
          this.value = Value.InString;
          return i;
        }
        if (b === 0x2c || b === 0x29 || isSpace(b)) {
          this.pushValue("bare", this.valueStart, this.rel(i), 0);
          this.value = Value.After;
          return this.row(data, i, b, final);
        }
        if (b === 0x28) throw new DumpError(this.line, `unexpected "(" ${where()}`);
        return i;
      }
      case Value.After:
        if (isSpace(b)) {
          if (b === NEWLINE) this.line += 1;
          return i;
        }
        if (b === 0x2c) {
          this.value = Value.Start;
          return i;
        }
        if (b === 0x29) {
          this.endRow(data, i);
          return i;
        }
        if (b === QUOTE && this.introducerBefore(data)) {
          // `_binary 'abc'`: the introducer and its string, a space apart.
          this.values.pop();
          this.valueKind = "string";
          this.quote = QUOTE;
          this.valueStart = this.rel(i + 1);
          this.value = Value.InString;
          return i;
        }
        throw new DumpError(this.line, `unexpected ${b >= 0x20 && b < 0x7f ? `"${String.fromCharCode(b)}"` : `byte 0x${b.toString(16)}`} after a value ${where()}`);
    }
  }

  /** Whether the last value read is a character set introducer such as `_binary`. */
  private introducerBefore(data: Uint8Array): boolean {
    const last = this.values[this.values.length - 1];
    if (!last || last.kind !== "bare") return false;
    return /^_\w+$/.test(latin1.decode(this.rowBytes(data, last.start, last.end)));
  }

  /** Bytes `start`..`end` of the row being read (offsets relative to the row), wherever they now are. */
  private rowBytes(data: Uint8Array, start: number, end: number): Uint8Array {
    const row = concat(this.parts, data.subarray(this.partStart, end + this.rowOffset - this.base));
    return row.subarray(start, end);
  }
}

// Text that is not valid in the encoding a dump is read in, found by the scan in the fields an import keeps,
// before anything is written: by default it stops the import there; with --lenient each such field is read
// with U+FFFD in place of what cannot be read, and listed in the report.
import type { Charset } from "./dump/charsets.ts";
import { DumpError } from "./dump/errors.ts";
import type { RawRow } from "./dump/lexer.ts";
import { isValidText, valueBytes } from "./dump/values.ts";

/** A field whose bytes are not valid text: its table, the row's id (or first value), the line it is on. */
export type BadText = { table: string; id: number | string | null; field: string; line: number };

/** The places found, in dump order, kept up to a bound (a dump read in the wrong encoding has one a row). */
export class BadTextList {
  static readonly KEEP = 10_000;
  readonly places: BadText[] = [];
  total = 0;

  add(place: BadText) {
    this.total += 1;
    if (this.places.length < BadTextList.KEEP) this.places.push(place);
  }
}

const NEWLINE = 0x0a;

/** The fields among `wanted` of a row whose text is not valid in `charset`, each with the line it starts on. */
export function badFields(row: RawRow, columns: readonly string[], wanted: ReadonlySet<string>, charset: Charset): { field: string; line: number }[] {
  const out: { field: string; line: number }[] = [];
  columns.forEach((column, i) => {
    if (!wanted.has(column)) return;
    const bytes = valueBytes(row, i, charset);
    if (bytes === null || isValidText(bytes, charset)) return;
    const start = row.values[i]?.start ?? 0;
    let line = row.line;
    for (let at = row.bytes.indexOf(NEWLINE); at !== -1 && at < start; at = row.bytes.indexOf(NEWLINE, at + 1)) line += 1;
    out.push({ field: column, line });
  });
  return out;
}

/** One place as the report and the error name it: "the title of `dede_archives` id 731". */
export const placeName = (p: BadText) => `the ${p.field} of \`${p.table}\`${p.id === null ? "" : ` id ${p.id}`}`;

/** The import stops here: text in the dump that is not valid in the encoding it is read in. */
export class InvalidTextError extends DumpError {
  readonly places: readonly BadText[];
  readonly total: number;

  constructor(found: BadTextList, charset: string, encoding: string) {
    const first = found.places[0] as BadText;
    const more = found.total - 1;
    super(
      first.line,
      `${placeName(first)} is not valid ${charset} text, the encoding the dump is read in (${encoding})` +
        `${more ? `, and neither ${more === 1 ? "is 1 more field" : `are ${more} more fields`}` : ""}: ` +
        "if the dump is in another encoding, name it (--encoding utf8, gbk…); to import it with � for each character " +
        "that cannot be read, every field listed in the report: --lenient",
    );
    this.name = "InvalidTextError";
    this.places = found.places;
    this.total = found.total;
  }
}

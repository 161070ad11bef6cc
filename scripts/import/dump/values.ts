// The values of a dump row as JavaScript values: strings unescaped (MySQL's rules) and decoded from the
// dump's character set, numbers as numbers, NULL as null.
import type { Charset } from "./charsets.ts";
import type { RawRow, ValueSpan } from "./lexer.ts";

export type DumpValue = string | number | null;

const BACKSLASH = 0x5c;

// MySQL string escapes (https://dev.mysql.com/doc/refman/8.4/en/string-literals.html). \% and \_ keep their
// backslash: outside LIKE patterns MySQL reads them as the two characters.
const UNESCAPE: Record<number, number[]> = {
  0x30: [0x00], // \0
  0x27: [0x27], // \'
  0x22: [0x22], // \"
  0x62: [0x08], // \b
  0x6e: [0x0a], // \n
  0x72: [0x0d], // \r
  0x74: [0x09], // \t
  0x5a: [0x1a], // \Z
  0x5c: [0x5c], // \\
  0x25: [0x5c, 0x25], // \%
  0x5f: [0x5c, 0x5f], // \_
};

/** A string value's bytes with its escapes and doubled quotes applied. */
function unescapeBytes(bytes: Uint8Array, span: ValueSpan, charset: Charset): Uint8Array {
  const raw = bytes.subarray(span.start, span.end);
  if (raw.indexOf(BACKSLASH) === -1 && raw.indexOf(span.quote) === -1) return raw;
  const out = new Uint8Array(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const b = raw[i] as number;
    if (charset.doubleByte && b >= 0x81 && b <= 0xfe && i + 1 < raw.length) {
      out[n++] = b;
      out[n++] = raw[++i] as number;
    } else if (b === BACKSLASH && i + 1 < raw.length) {
      // Any other escaped byte is itself, as MySQL reads it (the lexer lets only a lone double-byte lead through).
      const escaped = raw[++i] as number;
      for (const u of UNESCAPE[escaped] ?? [escaped]) out[n++] = u;
    } else if (b === span.quote && raw[i + 1] === span.quote) {
      out[n++] = b;
      i += 1;
    } else out[n++] = b;
  }
  return out.subarray(0, n);
}

const decoders = new Map<string, TextDecoder>();
const strictDecoders = new Map<string, TextDecoder>();

/** Text in `charset`; bytes that are not valid in it become U+FFFD. */
function decodeText(bytes: Uint8Array, charset: Charset): string {
  let decoder = decoders.get(charset.label);
  if (!decoder) decoders.set(charset.label, (decoder = new TextDecoder(charset.label)));
  return decoder.decode(bytes);
}

/** Whether the bytes are valid text in `charset` (a dump read in the wrong one mostly is not). */
export function isValidText(bytes: Uint8Array, charset: Charset): boolean {
  let decoder = strictDecoders.get(charset.label);
  if (!decoder) strictDecoders.set(charset.label, (decoder = new TextDecoder(charset.label, { fatal: true, ignoreBOM: false })));
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const latin1 = new TextDecoder("windows-1252");

function hexBytes(hex: string): Uint8Array {
  const clean = hex.length % 2 ? `0${hex}` : hex;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** The bytes of a string or hex value, unescaped, before any decoding (null for NULL or a number). */
export function valueBytes(row: RawRow, index: number, charset: Charset): Uint8Array | null {
  const span = row.values[index];
  if (!span) return null;
  if (span.kind === "string") return unescapeBytes(row.bytes, span, charset);
  const token = latin1.decode(row.bytes.subarray(span.start, span.end));
  if (span.kind === "hex") return /^[0-9a-f]*$/i.test(token) ? hexBytes(token) : null;
  if (span.kind === "bare" && /^0x[0-9a-f]+$/i.test(token)) return hexBytes(token.slice(2));
  return null;
}

/** Value `index` of `row` (undefined when the row has fewer values). */
export function valueAt(row: RawRow, index: number, charset: Charset): DumpValue | undefined {
  const span = row.values[index];
  if (!span) return undefined;
  if (span.kind === "string" || span.kind === "hex") return decodeText(valueBytes(row, index, charset) ?? new Uint8Array(0), charset);
  const token = latin1.decode(row.bytes.subarray(span.start, span.end));
  if (span.kind === "bits") return token === "" ? 0 : parseInt(token, 2);
  if (/^null$/i.test(token)) return null;
  if (/^true$/i.test(token)) return 1;
  if (/^false$/i.test(token)) return 0;
  if (/^0x[0-9a-f]+$/i.test(token)) return decodeText(hexBytes(token.slice(2)), charset);
  if (NUMBER.test(token)) {
    const n = Number(token);
    // Integers past 2^53 (BIGINT) keep their digits rather than lose them.
    return Number.isSafeInteger(n) || !/^[+-]?\d+$/.test(token) ? n : token;
  }
  return token;
}

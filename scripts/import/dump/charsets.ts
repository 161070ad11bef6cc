// MySQL character sets as a dump names them (SET NAMES, DEFAULT CHARSET=…), and how to read their bytes.

export type Charset = {
  /** The MySQL name, as the dump spells it (lower case). */
  name: string;
  /** The WHATWG encoding label TextDecoder knows it by. */
  label: string;
  /**
   * GBK, GB18030 and Big5 characters are two bytes whose second byte may be `\` (0x5C) or `'`: a lexer must
   * take a lead byte (0x81–0xFE) and the byte after it together, or it would read an escape that is not there.
   */
  doubleByte: boolean;
};

const KNOWN: Record<string, Omit<Charset, "name">> = {
  utf8: { label: "utf-8", doubleByte: false },
  utf8mb3: { label: "utf-8", doubleByte: false },
  utf8mb4: { label: "utf-8", doubleByte: false },
  "utf-8": { label: "utf-8", doubleByte: false },
  // GB2312 is a subset of GBK; WHATWG decodes both (and "gb2312" labels) as GBK.
  gbk: { label: "gbk", doubleByte: true },
  gb2312: { label: "gbk", doubleByte: true },
  gb18030: { label: "gb18030", doubleByte: true },
  big5: { label: "big5", doubleByte: true },
  // MySQL's latin1 is Windows-1252; ascii is its lower half.
  latin1: { label: "windows-1252", doubleByte: false },
  ascii: { label: "windows-1252", doubleByte: false },
};

/** The character set a dump names, or null for one this importer cannot read. */
export function charsetNamed(name: string): Charset | null {
  const key = name.toLowerCase();
  const known = KNOWN[key];
  return known ? { name: key, ...known } : null;
}

export const UTF8: Charset = { name: "utf8", label: "utf-8", doubleByte: false };

/** Names accepted by --encoding, for its help text and error. */
export const CHARSET_NAMES = Object.keys(KNOWN);

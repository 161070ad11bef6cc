// Rules for text an editor types: what counts as a character, what is invisible, what may stand in one line.
// Each set of characters is written once, as a class, so text-patterns.ts can state the same rules as the
// JSON Schema patterns the API document publishes.

/**
 * Characters that show nothing on their own: spaces, format and default-ignorable code points (zero-width
 * spaces, bidi marks, U+3164 HANGUL FILLER, U+00AD soft hyphen, U+034F, U+2060–2064, tag characters),
 * combining marks without a base, and U+2800 BRAILLE PATTERN BLANK, which renders as a space.
 */
export const INVISIBLE_CLASS = String.raw`\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\u2800`;
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, "u");
/** The bidi overrides and isolates, which can make a title read differently from what it is. */
export const BIDI_CONTROLS_CLASS = String.raw`\u202a-\u202e\u2066-\u2069`;
// Trimmed from the ends of a line — but not the bidi overrides and isolates, which are refused wherever
// they stand (NOT_IN_LINE), so a hostile one is reported rather than quietly dropped.
export const TRIMMABLE = String.raw`(?:(?![${BIDI_CONTROLS_CLASS}])[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cf}\u2800])`;
const INVISIBLE_AT_ENDS = new RegExp(`^${TRIMMABLE}+|${TRIMMABLE}+$`, "gu");

/** True when the text shows at least one character: a title of zero-width spaces is empty. */
export function hasVisibleText(text: string): boolean {
  for (const ch of text) if (!INVISIBLE.test(ch)) return true;
  return false;
}

/** Trims what would show as nothing at either end, invisible characters included, not only spaces. */
export const trimInvisible = (text: string): string => text.replace(INVISIBLE_AT_ENDS, "");

/** Length in characters (code points), as readers count them: 100 emoji are 100, not 200 UTF-16 units. */
export function codePointLength(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs += 1;
        i += 1;
      }
    }
  }
  return text.length - surrogatePairs;
}

/** UTF-8 size, the unit D1's limits are in. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Not allowed in one line of text: control characters, line and paragraph separators, and the bidi
 * overrides and isolates that can make a title read differently from what it is.
 */
export const NOT_IN_LINE_CLASS = String.raw`\u0000-\u001f\u007f-\u009f\u2028\u2029${BIDI_CONTROLS_CLASS}`;
export const NOT_IN_LINE = new RegExp(`[${NOT_IN_LINE_CLASS}]`, "u");

/** Not allowed in multi-line text (a body, a summary): control characters other than tab and newlines. */
export const CONTROL_EXCEPT_NEWLINES_CLASS = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f`;
export const CONTROL_EXCEPT_NEWLINES = new RegExp(`[${CONTROL_EXCEPT_NEWLINES_CLASS}]`, "u");

/**
 * UTF-8 size of `text` as a JSON string (RFC 8259 §7, as JSON.stringify writes it): a quote, a backslash and
 * \b \f \n \r \t take two bytes, other control characters six. Revisions and stored Idempotency-Key answers
 * keep the body in this form, so it is the size D1's row limit sees there.
 */
export function jsonStringBytes(text: string): number {
  let extra = 2;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x22 || unit === 0x5c || unit === 0x08 || unit === 0x0c || unit === 0x0a || unit === 0x0d || unit === 0x09) extra += 1;
    else if (unit < 0x20) extra += 5;
  }
  return utf8Bytes(text) + extra;
}

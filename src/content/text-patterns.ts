// The rules of text.ts for one line and for multi-line text, stated as JSON Schema patterns (ECMA-262 with
// the u flag, as JSON Schema validators compile them), for the API document. A client that checks its input
// against them is refused by the server for no text a pattern allows, and accepted for none it forbids: each
// pattern trims the ends, counts the characters left and checks what may stand in the middle exactly as the
// valibot schemas do, from the same character classes.
import { CONTROL_EXCEPT_NEWLINES_CLASS, INVISIBLE_CLASS, NOT_IN_LINE_CLASS, TRIMMABLE } from "./text.ts";

// A lone UTF-16 surrogate (in u mode a paired one is one code point, outside this range): not text.
const LONE_SURROGATE = String.raw`\ud800-\udfff`;

/**
 * Text whose invisible ends are trimmed, then at most `max` characters of `allowed` are left: what is trimmed
 * may stand at either end (`\n` after a title, a zero-width space before it), and the first and last
 * characters left are the ones trimming stopped at.
 */
function trimmedText(max: number, allowed: string, opts: { visible: boolean }): string {
  const inner = `[^${allowed}${LONE_SURROGATE}]`;
  const edge = `(?!${TRIMMABLE})${inner}`;
  const core = max === 1 ? edge : `${edge}(?:${inner}{0,${max - 2}}${edge})?`;
  // Something that shows: a character that is not invisible, which trimming can only have left in the core.
  const visible = opts.visible ? `(?=[\\s\\S]*[^${INVISIBLE_CLASS}${LONE_SURROGATE}])` : "";
  return `^${visible}${TRIMMABLE}*(?:${core})?${TRIMMABLE}*$`;
}

/** One line of at most `max` characters once trimmed; `visible`: it must show something; `refused`: more characters it may not hold. */
export const linePattern = (max: number, opts: { visible?: boolean; refused?: string } = {}) =>
  trimmedText(max, NOT_IN_LINE_CLASS + (opts.refused ?? ""), { visible: opts.visible ?? false });

/** Text that may run over lines (a summary), at most `max` characters once trimmed. */
export const trimmedTextPattern = (max: number) => trimmedText(max, CONTROL_EXCEPT_NEWLINES_CLASS, { visible: false });

/** Text kept as it is sent (a body): no control characters but tabs and newlines; its length is a maxLength. */
export const untrimmedTextPattern = `^[^${CONTROL_EXCEPT_NEWLINES_CLASS}${LONE_SURROGATE}]*$`;

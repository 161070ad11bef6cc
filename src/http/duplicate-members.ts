// Finds an object member named twice in a JSON text. RFC 8259 §4 says names SHOULD be unique and that
// parsers disagree on duplicates (JSON.parse keeps the last, others the first or refuse): a body two readers
// can read differently is refused, so that what is stored, and the Idempotency-Key fingerprint made of it,
// has one reading. A scan, not a second parse: strings are skipped with indexOf, values are never built.

type Frame =
  /** An object: the names seen so far, the current one, and whether the next string is a name. */
  | { names: Set<string>; name: string; expectsName: boolean }
  /** An array: the index of the current element. */
  | { names: null; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index of the quote that closes the string opening at `start` (the end of the text, were there none). */
function closingQuote(text: string, start: number): number {
  for (let at = text.indexOf('"', start + 1); ; at = text.indexOf('"', at + 1)) {
    if (at === -1) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
}

const pathOf = (stack: readonly Frame[], last: string) =>
  [...stack.slice(0, -1).map((f) => (f.names ? f.name : String(f.index))), last].join(".");

/**
 * The dotted path (`bylines.0.name`, as validation errors give paths) of the first member whose name its
 * object already has, comparing names as decoded (`"t"` and `"\u0074"` are one name); null when there is none.
 * `text` must be JSON that JSON.parse accepted.
 */
export function duplicateMemberPath(text: string): string | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (text.charCodeAt(i) === QUOTE) {
      const end = closingQuote(text, i);
      if (top?.names && top.expectsName) {
        const raw = text.slice(i + 1, end);
        const name: string = raw.includes("\\") ? JSON.parse(text.slice(i, end + 1)) : raw;
        if (top.names.has(name)) return pathOf(stack, name);
        top.names.add(name);
        top.name = name;
        top.expectsName = false;
      }
      i = end;
    } else if (c === "{") stack.push({ names: new Set(), name: "", expectsName: true });
    else if (c === "[") stack.push({ names: null, index: 0 });
    else if (c === "}" || c === "]") stack.pop();
    else if (c === "," && top) {
      if (top.names) top.expectsName = true;
      else top.index++;
    }
  }
  return null;
}

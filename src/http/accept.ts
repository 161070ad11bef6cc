// The Accept header as RFC 9110 §12.5.1 defines it: media ranges with q-values, the most specific range
// deciding each type's quality. Used to choose between the HTML error page and the JSON error body.

export type MediaRange = { type: string; subtype: string; q: number };

// RFC 9110 §5.6.2 token, §5.6.4 quoted-string, §12.4.2 qvalue.
const TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
const RANGE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);
const PARAMETER = new RegExp(`^(${TOKEN})=(?:${TOKEN}|"(?:[^"\\\\]|\\\\.)*")$`);
const QVALUE = /^(?:0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?)$/;

/** Splits on `separator` outside quoted strings, so a parameter `x="a,b"` stays in one piece. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === "\\") i++;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** One list member, or null when it is malformed (so it is ignored, not guessed at). */
function parseRange(member: string): MediaRange | null {
  const [range = "", ...parameters] = splitOutsideQuotes(member, ";").map((part) => part.trim());
  const match = RANGE.exec(range.toLowerCase());
  if (!match?.[1] || !match[2]) return null;
  const [, type, subtype] = match;
  if (type === "*" && subtype !== "*") return null;
  let q = 1;
  for (const parameter of parameters) {
    // §5.6.6: `parameters = *( OWS ";" OWS [ parameter ] )`, so an empty one is allowed.
    if (parameter === "") continue;
    if (!PARAMETER.test(parameter)) return null;
    const [name = "", value = ""] = parameter.split("=", 2);
    if (name.toLowerCase() !== "q") continue;
    if (!QVALUE.test(value)) return null;
    q = Number(value);
  }
  return { type, subtype, q };
}

/** Every well-formed media range, in the order sent. Empty list members are allowed (§5.6.1) and skipped. */
export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const member of splitOutsideQuotes(header, ",")) {
    if (member.trim() === "") continue;
    const range = parseRange(member);
    if (range) ranges.push(range);
  }
  return ranges;
}

export type Match = { q: number; specificity: number };

/** Preferred by q, then by the more specific range. */
const ahead = (a: Match, b: Match) => a.q > b.q || (a.q === b.q && a.specificity > b.specificity);

/**
 * How `mediaType` (e.g. "text/html") is accepted: the q of the most specific range that matches it, so
 * `text/html;q=0, *\/*` refuses HTML and accepts anything else, and how specific that range was
 * (3 the type itself, 2 `text/*`, 1 `*\/*`, 0 no match and q 0). Media-type parameters other than q are
 * ignored: the types offered here have none.
 */
export function match(ranges: readonly MediaRange[], mediaType: string): Match {
  const [type, subtype] = mediaType.toLowerCase().split("/");
  let best: Match = { q: 0, specificity: 0 };
  for (const range of ranges) {
    const specificity =
      range.type === "*" ? 1 : range.type !== type ? 0 : range.subtype === "*" ? 2 : range.subtype === subtype ? 3 : 0;
    if (specificity > best.specificity || (specificity > 0 && specificity === best.specificity && range.q > best.q)) {
      best = { q: range.q, specificity };
    }
  }
  return best;
}

/**
 * True when the client prefers JSON to HTML: application/json (or a `+json` type it names, such as
 * application/problem+json) acceptable and ahead of text/html by q, or at the same q by a more specific
 * range (`application/json, *\/*` names JSON and merely tolerates HTML). No Accept, or none that parses,
 * means any type (§12.5.1), so the HTML page.
 */
export function prefersJson(header: string | undefined): boolean {
  const ranges = parseAccept(header ?? "");
  const named = ranges.filter((r) => r.type !== "*" && r.subtype.endsWith("+json")).map((r) => ({ q: r.q, specificity: 3 }));
  const json = [match(ranges, "application/json"), ...named].reduce((best, m) => (ahead(m, best) ? m : best));
  return json.q > 0 && ahead(json, match(ranges, "text/html"));
}

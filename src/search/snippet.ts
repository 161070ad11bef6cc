// Where a query matched in a text, in the text's own characters: the text is tokenized as the index
// tokenized it, the query's phrases are found among its tokens, and each match is mapped back to the
// original characters — so 巩固 highlights 鞏固 in a traditional article, ＡＢＣ highlights ＡＢＣ, and 区
// highlights 区 alone inside 城区. Then the stretch of text with the most of the query is cut out.
import type { Phrase } from "./query.ts";
import { type Token, tokensOf } from "./tokens.ts";

/** A piece of text, marked when it is what the query matched. */
export type Segment = { text: string; mark: boolean };

/** A match: which phrase, and the characters [start, end) of the original text (UTF-16 offsets). */
type Match = { phrase: number; start: number; end: number };

/** How many characters a snippet shows around its matches. */
export const SNIPPET_CHARS = 120;
/** How far before the first match a snippet starts, when no sentence begins closer. */
const LEAD_IN = 24;
/**
 * Where a snippet may start, per phrase of the query: enough to choose a window, bounded for a body that
 * repeats a word. Per phrase, and every match still counts inside a window, so that one word repeated
 * early does not hide the place where all of the query stands together.
 */
const MAX_STARTS = 40;

function tokenMatches(token: Token, wanted: string, prefix: boolean): boolean {
  return prefix ? token.text.startsWith(wanted) : token.text === wanted;
}

/** Every place a phrase's tokens stand consecutively in the text, in order of where they start. */
function matchesOf(text: string, phrases: readonly Phrase[]): Match[] {
  const tokens = tokensOf(text);
  const found: Match[] = [];
  for (let i = 0; i < tokens.length; i++) {
    phrases.forEach((phrase, p) => {
      const n = phrase.tokens.length;
      for (let k = 0; k < n; k++) {
        const token = tokens[i + k];
        if (!token || !tokenMatches(token, phrase.tokens[k] as string, phrase.prefix && k === n - 1)) return;
      }
      const first = tokens[i] as Token;
      const last = tokens[i + n - 1] as Token;
      // A one-character prefix matches the first character of a pair: only that character is marked.
      const end = phrase.prefix && last.text.length > (phrase.tokens[n - 1] as string).length ? last.headEnd : last.end;
      found.push({ phrase: p, start: first.start, end });
    });
  }
  return found;
}

/** The text as segments, the matched parts marked (overlapping matches merged). */
function segmentsOf(text: string, matches: readonly Match[], from = 0, to = text.length): Segment[] {
  const ranges = matches
    .filter((m) => m.end > from && m.start < to)
    .map((m) => [Math.max(m.start, from), Math.min(m.end, to)] as const)
    .sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= at) continue;
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(Math.max(start, at), end), mark: true });
    at = end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), mark: false });
  return segments;
}

/** A whole short text (a title) with what matched marked. */
export function highlight(text: string, phrases: readonly Phrase[]): Segment[] {
  return segmentsOf(text, matchesOf(text, phrases));
}

const SENTENCE_END = /[。！？!?；;\n]/;

/** Not inside a surrogate pair. */
const onBoundary = (text: string, at: number) => {
  const unit = text.charCodeAt(at);
  return at <= 0 || at >= text.length || !(unit >= 0xdc00 && unit <= 0xdfff) ? at : at - 1;
};

/** How many different phrases match wholly within [from, to): `matches` are in order of where they start. */
function phrasesWithin(matches: readonly Match[], from: number, to: number): number {
  let lo = 0;
  for (let hi = matches.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as Match).start < from) lo = mid + 1;
    else hi = mid;
  }
  const seen = new Set<number>();
  for (let k = lo; k < matches.length && (matches[k] as Match).start < to; k++) if ((matches[k] as Match).end <= to) seen.add((matches[k] as Match).phrase);
  return seen.size;
}

/** Where a snippet showing the match at `start` begins: after a sentence end shortly before it, else a little before. */
function windowStart(text: string, start: number): number {
  for (let at = start - 1; at >= Math.max(0, start - LEAD_IN * 2); at--) if (SENTENCE_END.test(text[at] ?? "")) return at + 1;
  return onBoundary(text, Math.max(0, start - LEAD_IN));
}

/**
 * The stretch of `text` (about SNIPPET_CHARS long) holding the most different phrases of the query, with
 * them marked and … where it was cut; null when nothing in the text matched.
 */
export function snippet(text: string, phrases: readonly Phrase[]): Segment[] | null {
  const matches = matchesOf(text, phrases);
  if (matches.length === 0) return null;
  const starts = phrases.map(() => 0);
  let best = { from: 0, score: -1 };
  for (const m of matches) {
    if ((starts[m.phrase] as number) >= MAX_STARTS) continue;
    starts[m.phrase] = (starts[m.phrase] as number) + 1;
    const from = windowStart(text, m.start);
    const score = phrasesWithin(matches, from, from + SNIPPET_CHARS);
    if (score > best.score) best = { from, score };
    if (best.score === phrases.length) break;
  }
  const to = onBoundary(text, Math.min(text.length, best.from + SNIPPET_CHARS));
  const segments = segmentsOf(text, matches, best.from, to).map((s) => ({ ...s, text: s.text.replace(/\s*\n\s*/g, " ") }));
  if (best.from > 0) segments.unshift({ text: "…", mark: false });
  if (to < text.length) segments.push({ text: "…", mark: false });
  return segments;
}

// A reader's search query: cleaned and folded into the one spelling it is shown and cached under, bounded, and
// turned into phrases of index tokens. Nothing a reader types is syntax: quotes, *, NEAR, OR, AND, NOT,
// ^, :, parentheses and column names are text (or separators) here, never the FTS5 query language.
import { codePointLength } from "../content/text.ts";
import { type Run, runTokens, runsOf } from "./tokens.ts";
import { fold } from "./fold.ts";

/**
 * Bounds on a query (documented in docs/search.md, "What a query is"). Characters are code points, as readers
 * count them.
 */
export const QUERY_LIMITS = { chars: 100, terms: 10 } as const;

/**
 * One term of a query as consecutive index tokens. `prefix`: the last token is one Chinese character that
 * may start a pair (区 finds 区域 and 城区 alike: every character of an article starts a pair or ends a run).
 */
export type Phrase = { tokens: string[]; prefix: boolean };

/** A query ready to search: its cleaned text (what the search box shows) and its phrases, all required. */
export type SearchQuery = { text: string; phrases: Phrase[] };

export type QueryProblem = "empty" | "too_long" | "too_many_terms";

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; problem: QueryProblem; text: string };

// Invisible characters go (a zero-width space inside 工业 must not split it); controls and every kind of
// space become one space; what a broken %-escape left behind (lone surrogates, U+FFFD) is nothing.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\uFFFD]/gu;
const SPACES = /[\p{White_Space}\p{Cc}]+/gu;

/** The one spelling of a query: well-formed, NFC, invisible characters removed, spaces collapsed and trimmed. */
export function cleanQuery(raw: string): string {
  return raw.toWellFormed().replace(INVISIBLE, "").normalize("NFC").replace(SPACES, " ").trim();
}

// Between letters or digits these join the parts of one term (COVID-19, 3.5, U.S.); any other separator —
// a space, Chinese punctuation, quotes, brackets, operators — separates terms, each of which must match.
// Compared in their compatibility form, as the letters and digits around them are folded: a full-width
// ３．５ or ＣＯＶＩＤ－１９ (typed with an IME in full-width mode) joins as 3.5 and COVID-19 do.
const JOINERS = new Set([".", "-", "_", "/", "'", "’", "·", "・", "&", "+", "#", "@"]);
const SEPARATES = /[\p{White_Space}\p{P}\p{S}\p{Cc}]/u;
const joins = (ch: string) => JOINERS.has(ch.normalize("NFKC"));

function termsOf(text: string): string[] {
  const terms: string[] = [];
  let term = "";
  for (const ch of text) {
    if (SEPARATES.test(ch) && !joins(ch)) {
      if (term) terms.push(term);
      term = "";
    } else term += ch;
  }
  if (term) terms.push(term);
  return terms;
}

/**
 * A term's runs as a phrase. Runs before the last give exactly their article tokens (so 新建5G matches
 * 新建 建 5 g); the last run may continue in the article (基站 in 基站群), so it gives its pairs only — or,
 * for one Chinese character, a prefix.
 */
function phraseOf(runs: Run[]): Phrase {
  const tokens: string[] = [];
  const last = runs[runs.length - 1] as Run;
  for (const run of runs.slice(0, -1)) runTokens(run, (t) => tokens.push(t.text));
  if (last.cls === "cjk" && last.chars.length === 1) return { tokens: [...tokens, last.chars[0] as string], prefix: true };
  const own: string[] = [];
  runTokens(last, (t) => own.push(t.text));
  // A Chinese run's last token is its final character alone; inside an article the run may go on.
  if (last.cls === "cjk") own.pop();
  return { tokens: [...tokens, ...own], prefix: false };
}

/** A folding that folds to itself again: the index keeps `to`, and a query of `to` must fold to `to` too. */
const foldsOnce = (to: string) => {
  const again = fold(to.codePointAt(0) ?? 0);
  return again.length === 1 && again[0]?.ch === to;
};

/**
 * A cleaned query in the one spelling of its meaning, so that QINGLAN and qinglan, ＡＢＣ and abc, 鞏固 and
 * 巩固 are one query — one URL, one cached copy: every letter, digit and Chinese character as the index folds it
 * (src/search/fold.ts), every character that separates terms a space, every joiner in its compatibility form.
 * A character whose folding would split it (½ is 1⁄2) or fold again differently stays as typed: the folded
 * text always searches exactly what the typed text searches.
 */
export function foldQuery(text: string): string {
  let out = "";
  for (const ch of text) {
    if (SEPARATES.test(ch) && !joins(ch)) out += " ";
    else if (joins(ch)) out += ch.normalize("NFKC");
    else {
      const folded = fold(ch.codePointAt(0) ?? 0);
      out += folded.every((f) => f.cls !== "separator" && foldsOnce(f.ch)) ? folded.map((f) => f.ch).join("") : ch;
    }
  }
  return out.replace(/ +/g, " ").trim();
}

/** A query string as typed (already %-decoded), or why it cannot be searched. */
export function parseSearchQuery(raw: string): ParsedQuery {
  const cleaned = cleanQuery(raw);
  // Counted as typed: a hundred emoji are too long, not the nothing they fold to.
  if (codePointLength(cleaned) > QUERY_LIMITS.chars) return { ok: false, problem: "too_long", text: cleaned };
  const text = foldQuery(cleaned);
  const phrases = new Map<string, Phrase>();
  for (const term of termsOf(text)) {
    const runs = runsOf(term);
    if (runs.length === 0) continue;
    const phrase = phraseOf(runs);
    phrases.set(`${phrase.tokens.join(" ")}${phrase.prefix ? "*" : ""}`, phrase);
  }
  if (phrases.size === 0) return { ok: false, problem: "empty", text };
  if (phrases.size > QUERY_LIMITS.terms) return { ok: false, problem: "too_many_terms", text };
  return { ok: true, query: { text, phrases: [...phrases.values()] } };
}

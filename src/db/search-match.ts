// The FTS5 query a search sends, built only from a query's phrases (index tokens, each quoted) and the
// facet tokens of src/db/search-index.ts: nothing a reader typed is ever FTS5 syntax. Bound as a parameter.
import type { Phrase } from "../search/query.ts";
import type { SearchScope } from "../domain/search.ts";

const TEXT_COLUMNS = "{title lead credits body}";

/** An FTS5 string: double quotes, a quote inside doubled (tokens never hold one; the rule holds anyway). */
const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

/** One phrase: its tokens consecutive, the last a prefix when asked for. */
export const phraseExpression = (p: Phrase) => `${quoted(p.tokens.join(" "))}${p.prefix ? "*" : ""}`;

/**
 * The MATCH expression around the section filter: `head`, then (with a section) ` AND facets : "s<id>"`,
 * then `tail`. The section's id is looked up by the statement itself (src/db/search.ts), in the same read.
 */
export function matchParts(phrases: readonly Phrase[], scope: SearchScope): { head: string; tail: string } {
  const text = `${TEXT_COLUMNS} : (${phrases.map(phraseExpression).join(" AND ")})`;
  // Readers' searches and editors' `published` are the rowid range ≥ 0 (src/db/search.ts), not a token.
  const state = scope.who === "editors" && scope.state !== "published" ? scope.state : undefined;
  return {
    head: `((${text})${state ? ` AND facets : ${quoted(state)}` : ""}`,
    // Editors see every state but the trash unless they ask for it.
    tail: `)${scope.who === "editors" && !scope.state ? ` NOT facets : ${quoted("trash")}` : ""}`,
  };
}

/**
 * What readers' bounded ranking needs (src/db/search.ts): each phrase alone, to tell whether it is common
 * (at least a window's worth of articles have it), and all of them in the title and in the lead.
 */
export function rankingParts(phrases: readonly Phrase[]): { each: string[]; title: string; lead: string } {
  const all = phrases.map(phraseExpression).join(" AND ");
  return { each: phrases.map((p) => `${TEXT_COLUMNS} : ${phraseExpression(p)}`), title: `{title} : (${all})`, lead: `{lead} : (${all})` };
}

// Search: what a search finds and how much of the archive it looked at.
import type { ArticleState } from "./article.ts";

/** Who is searching: readers find published articles only; editors every state, the trash when asked. */
export type SearchScope =
  | { who: "readers"; sectionPath?: string }
  | { who: "editors"; state?: ArticleState; sectionPath?: string };

/** An article a search found, with the text its snippet is cut from. */
export type SearchHit = {
  id: number;
  /** As editors see it: `trash` while in the trash. */
  status: ArticleState;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  /** The start of the body text (SEARCH_TEXT_CHARS): where the snippet is looked for. */
  bodyText: string;
  sectionPath: string;
  sectionName: string;
  publishedAt: number | null;
  updatedAt: number;
};

export type SearchResults = {
  /** Matches ranked, at most the window: a term in most of the archive is ranked among its newest matches. */
  total: number;
  /** True when there were at least as many matches as the window holds: older ones were not ranked. */
  capped: boolean;
  hits: SearchHit[];
};

/**
 * How many of the newest matches a search ranks: bm25 scores each one and D1 bills each as rows read, so
 * this bounds a search's cost whatever the archive's size. A word in every article is ranked among about a
 * month of news; a rarer word (a place, a name, a story's own terms) among all of its matches.
 */
export const SEARCH_WINDOW = 1000;

/** The most an editors' search ranks: without a state, the newest window of each range together. */
export const EDITORS_RANKED = 2 * SEARCH_WINDOW;

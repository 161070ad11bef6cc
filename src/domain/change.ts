// What one change to an article touched: the write path's report, from which purges, pings and indexing follow.
import type { Article } from "./article.ts";
import type { RevisionAction } from "./revision.ts";
import type { Section } from "./section.ts";

export type ChangeReport = {
  action: RevisionAction;
  /** False when the request asked for the state the article was already in: nothing was written. */
  changed: boolean;
  before: Article | null;
  article: Article;
  /** The article's section and its ancestors after the change, root first. */
  chain: Section[];
  /** Sections whose listings show something different now: the old and the new chain, when listed. */
  sectionPaths: string[];
  /** Published articles whose 上一篇 / 下一篇 links may now point elsewhere: old and new neighbours. */
  neighbours: number[];
  /** Slots that showed the article, by slug (it left them when it left the site). */
  slots: string[];
  /** Topics that list or listed it, by slug: their pages and feeds show the change. */
  topics: string[];
};

/** What a change to the front page's slots or topics touched: from it the purge and the pings follow. */
export type CurationReport = {
  /** False when the request asked for what already stood: nothing was written. */
  changed: boolean;
  /** Slots whose items or fields changed, by slug. */
  slots: string[];
  /** Topics whose pages or feeds changed, by slug. */
  topics: string[];
  /** Articles whose own pages changed: an article page links the topics it is in. */
  articles: number[];
  /** The set of slots itself changed (one made or deleted): what shows every slot changed. */
  slotSet: boolean;
};

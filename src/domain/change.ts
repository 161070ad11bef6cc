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
};

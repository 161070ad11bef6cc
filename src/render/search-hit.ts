// What a search hit shows, for the page and the API alike: its title and a snippet, with the query marked.
import type { SearchHit } from "../domain/search.ts";
import type { Phrase } from "../search/query.ts";
import { type Segment, highlight, snippet } from "../search/snippet.ts";
import { excerpt } from "../content/markdown.ts";

export type HitView = { title: Segment[]; snippet: Segment[] };

/**
 * The title with its matches marked, and a snippet from where the query matched: the body, else the
 * summary, subtitle or kicker; a hit that matched only in its title or credits shows its opening lines.
 */
export function hitView(hit: SearchHit, phrases: readonly Phrase[]): HitView {
  for (const text of [hit.bodyText, hit.summary, hit.subtitle, hit.kicker]) {
    const found = snippet(text, phrases);
    if (found) return { title: highlight(hit.title, phrases), snippet: found };
  }
  return { title: highlight(hit.title, phrases), snippet: [{ text: excerpt(hit.summary || hit.bodyText), mark: false }] };
}

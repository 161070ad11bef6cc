// The JSON of search answers: each hit with its title, section, date and snippet, the query marked in
// `title_html` and `snippet_html` (escaped HTML whose only tags are <mark>).
import type { SearchHit } from "../domain/search.ts";
import type { Phrase } from "../search/query.ts";
import { toRfc3339 } from "../content/dates.ts";
import type { AdminSearchHit, SearchHit as SearchHitJson } from "../content/responses.ts";
import { articleUrl } from "../content/urls.ts";
import { sectionRef } from "./article-json.ts";
import { segmentsHtmlString } from "./highlight.ts";
import { hitView } from "./search-hit.ts";

const time = (ms: number | null) => (ms === null ? null : toRfc3339(ms));

/** A hit as readers get it. */
export function hitJson(hit: SearchHit, phrases: readonly Phrase[]): SearchHitJson {
  const view = hitView(hit, phrases);
  return {
    id: hit.id,
    url: articleUrl(hit.sectionPath, hit.id),
    section: sectionRef({ path: hit.sectionPath, name: hit.sectionName }),
    title: hit.title,
    title_html: segmentsHtmlString(view.title),
    snippet_html: segmentsHtmlString(view.snippet),
    published_at: time(hit.publishedAt),
  };
}

/** A hit as editors get it: with its state and where the admin API has it. */
export function adminHitJson(hit: SearchHit, phrases: readonly Phrase[]): AdminSearchHit {
  return {
    ...hitJson(hit, phrases),
    status: hit.status,
    admin_url: `/api/v1/admin/articles/${hit.id}`,
    updated_at: toRfc3339(hit.updatedAt),
  };
}

// Finding an article to put somewhere (a slot, a topic) with the admin search, and showing the hits as rows
// with one button each: what pressing it does is the screen's. Hits are text here, never HTML.
import * as v from "valibot";
import { type Answer, request } from "./api.ts";
import { onClick } from "./forms.ts";
import { showOk } from "./live.ts";
import { beijingTime } from "./messages.ts";

const Hit = v.object({
  id: v.number(),
  url: v.string(),
  title: v.string(),
  status: v.string(),
  published_at: v.nullable(v.string()),
  section: v.object({ name: v.string() }),
});
export type Hit = v.InferOutput<typeof Hit>;

const Hits = v.object({ items: v.array(Hit), total: v.number() });

/** How many hits a search shows: enough to find the story meant, few enough to read. */
const SHOWN = 10;

/** The admin search, `published` only when asked. */
export function searchArticles(q: string, publishedOnly: boolean): Promise<Answer<v.InferOutput<typeof Hits>>> {
  const query = new URLSearchParams({ q, limit: String(SHOWN), ...(publishedOnly && { status: "published" }) });
  return request("GET", `/api/v1/admin/search?${query}`, Hits);
}

export type HitAction = {
  /** The button's words for this hit, e.g. 加入头条. */
  label: (hit: Hit) => string;
  /** Why this hit cannot be picked (already there), or null. */
  refused: (hit: Hit) => string | null;
  pick: (hit: Hit, button: HTMLButtonElement) => Promise<Answer<unknown> | null>;
};

const STATE_WORDS: Record<string, string> = { draft: "草稿", submitted: "待审", scheduled: "定时", published: "已发布", archived: "已归档", trash: "回收站" };

/** The hits as a list in `box`, each with its button; says how many were found. */
export function showHits(box: HTMLElement, hits: readonly Hit[], action: HitAction): void {
  const list = document.createElement("ul");
  list.className = "rows";
  for (const hit of hits) {
    const row = document.createElement("li");
    row.className = "row";
    const title = document.createElement("h3");
    title.id = `hit-${hit.id}`;
    title.textContent = hit.title;
    const about = document.createElement("p");
    about.className = "hint";
    const when = hit.published_at === null ? "" : ` · ${beijingTime(hit.published_at)}`;
    about.textContent = `${hit.section.name} · ${STATE_WORDS[hit.status] ?? hit.status}${when}`;
    const actions = document.createElement("p");
    actions.className = "actions";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = action.label(hit);
    button.setAttribute("aria-describedby", title.id);
    const refused = action.refused(hit);
    if (refused !== null) {
      button.disabled = true;
      const why = document.createElement("span");
      why.className = "hint";
      why.textContent = refused;
      actions.append(button, why);
    } else {
      onClick(button, () => action.pick(hit, button));
      actions.append(button);
    }
    row.append(title, about, actions);
    list.append(row);
  }
  const count = document.createElement("p");
  count.className = "hint";
  count.textContent = hits.length === 0 ? "没有找到符合的文章。" : `找到 ${hits.length} 篇。`;
  box.replaceChildren(count, ...(hits.length ? [list] : []));
  showOk(count.textContent);
}

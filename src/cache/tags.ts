// Cache tags: a response is tagged with what it shows, a change purges the tags of what it touched, and the
// two vocabularies are the same, so a purge reaches exactly the responses that showed the change.
// Tags are printable ASCII (section paths, ids and media keys are), matched case-insensitively by Cloudflare:
// they are lower-cased here, so the Cache API's registry matches them as Cloudflare does.
import { isListed } from "../domain/article.ts";
import type { ChangeReport, CurationReport } from "../domain/change.ts";
import { shanghaiMonth } from "../content/dates.ts";
import { ALL, SITE_LISTING, type Shows } from "../domain/shows.ts";

/** Every cached response carries this one, so everything can be purged at once (a deploy, an import). */
export const SITE_TAG = "site";

/** The article's content: its page and JSON, and every page that prints its title (listings, neighbours). */
const articleTag = (id: number) => `a:${id}`;

/** A listing: every page of a section (its subsections' articles included), its feeds; "l:" the whole site's. */
const listingTag = (sectionPath: string) => `l:${sectionPath}`;

/** An image's stored metadata (alt text, caption, credit), as a cover figure prints it. */
export const imageTag = (key: string) => `img:${key}`;

/** A month's sitemap (`m:2023-06`): only a change to an article published in that month alters it. */
const monthTag = (month: string) => `m:${month}`;

/** Search results pages and answers: every change purges them all (src/routes/search.ts says why). */
export const SEARCH_TAG = "search";

/** A slot's items as the front page shows them (`s:toutiao`); "s:" the set of slots (home shows them all). */
const slotTag = (slug: string) => `s:${slug}`;

/**
 * A topic: its pages and feeds, and every page printing its name (its members' article pages) — `t:<slug>`;
 * "t:" what lists topics and when they changed (home's rail, the sitemaps).
 */
const topicTag = (slug: string) => `t:${slug}`;


/** Cloudflare keeps at most 1,000 tags per response; a page shows far fewer. */
const MAX_TAGS = 1000;

/**
 * The tags of a response that shows `shows`. Listings first: a change to any article a listing shows purges
 * the listing's tag too (the change report names the sections of every listed article it touches), so
 * should a page ever show more than the cap allows, only redundant article tags fall off the end.
 */
export function tagsOf(shows: Shows): string[] {
  const tags = new Set([
    SITE_TAG,
    ...(shows.search ? [SEARCH_TAG] : []),
    ...shows.listings.map(listingTag),
    ...(shows.months ?? []).map(monthTag),
    ...(shows.slots ?? []).map(slotTag),
    ...(shows.topics ?? []).map(topicTag),
    ...(shows.images ?? []).map(imageTag),
    ...shows.articles.map(articleTag),
  ]);
  return [...tags].map((t) => t.toLowerCase()).slice(0, MAX_TAGS);
}

/**
 * What a change makes stale: the article (its page, its JSON, every page printing its title), its old and
 * new 上一篇 / 下一篇 neighbours (their links changed), and every listing it appears or appeared in, before and
 * after a move — all of their pages, since an article published at the top shifts every page down — with
 * the whole site's listing, and the monthly sitemaps that list or listed it (the month it was published in,
 * before and after); and every search, since any change to any article — a draft's too — may change what a
 * search finds or how it ranks. A draft's edit shows nowhere else but its own (404) URL. An autosave purges
 * nothing: it never touches a published article (the write path refuses it there), and an editor sends one
 * every few seconds, which purges would turn into a stream of purge calls that change no cached page.
 */
export function purgeTagsOf(reports: readonly ChangeReport[]): string[] {
  const tags = new Set<string>();
  for (const r of reports) {
    if (!r.changed) continue;
    if (r.action === "autosave" && !isListed(r.before) && !isListed(r.article)) continue;
    tags.add(SEARCH_TAG);
    tags.add(articleTag(r.article.id));
    for (const id of r.neighbours) tags.add(articleTag(id));
    for (const path of r.sectionPaths) tags.add(listingTag(path));
    if (r.sectionPaths.length) tags.add(listingTag(SITE_LISTING));
    for (const a of [r.before, r.article]) if (isListed(a)) tags.add(monthTag(shanghaiMonth(a.publishedAt)));
    for (const slug of r.slots) tags.add(slotTag(slug));
    addTopics(tags, r.topics);
  }
  return [...tags].map((t) => t.toLowerCase());
}

/** A topic that changed changes its pages (and its members' pages, which name it), and when topics last changed. */
function addTopics(tags: Set<string>, topics: readonly string[]) {
  for (const slug of topics) tags.add(topicTag(slug));
  if (topics.length) tags.add(topicTag(ALL));
}

/**
 * What a change to slots or topics makes stale: each slot it changed (the home page), the set of slots when one
 * was made or deleted, each topic it changed with what lists topics, and the pages of articles that came
 * into a topic (they now link it; those leaving one carried its tag already).
 */
export function curationTagsOf(reports: readonly CurationReport[]): string[] {
  const tags = new Set<string>();
  for (const r of reports) {
    if (!r.changed) continue;
    for (const slug of r.slots) tags.add(slotTag(slug));
    if (r.slotSet) tags.add(slotTag(ALL));
    addTopics(tags, r.topics);
    for (const id of r.articles) tags.add(articleTag(id));
  }
  return [...tags].map((t) => t.toLowerCase());
}

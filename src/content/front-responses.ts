// What the front page's admin API answers (routes/admin-slots.ts, admin-topics.ts), as valibot schemas, as
// content/responses.ts holds the articles': render/curation-json.ts is typed by them, the API document
// publishes them, and its tests check every answer against them.
import * as v from "valibot";
import { ARTICLE_STATUSES } from "../domain/article.ts";
import { MEDIA_KEY } from "../domain/media.ts";
import { Pings, Purge, Time } from "./responses.ts";

const described = <S extends v.GenericSchema>(schema: S, description: string) => v.pipe(schema, v.description(description));
const Id = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const Count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const MediaKey = v.pipe(v.string(), v.regex(MEDIA_KEY));
const SitePath = v.pipe(v.string(), v.regex(/^\/\S*$/));
const Cursor = described(v.nullable(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,200}$/))), "The cursor of the next page; null on the last page.");

/** The article behind a slot item, as an editor sees it beside the item. */
const SlotArticle = v.strictObject({
  id: Id,
  url: SitePath,
  title: v.string(),
  subtitle: v.string(),
  cover_image: v.nullable(MediaKey),
  status: v.picklist(ARTICLE_STATUSES),
  published_at: v.nullable(Time),
});

export const SlotItem = v.strictObject({
  article_id: Id,
  title: described(v.string(), "Shown instead of the article's title; empty: the article's."),
  image: described(v.nullable(MediaKey), "Shown instead of the article's cover; null: the cover."),
  expires_at: described(v.nullable(Time), "When the item leaves the slot by itself; null: when taken out."),
  added_at: Time,
  article: SlotArticle,
});

export const Slot = v.strictObject({
  slug: described(v.string(), "Never changes: it names the slot's cache tag (s:<slug>) and the home page's places."),
  name: v.string(),
  description: v.string(),
  capacity: Id,
  sort_order: v.pipe(v.number(), v.safeInteger()),
  needs_picture: described(v.boolean(), "Every item must show a picture (幻灯): its own image or the article's cover."),
  version: described(Id, "The ETag: send it as If-Match to change the slot."),
  created_at: Time,
  updated_at: Time,
  items: described(v.array(SlotItem), "In the order the home page shows them; expired ones until the cron (within a minute) takes them out."),
});
export type Slot = v.InferOutput<typeof Slot>;

export const SlotList = v.strictObject({ items: v.array(Slot) });

export const SlotChange = v.strictObject({
  ...Slot.entries,
  dropped: described(v.optional(v.array(Id)), "The articles a full slot pushed out at its end to make room; absent when none."),
  purge: Purge,
  pings: Pings,
});

export const TopicGroup = v.strictObject({ id: Id, name: described(v.string(), "Empty for a group shown without a heading."), articles: Count });

export const Topic = v.strictObject({
  slug: described(v.string(), "Its URL's name, /special/<slug>/; never changes (it names the cache tag t:<slug>)."),
  url: SitePath,
  title: v.string(),
  banner: v.nullable(MediaKey),
  banner_url: v.nullable(SitePath),
  intro: described(v.string(), "Markdown, as the editor wrote it."),
  intro_html: v.string(),
  groups: described(v.array(TopicGroup), "In the order the page shows them, each with how many articles it holds (drafts included)."),
  articles: Count,
  version: described(Id, "The ETag: send it as If-Match to change or delete the topic."),
  created_at: Time,
  updated_at: Time,
});
export type Topic = v.InferOutput<typeof Topic>;

export const TopicPage = v.strictObject({ items: v.array(Topic), next_cursor: Cursor });

export const TopicChange = v.strictObject({ ...Topic.entries, purge: Purge, pings: Pings });

export const TopicMember = v.strictObject({
  article_id: Id,
  group: described(Id, "The id of the group it is in."),
  added_at: Time,
  article: v.strictObject({
    id: Id,
    url: SitePath,
    title: v.string(),
    status: v.picklist(ARTICLE_STATUSES),
    listed: described(v.boolean(), "Published and out of the trash: the topic's page lists it."),
    published_at: v.nullable(Time),
  }),
});
export type TopicMember = v.InferOutput<typeof TopicMember>;

export const TopicMemberPage = v.strictObject({ items: v.array(TopicMember), next_cursor: Cursor });

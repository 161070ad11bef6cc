// What editors may send about the front page — slots and their items, topics, their groups and members — as
// valibot schemas; the write path's input types are inferred from them. Texts follow the article rules
// (text-rules.ts): one line, trimmed, counted in characters; a topic's introduction is Markdown like a body.
import * as v from "valibot";
import { SLOT_MAX_CAPACITY } from "../domain/slot.ts";
import { TOPIC_MAX_GROUPS } from "../domain/topic.ts";
import { LIMITS, MediaKey, Timestamp, closed } from "./schemas.ts";
import { line, multiline, requiredLine } from "./text-rules.ts";

/** Bounds on the front page's texts, in characters (documented in docs/front-page.md). */
export const FRONT_LIMITS = { slotName: 20, slotDescription: 200, groupName: 50, topicTitle: 100 } as const;

/** A slot's name in URLs and cache tags: `toutiao`. */
export const SLOT_SLUG = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** A topic's name in its URL, /special/<slug>/. */
export const TOPIC_SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

const slug = (pattern: RegExp, example: string) =>
  v.pipe(v.string("must be a string"), v.regex(pattern, `must be lower-case letters, digits and hyphens, such as ${example}`));

const whole = (min: number, max: number) =>
  v.pipe(v.number("must be a number"), v.integer("must be a whole number"), v.minValue(min, `must be at least ${min}`), v.maxValue(max, `must be at most ${max}`));

/** An article id, as the articles API names it. */
const ArticleId = whole(1, Number.MAX_SAFE_INTEGER);

const SORT_ORDER = whole(-1_000_000, 1_000_000);

const item = {
  article_id: ArticleId,
  /** Shown instead of the article's title; "" or absent: the article's. */
  title: v.optional(line(LIMITS.title)),
  /** Shown instead of the article's cover; null or absent: the cover. */
  image: v.optional(v.nullable(MediaKey)),
  /** When the item leaves the slot by itself; null or absent: never. */
  expires_at: v.optional(v.nullable(Timestamp)),
};

export const SlotItemInput = closed(item);
export type SlotItemInput = v.InferOutput<typeof SlotItemInput>;

/** PUT /api/v1/admin/slots/:slug/items: the slot's items, in order. */
export const SlotItemsPut = closed({
  items: v.pipe(v.array(SlotItemInput, "must be a list"), v.maxLength(SLOT_MAX_CAPACITY, `must list at most ${SLOT_MAX_CAPACITY} articles`)),
});

/** POST /api/v1/admin/slots/:slug/items: one article in, at `position` (1, the top, by default). */
export const SlotItemAdd = closed({ ...item, position: v.optional(whole(1, SLOT_MAX_CAPACITY)) });
export type SlotItemAdd = v.InferOutput<typeof SlotItemAdd>;

const slotFields = {
  name: requiredLine(FRONT_LIMITS.slotName),
  description: line(FRONT_LIMITS.slotDescription),
  capacity: whole(1, SLOT_MAX_CAPACITY),
  sort_order: SORT_ORDER,
  needs_picture: v.boolean("must be true or false"),
};

/** POST /api/v1/admin/slots. */
export const SlotCreate = closed({
  slug: slug(SLOT_SLUG, "toutiao"),
  ...v.partial(v.object(slotFields), ["description", "sort_order", "needs_picture"]).entries,
});
export type SlotCreate = v.InferOutput<typeof SlotCreate>;

/** PATCH /api/v1/admin/slots/:slug: any of its fields, at least one (the slug never changes). */
export const SlotPatch = v.pipe(
  closed(v.partial(v.object(slotFields)).entries),
  v.check((o) => Object.keys(o).length > 0, "must change at least one field"),
);
export type SlotPatch = v.InferOutput<typeof SlotPatch>;

const groupName = line(FRONT_LIMITS.groupName);

const groups = <S extends v.GenericSchema>(group: S) =>
  v.pipe(
    v.array(group, "must be a list"),
    v.minLength(1, "must name at least one group"),
    v.maxLength(TOPIC_MAX_GROUPS, `must list at most ${TOPIC_MAX_GROUPS} groups`),
  );

const topicFields = {
  title: requiredLine(FRONT_LIMITS.topicTitle),
  banner: v.nullable(MediaKey),
  /** Markdown, rendered like an article body, within the same limits. */
  intro: multiline(LIMITS.body, false),
};

/** POST /api/v1/admin/topics. Without groups, one group without a heading. */
export const TopicCreate = closed({
  slug: slug(TOPIC_SLUG, "lanjiang-flood"),
  ...v.partial(v.object(topicFields), ["banner", "intro"]).entries,
  groups: v.optional(groups(closed({ name: groupName }))),
});
export type TopicCreate = v.InferOutput<typeof TopicCreate>;

/**
 * PATCH /api/v1/admin/topics/:slug: any field, at least one. `groups` is the whole list in its new order:
 * a group with an `id` is kept (renamed), one without is new, one left out is removed (only when empty).
 */
export const TopicPatch = v.pipe(
  closed({
    ...v.partial(v.object(topicFields)).entries,
    groups: v.optional(groups(closed({ id: v.optional(ArticleId), name: groupName }))),
  }),
  v.check((o) => Object.keys(o).length > 0, "must change at least one field"),
);
export type TopicPatch = v.InferOutput<typeof TopicPatch>;

/** PUT /api/v1/admin/topics/:slug/articles/:id: the group it goes in (the first group when not given). */
export const TopicMemberPut = closed({ group: v.optional(ArticleId) });

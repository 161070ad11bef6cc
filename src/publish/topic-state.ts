// Each change to a topic as a pure function from the topic as loaded to its next state: what the commit
// writes. No I/O: the one load (db/topics.ts) read the topic, its groups, the article and images it names.
import type { Media } from "../domain/media.ts";
import { TOPIC_MAX_ARTICLES, type TopicGroup, type TopicWithGroups } from "../domain/topic.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import type { TopicPatch } from "../content/front-schemas.ts";
import type { TopicFields, TopicLoad } from "../db/topics.ts";
import { renderArticleBody } from "./body.ts";

/** A change to one topic, as a client asks for it. */
export type TopicChange =
  | { kind: "update"; patch: TopicPatch }
  | { kind: "place"; articleId: number; groupId?: number }
  | { kind: "remove"; articleId: number }
  | { kind: "delete" };

type Group = TopicGroup & { members: number };

/** What the commit writes: the topic's fields, its groups (kept, new, gone), and the member it moves. */
export type TopicNext = {
  fields: TopicFields;
  groups: { kept: Group[]; added: { name: string; sortOrder: number }[]; removed: number[] };
  member: { articleId: number; groupId: number | null } | null;
  deleted: boolean;
};

type Loaded = TopicLoad & { topic: TopicWithGroups };

/**
 * A topic's introduction, rendered as an article body is (same renderer, same limits, images that exist),
 * its refusals naming the `intro` field.
 */
export function renderIntro(md: string, media: ReadonlyMap<string, Media>): Pick<TopicFields, "intro" | "introHtml" | "introText"> {
  try {
    const body = renderArticleBody(md, media);
    return { intro: md, introHtml: body.html, introText: body.text };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    const details = err.info.details?.map((d) => ({ ...d, path: "intro" }));
    throw new DomainError(err.code, err.message.replace("The body", "The introduction"), { ...err.info, ...(details && { details }) });
  }
}

/** A banner must name an uploaded image, as a cover must. */
export function requireBanner(key: string | null, media: ReadonlyMap<string, Media>): void {
  if (key !== null && !media.has(key)) {
    throw new DomainError("unknown_image", "The banner was never uploaded", { details: [{ path: "banner", message: `no uploaded image ${key}` }] });
  }
}

const fieldsOf = (t: TopicWithGroups): TopicFields => ({ title: t.title, banner: t.banner, intro: t.intro, introHtml: t.introHtml, introText: t.introText });

const unchangedGroups = (t: TopicWithGroups) => ({ kept: t.groups, added: [], removed: [] });

/** The new list of groups: kept ones by id (renamed, reordered), new ones without, left-out ones removed when empty. */
function regroup(topic: TopicWithGroups, wanted: NonNullable<TopicPatch["groups"]>): TopicNext["groups"] {
  const byId = new Map(topic.groups.map((g) => [g.id, g]));
  const seen = new Set<number>();
  const kept: Group[] = [];
  const added: { name: string; sortOrder: number }[] = [];
  wanted.forEach((g, i) => {
    if (g.id === undefined) return void added.push({ name: g.name, sortOrder: i + 1 });
    const existing = byId.get(g.id);
    if (!existing || seen.has(g.id)) {
      throw new DomainError(existing ? "invalid" : "unknown_group", existing ? `Group ${g.id} is listed twice` : `Topic "${topic.slug}" has no group ${g.id}`, {
        details: [{ path: `groups.${i}.id`, message: existing ? "is listed twice" : "is not a group of this topic" }],
      });
    }
    seen.add(g.id);
    kept.push({ ...existing, name: g.name, sortOrder: i + 1 });
  });
  const removed = topic.groups.filter((g) => !seen.has(g.id));
  const full = removed.filter((g) => g.members > 0);
  if (full.length) {
    throw new DomainError("group_not_empty", `Group ${full.map((g) => `"${g.name || g.id}"`).join(", ")} still has articles: move or remove them first`);
  }
  return { kept, added, removed: removed.map((g) => g.id) };
}

function update(loaded: Loaded, patch: TopicPatch): TopicNext {
  const t = loaded.topic;
  const banner = patch.banner !== undefined ? patch.banner : t.banner;
  if (patch.banner !== undefined && patch.banner !== t.banner) requireBanner(banner, loaded.media);
  const intro = patch.intro !== undefined && patch.intro !== t.intro ? renderIntro(patch.intro, loaded.media) : { intro: t.intro, introHtml: t.introHtml, introText: t.introText };
  return {
    fields: { title: patch.title ?? t.title, banner, ...intro },
    groups: patch.groups ? regroup(t, patch.groups) : unchangedGroups(t),
    member: null,
    deleted: false,
  };
}

/** An article into a group (the first when none is named), or moved to it. Drafts too: listed once published. */
function place(loaded: Loaded, articleId: number, groupId: number | undefined): TopicNext | null {
  const t = loaded.topic;
  const article = loaded.article;
  if (!article) throw new DomainError("unknown_article", `No article ${articleId}`, { details: [{ path: "article", message: `no article ${articleId}` }] });
  const group = groupId === undefined ? t.groups[0] : t.groups.find((g) => g.id === groupId);
  if (!group) {
    throw new DomainError("unknown_group", `Topic "${t.slug}" has no group ${groupId ?? ""}`.trim(), { details: [{ path: "group", message: "is not a group of this topic" }] });
  }
  if (article.groupId === group.id) return null;
  const members = t.groups.reduce((n, g) => n + g.members, 0);
  if (article.groupId === null && members >= TOPIC_MAX_ARTICLES) {
    throw new DomainError("over_capacity", `A topic holds at most ${TOPIC_MAX_ARTICLES} articles`, { capacity: TOPIC_MAX_ARTICLES });
  }
  const kept = t.groups.map((g) => ({ ...g, members: g.members + (g.id === group.id ? 1 : 0) - (g.id === article.groupId ? 1 : 0) }));
  return { fields: fieldsOf(t), groups: { kept, added: [], removed: [] }, member: { articleId, groupId: group.id }, deleted: false };
}

/** The next state of the topic, or null when the change asks for what already stands. */
export function nextTopicState(loaded: Loaded, change: TopicChange): TopicNext | null {
  const t = loaded.topic;
  switch (change.kind) {
    case "delete":
      return { fields: fieldsOf(t), groups: unchangedGroups(t), member: null, deleted: true };
    case "update": {
      const next = update(loaded, change.patch);
      const same =
        next.groups.added.length === 0 && next.groups.removed.length === 0 &&
        next.groups.kept.every((g, i) => g.name === t.groups[i]?.name && g.id === t.groups[i]?.id) &&
        JSON.stringify(next.fields) === JSON.stringify(fieldsOf(t));
      return same ? null : next;
    }
    case "place":
      return place(loaded, change.articleId, change.groupId);
    case "remove": {
      const groupId = loaded.article?.groupId ?? null;
      if (groupId === null) throw notFound(`Article ${change.articleId} is not in topic "${t.slug}"`);
      const kept = t.groups.map((g) => ({ ...g, members: g.members - (g.id === groupId ? 1 : 0) }));
      return { fields: fieldsOf(t), groups: { kept, added: [], removed: [] }, member: { articleId: change.articleId, groupId: null }, deleted: false };
    }
  }
}

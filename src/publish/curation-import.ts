// Bulk writes of the front page for the DedeCMS / PHPCMS importer (scripts/import/): a 推荐位 with its
// entries (PHPCMS v9_position / v9_position_data, DedeCMS flags h, c, f, a …) and a 专题 with its groups and
// articles (PHPCMS v9_special / v9_special_content, DedeCMS's special channel). Each goes through the same
// rules as the admin API — the same checks, the same write path for slots, the same statements and
// renumbering for topics — but refuses an entry on its own, reported, and stores the others.
import type { Actor } from "../domain/actor.ts";
import type { CurationReport } from "../domain/change.ts";
import type { Db } from "../domain/db.ts";
import type { SlotWithItems } from "../domain/slot.ts";
import { TOPIC_MAX_ARTICLES, type TopicWithGroups } from "../domain/topic.ts";
import { DomainError } from "../domain/errors.ts";
import type { SlotCreate, SlotItemInput } from "../content/front-schemas.ts";
import { existingArticles } from "../db/legacy.ts";
import { loadSlot } from "../db/slots.ts";
import { getTopic, groupsFrom, isTopicSlugTaken, topicFrom, touchTopicStatement } from "../db/topics.ts";
import { insertMembersBySlugStatement, renumberTopicBySlugStatement } from "../db/topic-members.ts";
import { auditStatement } from "../db/audit.ts";
import { getMediaByKeys } from "../db/media.ts";
import { legacyTopicStatements } from "../db/legacy-topics.ts";
import type { LegacySystem } from "../domain/legacy.ts";
import { changeSlot, createSlot } from "./slots.ts";
import { slotItemRefusal } from "./slot-state.ts";
import { authorizeCuration } from "./authorize.ts";
import { bodyMediaKeys } from "./body.ts";
import { renderIntro, requireBanner } from "./topic-state.ts";
import { newTopicStatements } from "./topics.ts";

export type ImportOptions = { actor: Actor; now: number };

/** An entry refused, and why: nothing of it was stored. */
export type EntryRefusal = { articleId: number; error: DomainError };

/** A slot as an old system had it: made when missing (with these fields), then filled with `items` in order. */
export type SlotImport = SlotCreate & { items: SlotItemInput[] };

export type SlotImportResult =
  | { kind: "imported"; created: boolean; slot: SlotWithItems; refused: EntryRefusal[]; report: CurationReport }
  /** Changed in Masthead since the import left it at that version: the newsroom's choice stands. */
  | { kind: "edited" };

/**
 * Makes the slot if there is none, then sets its items to the entries that may be in it — published, their
 * pictures uploaded, within its capacity (the first ones, in the order given: sort by the old list order
 * first), not yet expired — through the slot's one write path. With `ifVersion` (the version an earlier
 * import left), a slot an editor changed since is left alone.
 */
export async function importSlot(db: Db, input: SlotImport, opts: ImportOptions & { ifVersion?: number }): Promise<SlotImportResult> {
  const { items, ...fields } = input;
  let created = false;
  let loaded = await loadSlot(db, input.slug, { articleIds: items.map((i) => i.article_id), mediaKeys: items.flatMap((i) => (i.image ? [i.image] : [])) });
  if (!loaded.slot) {
    await createSlot(db, fields, opts);
    created = true;
    loaded = await loadSlot(db, input.slug, { articleIds: items.map((i) => i.article_id), mediaKeys: items.flatMap((i) => (i.image ? [i.image] : [])) });
  }
  const slot = loaded.slot;
  if (!slot) throw new Error(`slot ${input.slug} was not stored`);
  if (opts.ifVersion !== undefined && slot.version !== opts.ifVersion) return { kind: "edited" };
  const refused: EntryRefusal[] = [];
  const kept: SlotItemInput[] = [];
  for (const item of items) {
    const problem = kept.some((k) => k.article_id === item.article_id)
      ? new DomainError("invalid", `Article ${item.article_id} is in the slot already`)
      : kept.length >= slot.capacity
        ? new DomainError("over_capacity", `The ${slot.name} slot holds at most ${slot.capacity} articles`)
        : slotItemRefusal({ ...loaded, slot }, item, opts.now);
    if (problem) refused.push({ articleId: item.article_id, error: problem });
    else kept.push(item);
  }
  const result = await changeSlot(db, input.slug, { kind: "replace", items: kept }, { ...opts, ifMatch: [slot.version] });
  if (!result.slot) throw new Error(`slot ${input.slug} vanished`);
  return { kind: "imported", created, slot: result.slot, refused, report: { ...result.report, slotSet: result.report.slotSet || created } };
}

/** A topic as an old system had it: its groups in order, each with its articles; `legacy`, the old 专题 it was. */
export type TopicImport = {
  slug: string;
  title: string;
  intro?: string;
  banner?: string | null;
  groups: { name: string; articles: number[] }[];
  legacy?: { system: LegacySystem; legacyId: number; paths: string[] };
};

export type TopicImportResult =
  | { kind: "created"; topic: TopicWithGroups; refused: EntryRefusal[]; report: CurationReport }
  /** A topic with that slug is there already (an earlier run, or the newsroom's): left alone. */
  | { kind: "exists" };

/**
 * Makes a topic with its groups by createTopic's rules (editors only, an uploaded banner, the intro rendered
 * as a body is), puts every article that exists into its group and lists the published ones — and records
 * the old 专题 it was, with its old paths — all in one batch: an interrupted import leaves a whole topic or
 * none. An article named twice stays in its first group; past TOPIC_MAX_ARTICLES, the rest are refused.
 */
export async function importTopic(db: Db, input: TopicImport, opts: ImportOptions): Promise<TopicImportResult> {
  authorizeCuration(opts.actor, "editor", "Topics need the editor role");
  if (await getTopic(db, input.slug)) return { kind: "exists" };
  const named = input.groups.flatMap((g, i) => g.articles.map((articleId) => ({ articleId, groupOrder: i + 1 })));
  const [found, media] = await Promise.all([
    existingArticles(db, [...new Set(named.map((m) => m.articleId))]),
    getMediaByKeys(db, [...(input.banner ? [input.banner] : []), ...bodyMediaKeys(input.intro ?? "")]),
  ]);
  const refused: EntryRefusal[] = [];
  const members: typeof named = [];
  for (const m of named) {
    const problem = !found.has(m.articleId)
      ? new DomainError("unknown_article", `No article ${m.articleId}`)
      : members.some((k) => k.articleId === m.articleId)
        ? new DomainError("invalid", `Article ${m.articleId} is in the topic already`)
        : members.length >= TOPIC_MAX_ARTICLES
          ? new DomainError("over_capacity", `A topic holds at most ${TOPIC_MAX_ARTICLES} articles`)
          : null;
    if (problem) refused.push({ articleId: m.articleId, error: problem });
    else members.push(m);
  }
  const banner = input.banner ?? null;
  requireBanner(banner, media);
  const fields = { title: input.title, banner, ...renderIntro(input.intro ?? "", media) };
  const names = input.groups.length ? input.groups.map((g) => g.name) : [""];
  const legacy = input.legacy;
  let results: D1Result<unknown>[];
  try {
    results = await db.batch<unknown>([
      ...newTopicStatements(db, input.slug, fields, names, opts),
      ...(members.length
        ? [
            insertMembersBySlugStatement(db, input.slug, members, opts.now),
            renumberTopicBySlugStatement(db, input.slug),
            touchTopicStatement(db, input.slug, opts.now),
            auditStatement(db, { actor: opts.actor, action: "topic.import", detail: { topic: input.slug, articles: members.length, refused: refused.length }, at: opts.now }),
          ]
        : []),
      ...(legacy ? legacyTopicStatements(db, legacy.system, legacy.legacyId, input.slug, legacy.paths) : []),
    ]);
  } catch (err) {
    // Made by another writer since the check above: theirs stands.
    if (isTopicSlugTaken(err)) return { kind: "exists" };
    throw err;
  }
  const topic = topicFrom(results[0]);
  if (!topic) throw new Error(`topic ${input.slug} was not stored`);
  const count = new Map<number, number>();
  for (const m of members) count.set(m.groupOrder, (count.get(m.groupOrder) ?? 0) + 1);
  const groups = groupsFrom(results[1]).map((g) => ({ ...g, members: count.get(g.sortOrder) ?? 0 }));
  const report: CurationReport = { changed: true, slots: [], topics: [input.slug], articles: members.map((m) => m.articleId), slotSet: false };
  return { kind: "created", topic: { ...topic, groups }, refused, report };
}

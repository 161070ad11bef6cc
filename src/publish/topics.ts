// The one write path for topics (专题): one load (the topic, its groups, the article and images the change
// names), authorised and checked against If-Match on that version, the next state computed as a pure function
// (topic-state.ts), one commit conditioned on the version that also renumbers the topic's listing. Each
// returns what it touched, from which the purge (t:<slug>) and the pings of the topic's feeds follow.
import type { Actor } from "../domain/actor.ts";
import type { CurationReport } from "../domain/change.ts";
import type { Db } from "../domain/db.ts";
import type { TopicWithGroups } from "../domain/topic.ts";
import { DomainError, notFound, versionConflict } from "../domain/errors.ts";
import type { TopicCreate } from "../content/front-schemas.ts";
import { auditStatement } from "../db/audit.ts";
import { getMediaByKeys } from "../db/media.ts";
import {
  type TopicFields,
  type TopicLoad,
  addGroupsStatement,
  deleteGroupsStatement,
  deleteTopicStatements,
  insertGroupsStatement,
  insertTopicStatement,
  isTopicConflict,
  isTopicSlugTaken,
  loadTopic,
  lockedTopicStatement,
  groupsFrom,
  topicAuditStatement,
  topicFrom,
  updateGroupStatement,
} from "../db/topics.ts";
import { placeMemberStatement, removeMemberStatement, renumberTopicStatement } from "../db/topic-members.ts";
import { authorizeCuration } from "./authorize.ts";
import { bodyMediaKeys } from "./body.ts";
import type { Versions } from "./changes.ts";
import { type TopicChange, type TopicNext, nextTopicState, renderIntro, requireBanner } from "./topic-state.ts";

export type { TopicChange };

export type TopicOptions = { actor: Actor; now: number; ifMatch?: Versions };

/** The topic after the change (null: deleted), and what it touched. */
export type TopicResult = { topic: TopicWithGroups | null; report: CurationReport };

const ATTEMPTS = 3;

const reportOf = (slug: string, changed: boolean, articles: number[] = []): CurationReport => ({
  changed,
  slots: [],
  topics: changed ? [slug] : [],
  articles: changed ? articles : [],
  slotSet: false,
});

function wantsOf(change: TopicChange) {
  if (change.kind === "place" || change.kind === "remove") return { articleId: change.articleId };
  if (change.kind !== "update") return {};
  const p = change.patch;
  return { mediaKeys: [...(p.banner ? [p.banner] : []), ...bodyMediaKeys(p.intro ?? "")] };
}

/** Who may: editors for everything about topics (they are content, like articles). */
const REFUSAL = "Topics need the editor role";

/**
 * Applies one change to the topic `slug`: 404 when there is none, 403 for a role below editor, 412 when
 * If-Match fails on the version loaded. A writer that commits first makes this one decide again on what it
 * left, a few times, then 409.
 */
export async function changeTopic(db: Db, slug: string, change: TopicChange, opts: TopicOptions): Promise<TopicResult> {
  authorizeCuration(opts.actor, "editor", REFUSAL);
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadTopic(db, slug, wantsOf(change));
    const before = loaded.topic;
    if (!before) throw notFound(`No topic "${slug}"`);
    if (opts.ifMatch !== undefined && opts.ifMatch !== "any" && !opts.ifMatch.includes(before.version)) throw versionConflict(before.version, {}, "topic");
    const next = nextTopicState({ ...loaded, topic: before }, change);
    if (!next) return { topic: before, report: reportOf(slug, false) };
    try {
      return await commitTopic(db, { ...loaded, topic: before }, next, change, opts);
    } catch (err) {
      if (!isTopicConflict(err)) throw err;
      if (attempt >= ATTEMPTS) throw new DomainError("conflict", `Topic "${slug}" kept changing while this change was being applied; try again`);
    }
  }
}

async function commitTopic(db: Db, loaded: TopicLoad & { topic: TopicWithGroups }, next: TopicNext, change: TopicChange, opts: TopicOptions): Promise<TopicResult> {
  const before = loaded.topic;
  const at = { id: before.id, slug: before.slug, version: before.version + 1 };
  const lock = lockedTopicStatement(db, before.id, next.fields, before.version, opts.now);
  if (next.deleted) {
    const members = before.groups.reduce((n, g) => n + g.members, 0);
    const [locked] = await db.batch<unknown>([lock, topicAuditStatement(db, opts.actor, "delete", at, { articles: members }, opts.now), ...deleteTopicStatements(db, before.id)]);
    if (!topicFrom(locked)) throw notFound(`No topic "${before.slug}"`);
    return { topic: null, report: reportOf(before.slug, true) };
  }
  const { kept, added, removed } = next.groups;
  const member = next.member;
  const memberStatements = !member ? [] : member.groupId === null ? [removeMemberStatement(db, before.id, member.articleId)] : [placeMemberStatement(db, before.id, member.articleId, member.groupId, opts.now)];
  const regrouped = change.kind === "update" && change.patch.groups !== undefined;
  const action = change.kind === "update" ? "update" : change.kind === "place" ? "place" : "remove";
  const statements = [
    lock,
    ...(regrouped ? kept.map((g) => updateGroupStatement(db, before.id, g)) : []),
    ...(removed.length ? [deleteGroupsStatement(db, before.id, removed)] : []),
  ];
  // New groups get their ids in the batch, and say so.
  const addingAt = added.length ? statements.push(addGroupsStatement(db, before.id, added)) - 1 : -1;
  const results = await db.batch<unknown>([
    ...statements,
    ...memberStatements,
    ...(regrouped || member ? [renumberTopicStatement(db, before.id)] : []),
    topicAuditStatement(db, opts.actor, action, at, member ? { group: member.groupId } : {}, opts.now, member?.articleId ?? null),
  ]);
  const topic = topicFrom(results[0]);
  if (!topic) throw notFound(`No topic "${before.slug}"`);
  const groups = [...kept, ...(addingAt >= 0 ? groupsFrom(results[addingAt]) : [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const articles = member && member.groupId !== null ? [member.articleId] : [];
  return { topic: { ...topic, groups }, report: reportOf(before.slug, true, articles) };
}

/** A new topic's rows: the topic, its groups, and the audit entry of its making (a create's and an import's). */
export function newTopicStatements(db: Db, slug: string, fields: TopicFields, groupNames: string[], opts: { actor: Actor; now: number }) {
  return [
    insertTopicStatement(db, slug, fields, opts.now),
    insertGroupsStatement(db, slug, groupNames),
    auditStatement(db, { actor: opts.actor, action: "topic.create", detail: { topic: slug, version: 1 }, at: opts.now }),
  ];
}

/** Makes a topic with its groups (one without a heading when none is given): 409 when the slug is taken. */
export async function createTopic(db: Db, input: TopicCreate, opts: { actor: Actor; now: number }): Promise<TopicResult> {
  authorizeCuration(opts.actor, "editor", REFUSAL);
  const media = await getMediaByKeys(db, [...(input.banner ? [input.banner] : []), ...bodyMediaKeys(input.intro ?? "")]);
  const banner = input.banner ?? null;
  requireBanner(banner, media);
  const fields = { title: input.title, banner, ...renderIntro(input.intro ?? "", media) };
  const names = (input.groups ?? [{ name: "" }]).map((g) => g.name);
  let results: D1Result<unknown>[];
  try {
    results = await db.batch<unknown>(newTopicStatements(db, input.slug, fields, names, opts));
  } catch (err) {
    if (isTopicSlugTaken(err)) throw new DomainError("slug_taken", `There is already a topic "${input.slug}"`, { details: [{ path: "slug", message: "is taken" }] });
    throw err;
  }
  const topic = topicFrom(results[0]);
  if (!topic) throw new Error(`topic ${input.slug} was not stored`);
  return { topic: { ...topic, groups: groupsFrom(results[1]) }, report: reportOf(input.slug, true) };
}

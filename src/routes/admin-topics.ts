// Topics (专题) for editors, under /api/v1/admin/topics (behind authenticate() and requireRole("editor")):
// list, make, read, change (title, banner, introduction, groups), delete; and each topic's articles — list
// them, put one in a group (or move it), take one out. Every change goes through src/publish/topics.ts; a
// topic's version is its ETag, and a change that overwrites (PATCH, DELETE) needs If-Match.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { TOPIC_SLUG, TopicCreate, TopicMemberPut, TopicPatch } from "../content/front-schemas.ts";
import { pageOf } from "../http/list-query.ts";
import { TopicListQuery, TopicMemberQuery } from "../http/api-queries.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { strongEtag } from "../http/conditional.ts";
import { notModifiedSince, preconditions } from "../http/preconditions.ts";
import { getTopic, listTopics } from "../db/topics.ts";
import { listTopicMembers } from "../db/topic-members.ts";
import { type TopicChange, type TopicResult, changeTopic, createTopic } from "../publish/topics.ts";
import { memberJson, topicJson } from "../render/curation-json.ts";
import { followCuration } from "../follow-ups.ts";

export const adminTopics = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

/** Room for an introduction as long as an article body may be. */
const MAX_BODY_BYTES = 2 * 1_048_576;
const SLUG = `/:slug{${TOPIC_SLUG.source.slice(1, -1)}}`;
const ARTICLE = "/:article{[1-9][0-9]{0,15}}";

adminTopics.use("*", async function noStore(c, next) {
  c.header("Cache-Control", "no-store");
  await next();
});

// Changes take no query parameter: one sent is refused (400) before anything is read or changed.
adminTopics.use("*", async function changesTakeNoQuery(c, next) {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") parseQuery(c, NoQuery);
  await next();
});

const slugOf = (c: Ctx) => c.req.param("slug") ?? "";

function articleOf(c: Ctx): number {
  const id = Number(c.req.param("article"));
  if (!Number.isSafeInteger(id)) throw notFound("No such article");
  return id;
}

function answer(c: Ctx, result: TopicResult, status: 200 | 201 = 200) {
  const { purge, pings } = followCuration(c.env, c.executionCtx, [result.report]);
  if (!result.topic) return c.body(null, 204);
  c.header("ETag", strongEtag(result.topic.version));
  return c.json({ ...topicJson(result.topic), purge, pings }, status);
}

const apply = async (c: Ctx, change: TopicChange, conditions = preconditions(c)) =>
  answer(c, await changeTopic(c.var.db, slugOf(c), change, { actor: c.get("actor"), now: Date.now(), ...(conditions.ifMatch && { ifMatch: conditions.ifMatch }) }));

adminTopics.get("/", async (c) => {
  const { limit, cursor } = parseQuery(c, TopicListQuery);
  const rows = await listTopics(c.var.db, { limit: limit + 1, after: cursor ?? null });
  const page = pageOf(rows, limit, (t) => [t.createdAt, t.id]);
  return c.json({ items: page.items.map(topicJson), next_cursor: page.next_cursor });
});

adminTopics.post("/", async (c) => {
  const { value } = await readJson(c, TopicCreate, MAX_BODY_BYTES);
  const result = await createTopic(c.var.db, value, { actor: c.get("actor"), now: Date.now() });
  c.header("Location", `/api/v1/admin/topics/${value.slug}`);
  return answer(c, result, 201);
});

adminTopics.get(SLUG, async (c) => {
  parseQuery(c, NoQuery);
  const topic = await getTopic(c.var.db, slugOf(c));
  if (!topic) throw notFound(`No topic "${slugOf(c)}"`);
  if (notModifiedSince(c, topic.version)) return c.body(null, 304, { ETag: strongEtag(topic.version) });
  c.header("ETag", strongEtag(topic.version));
  return c.json(topicJson(topic));
});

adminTopics.patch(SLUG, async (c) => {
  const conditions = preconditions(c, true);
  const { value: patch } = await readJson(c, TopicPatch, MAX_BODY_BYTES);
  return apply(c, { kind: "update", patch }, conditions);
});

adminTopics.delete(SLUG, (c) => apply(c, { kind: "delete" }, preconditions(c, true)));

adminTopics.get(`${SLUG}/articles`, async (c) => {
  const { group, limit, cursor } = parseQuery(c, TopicMemberQuery);
  const topic = await getTopic(c.var.db, slugOf(c));
  if (!topic) throw notFound(`No topic "${slugOf(c)}"`);
  const rows = await listTopicMembers(c.var.db, topic.id, { limit: limit + 1, after: cursor ?? null, ...(group !== undefined && { groupId: group }) });
  const page = pageOf(rows, limit, (m) => [m.addedAt, m.articleId]);
  return c.json({ items: page.items.map(memberJson), next_cursor: page.next_cursor });
});

adminTopics.put(`${SLUG}/articles${ARTICLE}`, async (c) => {
  const conditions = preconditions(c);
  const { value } = await readJson(c, TopicMemberPut, 1024, { optional: true });
  return apply(c, { kind: "place", articleId: articleOf(c), ...(value.group !== undefined && { groupId: value.group }) }, conditions);
});

adminTopics.delete(`${SLUG}/articles${ARTICLE}`, (c) => apply(c, { kind: "remove", articleId: articleOf(c) }));

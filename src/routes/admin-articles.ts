// The editors' article API (mounted at /api/v1/admin/articles, behind authenticate()). Every change goes
// through src/publish/changes.ts, which also decides who may make it; this file parses and answers.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import type { ChangeReport } from "../domain/change.ts";
import { DomainError, notFound, previewsDisabled } from "../domain/errors.ts";
import { toRfc3339 } from "../content/dates.ts";
import { pageOf } from "../http/list-query.ts";
import { AdminListQuery } from "../http/api-queries.ts";
import { ArticleCreate, ArticlePatch, LIMITS, PREVIEW_TTL_SECONDS, PreviewRequest, PublishRequest } from "../content/schemas.ts";
import { signPreview } from "../auth/preview-links.ts";
import { sha256Hex } from "../content/sha256.ts";
import { type Placed, loadArticle } from "../db/article-load.ts";
import { listArticlesForAdmin } from "../db/articles.ts";
import { listRevisions } from "../db/revisions.ts";
import { getSectionByPath } from "../db/sections.ts";
import type { StoredIdempotency } from "../db/idempotency.ts";
import { type Change, changeArticle, createArticle } from "../publish/changes.ts";
import { notInTrash } from "../publish/next-state.ts";
import { adminArticleJson } from "../render/article-json.ts";
import { followChanges } from "../follow-ups.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { idempotencyKey, notModifiedSince, preconditions } from "../http/preconditions.ts";

export const adminArticles = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const ID = "/:id{[1-9][0-9]{0,15}}";

/** The article id of the path; beyond 2^53 no article can have it. */
function idOf(c: Ctx): number {
  const id = Number(c.req.param("id"));
  if (!Number.isSafeInteger(id)) throw notFound("No such article");
  return id;
}

const articleJson = (placed: Pick<Placed, "article" | "chain">) => {
  const section = placed.chain[placed.chain.length - 1];
  if (!section) throw new Error(`article ${placed.article.id} has no section`);
  return adminArticleJson(placed.article, section);
};

/** Answers with the article as it now stands; its version is the ETag for the next If-Match. */
function answer(c: Ctx, placed: Pick<ChangeReport, "article" | "chain">, status: 200 | 201 = 200) {
  c.header("ETag", `"${placed.article.version}"`);
  c.header("Cache-Control", "no-store");
  return c.json(articleJson(placed), status);
}

/** Answers a change with the article, what the edge cache is purging because of it and the feeds the hub is told of. */
function answerChange(c: Ctx, report: ChangeReport, status: 200 | 201 = 200) {
  const { purge, pings } = followChanges(c.env, c.executionCtx, [report]);
  c.header("ETag", `"${report.article.version}"`);
  c.header("Cache-Control", "no-store");
  return c.json({ ...articleJson(report), purge, pings }, status);
}

adminArticles.get("/", async (c) => {
  const { status, section: sectionPath, limit, cursor } = parseQuery(c, AdminListQuery);
  const section = sectionPath === undefined ? null : await getSectionByPath(c.var.db, sectionPath);
  if (sectionPath !== undefined && !section) throw notFound(`No section "${sectionPath}"`);
  const rows = await listArticlesForAdmin(c.var.db, {
    limit: limit + 1,
    ...(status && { status }),
    ...(section && { sectionId: section.id }),
    ...(cursor && { after: cursor }),
  });
  const page = pageOf(rows, limit, (r) => [r.article.updatedAt, r.article.id]);
  c.header("Cache-Control", "no-store");
  return c.json({ items: page.items.map((r) => adminArticleJson(r.article, r.section)), next_cursor: page.next_cursor });
});

adminArticles.post("/", async (c) => {
  parseQuery(c, NoQuery);
  const { value: input, fingerprint } = await readJson(c, ArticleCreate, LIMITS.requestBytes);
  const actor = c.get("actor");
  const idemKey = idempotencyKey(c);
  const requestHash = idemKey === null ? "" : await sha256Hex(fingerprint);
  const result = await createArticle(c.var.db, input, {
    actor,
    now: Date.now(),
    ...(idemKey !== null && actor.id !== null && {
      idempotency: { keyId: actor.id, idemKey, requestHash, response: (report) => JSON.stringify(articleJson(report)) },
    }),
  });
  if (result.kind === "replayed") return replay(c, result.stored, requestHash);
  c.header("Location", `/api/v1/admin/articles/${result.report.article.id}`);
  return answerChange(c, result.report, 201);
});

/** A retried create: the first answer again, or 422 if the key was used for a different request. */
function replay(c: Ctx, seen: StoredIdempotency, requestHash: string) {
  if (seen.requestHash !== requestHash) {
    throw new DomainError("idempotency_key_reused", "This Idempotency-Key was already used with a different request body");
  }
  c.header("Idempotent-Replayed", "true");
  const first = JSON.parse(seen.response) as { version?: unknown };
  if (typeof first.version === "number") c.header("ETag", `"${first.version}"`);
  c.header("Location", `/api/v1/admin/articles/${seen.articleId}`);
  c.header("Cache-Control", "no-store");
  return c.body(seen.response, 201, { "Content-Type": "application/json; charset=UTF-8" });
}

adminArticles.get(ID, async (c) => {
  parseQuery(c, NoQuery);
  const placed = await loadArticle(c.var.db, idOf(c));
  if (!placed) throw notFound(`No article ${idOf(c)}`);
  if (notModifiedSince(c, placed.article.version)) {
    return c.body(null, 304, { ETag: `"${placed.article.version}"`, "Cache-Control": "no-store" });
  }
  return answer(c, placed);
});

/** Applies a change to the article of the path, as the request's actor, on the client's preconditions. */
async function apply(c: Ctx, change: Change, conditions = preconditions(c)) {
  parseQuery(c, NoQuery);
  return answerChange(c, await changeArticle(c.var.db, idOf(c), change, { actor: c.get("actor"), now: Date.now(), ...conditions }));
}

adminArticles.patch(ID, async (c) => {
  const conditions = preconditions(c, true);
  const { value: patch } = await readJson(c, ArticlePatch, LIMITS.requestBytes);
  return apply(c, { kind: "update", patch }, conditions);
});

adminArticles.post(`${ID}/publish`, async (c) => {
  const conditions = preconditions(c);
  // The body is optional: none, or a JSON object such as `{}` or `{"publish_at": …}`.
  const { value: body } = await readJson(c, PublishRequest, 4096, { optional: true });
  return apply(c, { kind: "publish", ...(body.publish_at !== undefined && { at: body.publish_at }) }, conditions);
});
adminArticles.post(`${ID}/unpublish`, (c) => apply(c, { kind: "unpublish" }));
adminArticles.post(`${ID}/archive`, (c) => apply(c, { kind: "archive" }));
adminArticles.delete(ID, (c) => apply(c, { kind: "trash" }));
adminArticles.post(`${ID}/restore`, (c) => apply(c, { kind: "untrash" }));
adminArticles.post(`${ID}/revisions/:n{[1-9][0-9]{0,8}}/restore`, (c) => apply(c, { kind: "revert", version: Number(c.req.param("n")) }));

/**
 * A signed link to the article as it stands now, for someone without a key (a source checking a quote, the
 * desk on a phone). It shows this version only: once the article changes, the link answers 410.
 */
adminArticles.post(`${ID}/preview`, async (c) => {
  parseQuery(c, NoQuery);
  const secret = c.env.PREVIEW_SECRET;
  if (!secret) throw previewsDisabled();
  const { value: body } = await readJson(c, PreviewRequest, 1024, { optional: true });
  const placed = await loadArticle(c.var.db, idOf(c));
  if (!placed) throw notFound(`No article ${idOf(c)}`);
  notInTrash(placed.article);
  const expires = Math.floor(Date.now() / 1000) + (body.expires_in ?? PREVIEW_TTL_SECONDS.default);
  const claim = { id: placed.article.id, version: placed.article.version, expires };
  const sig = await signPreview(secret, claim);
  const url = `${c.env.SITE_URL}/preview/${claim.id}?v=${claim.version}&exp=${expires}&sig=${sig}`;
  c.header("Cache-Control", "no-store");
  return c.json({ url, version: claim.version, expires_at: toRfc3339(expires * 1000) }, 201);
});

adminArticles.get(`${ID}/revisions`, async (c) => {
  parseQuery(c, NoQuery);
  const id = idOf(c);
  const [placed, revisions] = await Promise.all([loadArticle(c.var.db, id), listRevisions(c.var.db, id)]);
  if (!placed) throw notFound(`No article ${id}`);
  c.header("Cache-Control", "no-store");
  return c.json({
    items: revisions.map((r) => ({ version: r.version, action: r.action, actor: r.actor, created_at: toRfc3339(r.createdAt) })),
  });
});

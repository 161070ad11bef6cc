// The editors' article API (mounted at /api/v1/admin/articles, behind authenticate()). Every change goes
// through src/publish/changes.ts, which also decides who may make it; this file parses and answers.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import type { ChangeReport } from "../domain/change.ts";
import { DomainError, notFound, previewsDisabled } from "../domain/errors.ts";
import { toRfc3339 } from "../content/dates.ts";
import { pageOf } from "../http/list-query.ts";
import { AdminListQuery } from "../http/api-queries.ts";
import { ArticleCreate, ArticlePatch, LIMITS, PREVIEW_TTL_SECONDS, PreviewRequest, PublishRequest, ReturnRequest, SubmitRequest } from "../content/schemas.ts";
import { signPreview } from "../auth/preview-links.ts";
import { sha256Hex } from "../content/sha256.ts";
import { type Placed, loadArticle } from "../db/article-load.ts";
import { listArticlesForAdmin } from "../db/articles.ts";
import { readEditing } from "../db/presence.ts";
import { getSectionByPath } from "../db/sections.ts";
import type { StoredIdempotency } from "../db/idempotency.ts";
import { type Change, changeArticle, createArticle } from "../publish/changes.ts";
import { notInTrash } from "../publish/next-state.ts";
import { adminArticleJson } from "../render/article-json.ts";
import { editingJson, lastChangeJson } from "../render/editor-json.ts";
import { followChanges } from "../follow-ups.ts";
import { readJson } from "../http/json-body.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { idempotencyKey, isAutosave, notModifiedSince, preconditions } from "../http/preconditions.ts";
import { strongEtag } from "../http/conditional.ts";

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

/** Answers a change with the article, what the edge cache is purging because of it and the feeds the hub is told of. */
function answerChange(c: Ctx, report: ChangeReport, status: 200 | 201 = 200) {
  const { purge, pings } = followChanges(c.env, c.executionCtx, [report]);
  c.header("ETag", strongEtag(report.article.version));
  c.header("Cache-Control", "no-store");
  return c.json({ ...articleJson(report), purge, pings }, status);
}

adminArticles.get("/", async (c) => {
  const { status, section: sectionPath, author, limit, cursor } = parseQuery(c, AdminListQuery);
  const section = sectionPath === undefined ? null : await getSectionByPath(c.var.db, sectionPath);
  if (sectionPath !== undefined && !section) throw notFound(`No section "${sectionPath}"`);
  const rows = await listArticlesForAdmin(c.var.db, {
    limit: limit + 1,
    ...(status && { status }),
    ...(section && { sectionId: section.id }),
    ...(author !== undefined && { author }),
    ...(cursor && { after: cursor }),
    viewer: c.get("actor").id,
    now: Date.now(),
  });
  const page = pageOf(rows, limit, (r) => [r.article.updatedAt, r.article.id]);
  c.header("Cache-Control", "no-store");
  return c.json({
    items: page.items.map((r) => ({ ...adminArticleJson(r.article, r.section), editing: editingJson(r.editing) })),
    next_cursor: page.next_cursor,
  });
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
  if (typeof first.version === "number") c.header("ETag", strongEtag(first.version));
  c.header("Location", `/api/v1/admin/articles/${seen.articleId}`);
  c.header("Cache-Control", "no-store");
  return c.body(seen.response, 201, { "Content-Type": "application/json; charset=UTF-8" });
}

/** One article, with who else has it open (`editing`) and who changed it last (`last_change`). */
adminArticles.get(ID, async (c) => {
  parseQuery(c, NoQuery);
  const id = idOf(c);
  const [placed, editing] = await Promise.all([loadArticle(c.var.db, id), readEditing(c.var.db, id, c.get("actor").id, Date.now())]);
  if (!placed) throw notFound(`No article ${id}`);
  if (notModifiedSince(c, placed.article.version)) {
    return c.body(null, 304, { ETag: strongEtag(placed.article.version), "Cache-Control": "no-store" });
  }
  c.header("ETag", strongEtag(placed.article.version));
  c.header("Cache-Control", "no-store");
  return c.json({ ...articleJson(placed), editing: editingJson(editing), last_change: lastChangeJson(placed.latest) });
});

/** Applies a change to the article of the path, as the request's actor, on the client's preconditions. */
async function apply(c: Ctx, change: Change, conditions = preconditions(c)) {
  parseQuery(c, NoQuery);
  return answerChange(c, await changeArticle(c.var.db, idOf(c), change, { actor: c.get("actor"), now: Date.now(), ...conditions }));
}

adminArticles.patch(ID, async (c) => {
  const conditions = preconditions(c, true);
  const autosave = isAutosave(c);
  const { value: patch } = await readJson(c, ArticlePatch, LIMITS.requestBytes);
  return apply(c, { kind: "update", patch, ...(autosave && { autosave }) }, conditions);
});

// Review (审核): 提交审核 with an optional note, 退回 with the note the author will see, 撤回 by the author.
adminArticles.post(`${ID}/submit`, async (c) => {
  const conditions = preconditions(c);
  const { value: body } = await readJson(c, SubmitRequest, 8192, { optional: true });
  return apply(c, { kind: "submit", note: body.note ?? "" }, conditions);
});
adminArticles.post(`${ID}/return`, async (c) => {
  const conditions = preconditions(c);
  const { value: body } = await readJson(c, ReturnRequest, 8192);
  return apply(c, { kind: "return", note: body.note }, conditions);
});
adminArticles.post(`${ID}/recall`, (c) => apply(c, { kind: "recall" }));

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

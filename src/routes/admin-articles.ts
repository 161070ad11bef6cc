// The editors' article API (mounted at /api/v1/admin/articles, behind apiKeyAuth). Every change goes
// through src/publish/changes.ts; this file only parses, checks who may do it, and answers.
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { AppError, badRequest, notFound } from "../errors.ts";
import { roleAtLeast } from "../auth/roles.ts";
import { type Article, listArticlesForAdmin } from "../db/articles.ts";
import { listRevisions } from "../db/revisions.ts";
import { findIdempotency } from "../db/idempotency.ts";
import { getSectionByPath } from "../db/sections.ts";
import { toRfc3339 } from "../content/dates.ts";
import { sha256Hex } from "../content/sha256.ts";
import { ARTICLE_STATUS_FILTER, ArticleCreate, ArticlePatch, LIMITS, PublishRequest, issueDetails } from "../content/schemas.ts";
import {
  type ArticleFields,
  type ChangeReport,
  createArticle,
  loadArticle,
  archiveArticle,
  publishArticle,
  revertArticle,
  trashArticle,
  unpublishArticle,
  untrashArticle,
  updateArticle,
} from "../publish/changes.ts";
import { adminArticleJson } from "../render/article-json.ts";
import { readJson } from "./json-body.ts";
import { ifMatchVersion, idempotencyKey } from "./preconditions.ts";

export const adminArticles = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const ID = "/:id{[1-9][0-9]{0,15}}";

/** The article id of the path; beyond 2^53 no article can have it. */
function idOf(c: Ctx): number {
  const id = Number(c.req.param("id"));
  if (!Number.isSafeInteger(id)) throw notFound("No such article");
  return id;
}

const actorOf = (c: Ctx) => {
  const { id, name } = c.get("apiKey");
  return { id, name };
};

/** Editors may do anything to any article; an author only their own drafts (in the trash or not). */
function mayEdit(c: Ctx, a: Article): boolean {
  const key = c.get("apiKey");
  return roleAtLeast(key.role, "editor") || (a.createdBy === key.id && a.status === "draft");
}

const isEditor = (c: Ctx) => roleAtLeast(c.get("apiKey").role, "editor");

function requireEditor(c: Ctx) {
  if (!isEditor(c)) {
    throw new AppError(403, "forbidden", "Publishing, scheduling and deleting need the editor role", { required_role: "editor" });
  }
}

/** Answers with the article as it now stands; its version is the ETag for the next If-Match. */
function answer(c: Ctx, report: Pick<ChangeReport, "article" | "chain">, status: 200 | 201 = 200) {
  const section = report.chain[report.chain.length - 1];
  if (!section) throw new Error(`article ${report.article.id} has no section`);
  c.header("ETag", `"${report.article.version}"`);
  c.header("Cache-Control", "no-store");
  return c.json(adminArticleJson(report.article, section), status);
}

const toFields = (input: ArticlePatch): Partial<ArticleFields> => ({
  ...(input.section !== undefined && { sectionPath: input.section }),
  ...(input.title !== undefined && { title: input.title }),
  ...(input.kicker !== undefined && { kicker: input.kicker }),
  ...(input.subtitle !== undefined && { subtitle: input.subtitle }),
  ...(input.summary !== undefined && { summary: input.summary }),
  ...(input.source !== undefined && { source: input.source }),
  ...(input.bylines !== undefined && { bylines: input.bylines }),
  ...(input.body !== undefined && { body: input.body }),
  ...(input.cover_image !== undefined && { coverImage: input.cover_image }),
  ...(input.publish_at !== undefined && { publishAt: input.publish_at }),
});

const ListQuery = v.object({
  status: v.optional(v.picklist(ARTICLE_STATUS_FILTER, `must be one of ${ARTICLE_STATUS_FILTER.join(", ")}`)),
  section: v.optional(v.string()),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, "must be a whole number"), v.transform(Number), v.minValue(1), v.maxValue(100)), "20"),
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}\.\d{1,16}$/, "must be a next_cursor from an earlier page"))),
});

adminArticles.get("/", async (c) => {
  const query = v.safeParse(ListQuery, c.req.query(), { abortEarly: false });
  if (!query.success) throw badRequest("Invalid query", issueDetails(query.issues));
  const { status, section: sectionPath, limit, cursor } = query.output;
  const section = sectionPath === undefined ? null : await getSectionByPath(c.env.DB, sectionPath);
  if (sectionPath !== undefined && !section) throw notFound(`No section "${sectionPath}"`);
  const [updatedAt, id] = cursor ? cursor.split(".").map(Number) : [];
  const rows = await listArticlesForAdmin(c.env.DB, {
    limit,
    ...(status && { status }),
    ...(section && { sectionId: section.id }),
    ...(updatedAt !== undefined && id !== undefined && { after: { updatedAt, id } }),
  });
  const last = rows.length === limit ? rows[rows.length - 1] : undefined;
  c.header("Cache-Control", "no-store");
  return c.json({
    items: rows.map((r) => adminArticleJson(r.article, r.section)),
    next_cursor: last ? `${last.article.updatedAt}.${last.article.id}` : null,
  });
});

adminArticles.post("/", async (c) => {
  const { value: input, fingerprint } = await readJson(c, ArticleCreate, LIMITS.requestBytes);
  const publish = input.status === "published";
  if (publish || input.id !== undefined) requireEditor(c);
  const key = c.get("apiKey");
  const idemKey = idempotencyKey(c);
  const requestHash = idemKey === null ? "" : await sha256Hex(fingerprint);
  if (idemKey !== null) {
    const seen = await findIdempotency(c.env.DB, key.id, idemKey, Date.now());
    if (seen) return replay(c, seen, requestHash);
  }
  const report = await createArticle(c.env.DB, { ...toFields(input), sectionPath: input.section, title: input.title }, {
    actor: actorOf(c),
    now: Date.now(),
    publish,
    ...(input.id !== undefined && { id: input.id }),
    ...(idemKey !== null && {
      idempotency: {
        keyId: key.id,
        idemKey,
        requestHash,
        response: (a, chain) => JSON.stringify(adminArticleJson(a, chain[chain.length - 1] ?? { path: "", name: "" })),
      },
    }),
  });
  c.header("Location", `/api/v1/admin/articles/${report.article.id}`);
  return answer(c, report, 201);
});

/** A retried create: the first answer again, or 422 if the key was used for a different request. */
function replay(c: Ctx, seen: { requestHash: string; response: string; articleId: number }, requestHash: string) {
  if (seen.requestHash !== requestHash) {
    throw new AppError(422, "idempotency_key_reused", "This Idempotency-Key was already used with a different request body");
  }
  c.header("Idempotent-Replayed", "true");
  const first = JSON.parse(seen.response) as { version?: unknown };
  if (typeof first.version === "number") c.header("ETag", `"${first.version}"`);
  c.header("Location", `/api/v1/admin/articles/${seen.articleId}`);
  c.header("Cache-Control", "no-store");
  return c.body(seen.response, 201, { "Content-Type": "application/json; charset=UTF-8" });
}

adminArticles.get(ID, async (c) => answer(c, await loadArticle(c.env.DB, idOf(c))));

adminArticles.patch(ID, async (c) => {
  const expectedVersion = ifMatchVersion(c, true);
  const { value: patch } = await readJson(c, ArticlePatch, LIMITS.requestBytes);
  const current = await loadArticle(c.env.DB, idOf(c));
  if (!mayEdit(c, current.article)) {
    throw new AppError(403, "forbidden", "Authors may edit only their own drafts", { required_role: "editor" });
  }
  const report = await updateArticle(c.env.DB, idOf(c), toFields(patch), { actor: actorOf(c), now: Date.now(), expectedVersion });
  return answer(c, report);
});

/** A POST action without a body, or with `{}`; If-Match is honoured when sent. */
async function optionalPublishBody(c: Ctx) {
  const hasBody = (c.req.header("Content-Length") ?? "0") !== "0" || c.req.header("Transfer-Encoding") !== undefined;
  if (!hasBody) return {};
  return (await readJson(c, PublishRequest, 4096)).value;
}

adminArticles.post(`${ID}/publish`, async (c) => {
  requireEditor(c);
  const expectedVersion = ifMatchVersion(c, false);
  const body = await optionalPublishBody(c);
  const report = await publishArticle(c.env.DB, idOf(c), {
    actor: actorOf(c),
    now: Date.now(),
    ...(expectedVersion !== undefined && { expectedVersion }),
    ...(body.publish_at !== undefined && { at: body.publish_at }),
  });
  return answer(c, report);
});

/** A bodyless state change. Editors may make it on any article; with `ownDrafts`, authors on their own drafts too. */
const simpleAction =
  (change: typeof unpublishArticle, who: "editors" | "ownDrafts" = "editors") =>
  async (c: Ctx) => {
    let expectedVersion = ifMatchVersion(c, false);
    if (who === "editors") requireEditor(c);
    else if (!isEditor(c)) {
      const current = (await loadArticle(c.env.DB, idOf(c))).article;
      if (!mayEdit(c, current)) {
        throw new AppError(403, "forbidden", "Authors may do this only to their own drafts", { required_role: "editor" });
      }
      // An author's permission holds for the version just read: if an editor changes it first, this is a 412.
      expectedVersion ??= current.version;
    }
    const report = await change(c.env.DB, idOf(c), {
      actor: actorOf(c),
      now: Date.now(),
      ...(expectedVersion !== undefined && { expectedVersion }),
    });
    return answer(c, report);
  };

adminArticles.post(`${ID}/unpublish`, simpleAction(unpublishArticle));
adminArticles.post(`${ID}/archive`, simpleAction(archiveArticle));
adminArticles.delete(ID, simpleAction(trashArticle, "ownDrafts"));
adminArticles.post(`${ID}/restore`, simpleAction(untrashArticle, "ownDrafts"));

adminArticles.get(`${ID}/revisions`, async (c) => {
  const { article } = await loadArticle(c.env.DB, idOf(c));
  const revisions = await listRevisions(c.env.DB, article.id);
  c.header("Cache-Control", "no-store");
  return c.json({
    items: revisions.map((r) => ({ version: r.version, action: r.action, actor: r.actor, created_at: toRfc3339(r.createdAt) })),
  });
});

adminArticles.post(`${ID}/revisions/:n{[1-9][0-9]{0,8}}/restore`, async (c) => {
  let expectedVersion = ifMatchVersion(c, false);
  if (!isEditor(c)) {
    const current = (await loadArticle(c.env.DB, idOf(c))).article;
    if (!mayEdit(c, current)) {
      throw new AppError(403, "forbidden", "Authors may restore revisions only of their own drafts", { required_role: "editor" });
    }
    // An author's permission holds for the version just read, so the change must see that version too.
    expectedVersion ??= current.version;
  }
  const report = await revertArticle(c.env.DB, idOf(c), Number(c.req.param("n")), {
    actor: actorOf(c),
    now: Date.now(),
    ...(expectedVersion !== undefined && { expectedVersion }),
  });
  return answer(c, report);
});


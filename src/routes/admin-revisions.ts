// An article's revisions for the desk (mounted at /api/v1/admin/articles): the list — who, when, what was
// done — and one revision as it was stored, for a side-by-side diff. Restoring one is a change
// (POST …/revisions/<n>/restore, in admin-articles.ts).
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import { ARTICLE_ID, articleIdOf } from "../http/article-id.ts";
import { loadArticle } from "../db/article-load.ts";
import { getRevision, listRevisions } from "../db/revisions.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { revisionDetailJson, revisionJson } from "../render/editor-json.ts";

export const adminRevisions = new Hono<AppEnv>();


adminRevisions.get(`${ARTICLE_ID}/revisions`, async (c) => {
  parseQuery(c, NoQuery);
  const id = articleIdOf(c.req.param("id"));
  const [placed, revisions] = await Promise.all([loadArticle(c.var.db, id), listRevisions(c.var.db, id)]);
  if (!placed) throw notFound(`No article ${id}`);
  c.header("Cache-Control", "no-store");
  return c.json({ items: revisions.map(revisionJson) });
});

adminRevisions.get(`${ARTICLE_ID}/revisions/:n{[1-9][0-9]{0,8}}`, async (c) => {
  parseQuery(c, NoQuery);
  const id = articleIdOf(c.req.param("id"));
  const version = Number(c.req.param("n"));
  const revision = await getRevision(c.var.db, id, version);
  // A folded autosave's earlier versions are gone: only the working revision's latest remains.
  if (!revision) throw notFound(`Article ${id} has no revision ${version}`);
  c.header("Cache-Control", "no-store");
  return c.json(revisionDetailJson(revision, revision.snapshot, revision.section));
});

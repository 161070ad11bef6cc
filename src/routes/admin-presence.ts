// Who else has an article open (mounted at /api/v1/admin/articles): an editor's heartbeat, about every
// 30 s while the article is open, its goodbye, and 接管编辑 (taking the article over from the others). It
// warns ("王五 正在编辑", "张三 接管了编辑"); it never blocks a save.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { heartbeat, leave } from "../db/presence.ts";
import { presentOthers, takeOver } from "../db/takeover.ts";
import { loadArticle } from "../db/article-load.ts";
import { authorizeTakeover } from "../publish/authorize.ts";
import { ARTICLE_ID, articleIdOf } from "../http/article-id.ts";
import { toRfc3339 } from "../content/dates.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { editingJson, lastChangeJson } from "../render/editor-json.ts";
import type { Presence, Takeover } from "../content/responses.ts";

export const adminPresence = new Hono<AppEnv>();

const PATH = `${ARTICLE_ID}/presence`;

/** The actor's id: a tool has none, and no tool calls over HTTP; a key or a person always has one. */
function actorOf(actor: { id: number | null; name: string }) {
  if (actor.id === null) throw new DomainError("forbidden", "Only a person or a key can have an article open");
  return { id: actor.id, name: actor.name };
}

/**
 * The heartbeat. Answers who else has the article open and its current version, so the editor learns of
 * another person's save (and can say who and when) before its own is refused with a 412.
 */
adminPresence.put(PATH, async (c) => {
  parseQuery(c, NoQuery);
  const id = articleIdOf(c.req.param("id"));
  const beat = await heartbeat(c.var.db, id, actorOf(c.get("actor")), Date.now());
  if (!beat) throw notFound(`No article ${id}`);
  c.header("Cache-Control", "no-store");
  const answer: Presence = {
    editing: editingJson(beat.editing),
    version: beat.version,
    updated_at: toRfc3339(beat.updatedAt),
    last_change: lastChangeJson(beat.latest),
    taken_over: beat.takenOver && { by: beat.takenOver.by, at: toRfc3339(beat.takenOver.at) },
  };
  return c.json(answer);
});

adminPresence.delete(PATH, async (c) => {
  parseQuery(c, NoQuery);
  await leave(c.var.db, articleIdOf(c.req.param("id")), actorOf(c.get("actor")).id);
  return c.body(null, 204);
});

/** 接管编辑: authorised on the article and the people there as loaded; their editors hear it at their next heartbeat. */
adminPresence.post(`${PATH}/takeover`, async (c) => {
  parseQuery(c, NoQuery);
  const id = articleIdOf(c.req.param("id"));
  const actor = c.get("actor");
  const taker = actorOf(actor);
  const now = Date.now();
  const [placed, present] = await Promise.all([loadArticle(c.var.db, id), presentOthers(c.var.db, id, taker.id, now)]);
  if (!placed) throw notFound(`No article ${id}`);
  authorizeTakeover(actor, placed.article, present);
  if (present.length > 0) await takeOver(c.var.db, id, taker, present, now);
  c.header("Cache-Control", "no-store");
  const answer: Takeover = { taken_from: present.map((p) => ({ actor_id: p.actorId, name: p.name })) };
  return c.json(answer);
});

// Who else has an article open (mounted at /api/v1/admin/articles): an editor's heartbeat, about every
// 30 s while the article is open, and its goodbye. It warns ("王五 正在编辑"); it never blocks a save.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { heartbeat, leave } from "../db/presence.ts";
import { ARTICLE_ID, articleIdOf } from "../http/article-id.ts";
import { toRfc3339 } from "../content/dates.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { editingJson, lastChangeJson } from "../render/editor-json.ts";
import type { Presence } from "../content/responses.ts";

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
  };
  return c.json(answer);
});

adminPresence.delete(PATH, async (c) => {
  parseQuery(c, NoQuery);
  await leave(c.var.db, articleIdOf(c.req.param("id")), actorOf(c.get("actor")).id);
  return c.body(null, 204);
});

// The editor's requests to the admin API: the article's JSON read into a Draft, saves (create, PATCH with
// If-Match), publishing steps, revisions and preview links. Everything goes through lib/api.ts (the desk's
// headers and error shape).
import * as v from "valibot";
import { type Answer, type ApiError, request } from "../api.ts";
import type { Draft } from "./draft.ts";
import type { Saved, Sent, Transport } from "./saver.ts";

const ArticleJson = v.looseObject({
  id: v.number(),
  url: v.string(),
  section: v.looseObject({ path: v.string() }),
  title: v.string(),
  kicker: v.string(),
  subtitle: v.string(),
  summary: v.string(),
  source: v.string(),
  bylines: v.array(v.object({ name: v.string(), role: v.string() })),
  body: v.string(),
  cover_image: v.nullable(v.string()),
  status: v.string(),
  version: v.number(),
  publish_at: v.nullable(v.string()),
  review: v.optional(v.nullable(v.object({ action: v.string(), note: v.string(), actor: v.looseObject({ name: v.string() }), at: v.string() }))),
});
export type ArticleJson = v.InferOutput<typeof ArticleJson>;

export const draftOf = (a: ArticleJson): Draft => ({
  section: a.section.path,
  title: a.title,
  kicker: a.kicker,
  subtitle: a.subtitle,
  summary: a.summary,
  source: a.source,
  bylines: a.bylines,
  body: a.body,
  cover_image: a.cover_image,
});

const savedOf = (a: ArticleJson): Saved => ({ id: a.id, version: a.version, status: a.status, url: a.url });

const sentOf = (answer: Answer<ArticleJson>): Sent => (answer.ok ? { ok: true, saved: savedOf(answer.value) } : answer);

const base = "/api/v1/admin/articles";

/** What the page's saver sends: a create (idempotent by its key), then PATCHes on the version last saved. */
export const transport: Transport = {
  async create(body, key) {
    return sentOf(await request("POST", base, ArticleJson, { body, headers: { "Idempotency-Key": key } }));
  },
  async patch(id, version, patch, autosave) {
    const headers: Record<string, string> = autosave ? { "X-Masthead-Autosave": "1" } : {};
    return sentOf(await request("PATCH", `${base}/${id}`, ArticleJson, { body: patch, ifMatch: `"${version}"`, headers }));
  },
};

export const getArticle = (id: number) => request("GET", `${base}/${id}`, ArticleJson);

/** A publishing step on the version on screen (If-Match), answering the article as it now stands. */
export function step(id: number, version: number, action: string, body?: unknown): Promise<Answer<ArticleJson>> {
  const path = action === "trash" ? `${base}/${id}` : `${base}/${id}/${action}`;
  return request(action === "trash" ? "DELETE" : "POST", path, ArticleJson, { ifMatch: `"${version}"`, ...(body !== undefined && { body }) });
}

const Revision = v.looseObject({ version: v.number(), action: v.string(), actor: v.nullable(v.string()), created_at: v.string() });
export type Revision = v.InferOutput<typeof Revision>;

export const listRevisions = (id: number) => request("GET", `${base}/${id}/revisions`, v.object({ items: v.array(Revision) }));

export const restoreRevision = (id: number, version: number, n: number) =>
  request("POST", `${base}/${id}/revisions/${n}/restore`, ArticleJson, { ifMatch: `"${version}"` });

export const previewLink = (id: number) =>
  request("POST", `${base}/${id}/preview`, v.looseObject({ url: v.string(), expires_at: v.optional(v.string()) }), { body: {} });

/** Who made the version the server now has, and when: from the 412 body where it says, else the newest revision. */
export async function lastChange(id: number, error: ApiError): Promise<{ who: string; at: string | null }> {
  const by = error.info.updated_by;
  const name = typeof by === "object" && by !== null && "name" in by && typeof by.name === "string" ? by.name : null;
  const at = typeof error.info.updated_at === "string" ? error.info.updated_at : null;
  if (name !== null) return { who: name, at };
  const revisions = await listRevisions(id);
  const newest = revisions.ok ? revisions.value.items[0] : undefined;
  return { who: newest?.actor ?? "另一位同事", at: newest?.created_at ?? at };
}

// The JSON an editor needs around an article: who else has it open, who changed it last, its revisions.
import { articleState } from "../domain/article.ts";
import type { Editing } from "../domain/presence.ts";
import type { StoredRevision } from "../domain/revision.ts";
import type { ActorKind } from "../domain/actor.ts";
import type { RevisionSnapshot } from "../content/schemas.ts";
import { toRfc3339 } from "../content/dates.ts";
import type { EditingJson, LastChangeJson, Revision, RevisionDetail } from "../content/responses.ts";
import { reviewJson, sectionRef } from "./article-json.ts";

/** "王五 正在编辑": everyone else with the article open, earliest first. */
export const editingJson = (editing: readonly Editing[]): EditingJson =>
  editing.map((e) => ({ actor_id: e.actorId, name: e.name, since: toRfc3339(e.since) }));

/** A revision in the list: its version, what was done, who did it (name and actor id) and when. */
export const revisionJson = (r: StoredRevision): Revision => ({
  version: r.version,
  action: r.action,
  actor: r.actor,
  actor_id: r.actorId,
  created_at: toRfc3339(r.createdAt),
  // An autosave's working revision covers the person's writing from this time to created_at.
  started_at: r.startedAt === null ? null : toRfc3339(r.startedAt),
});

/** Who made the last change: a person or key by id and name, or a tool (the scheduler, the importer). */
export const lastChangeJson = (r: (StoredRevision & { actorKind: ActorKind }) | null): LastChangeJson =>
  r && { version: r.version, action: r.action, actor: { id: r.actorId, kind: r.actorKind, name: r.actor }, at: toRfc3339(r.createdAt) };

/** One revision as it was stored: what the side-by-side diff compares, field by field. */
export function revisionDetailJson(r: StoredRevision & { actorKind: ActorKind }, s: RevisionSnapshot, section: { path: string; name: string } | null): RevisionDetail {
  return {
    ...revisionJson(r),
    actor_kind: r.actorKind,
    // One word for the trash, as everywhere the API shows a state.
    status: articleState({ status: s.status, deletedAt: s.deleted_at }),
    section: section && sectionRef(section),
    title: s.title,
    kicker: s.kicker,
    subtitle: s.subtitle,
    summary: s.summary,
    source: s.source,
    bylines: s.bylines,
    body: s.body,
    cover_image: s.cover_image,
    publish_at: s.publish_at === null ? null : toRfc3339(s.publish_at),
    published_at: s.published_at === null ? null : toRfc3339(s.published_at),
    review: reviewJson(s.review ?? null),
  };
}

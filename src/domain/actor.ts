// Who acts: an API key, a staff member (a person) or a tool. Keys and people share one id space (the actors
// table), so `articles.created_by`, `audit_log.key_id` and idempotency keys name either alike, and the write
// path never knows which kind of client called it.
import type { Role } from "./role.ts";

export const ACTOR_KINDS = ["key", "staff", "tool"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * A key or a person has the id of its actors row; a tool (the scheduler, the seed, the importer, a CLI) has
 * `id: null` and owns nothing. `name` is what revisions and the audit log record: a key's name, a person's
 * display name, a tool's name.
 */
export type Actor = { kind: ActorKind; id: number | null; name: string; role: Role };

/** A tool acting with `role`: it owns no drafts and is named in the log by `name`. */
export const tool = (name: string, role: Role): Actor => ({ kind: "tool", id: null, name, role });

/** The cron trigger publishing scheduled articles acts with an editor's rights. */
export const SCHEDULER: Actor = tool("scheduler", "editor");

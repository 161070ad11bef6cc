// An entry of the audit log as the audit API shows it: who (a key, a person or a tool), did what, when.
import type { ActorKind } from "./actor.ts";

export type AuditRecord = {
  id: number;
  at: number;
  actor: { id: number | null; kind: ActorKind; name: string };
  /** `<thing>.<verb>`, e.g. `article.publish`, `staff.sign_in`. */
  action: string;
  articleId: number | null;
  detail: Record<string, unknown>;
};

// Who may make which change. Decided on the article as loaded for the change itself — the very version the
// commit is conditioned on — never on an earlier read, so no race can slip an author's edit onto a
// version they were not allowed to touch.
import type { Actor } from "../domain/actor.ts";
import { roleAtLeast } from "../domain/role.ts";
import type { Article } from "../domain/article.ts";
import { forbidden } from "../domain/errors.ts";

export type ChangeKind = "update" | "publish" | "unpublish" | "archive" | "trash" | "untrash" | "revert";

/** An author's own draft, in the trash or not: the only articles an author may change. */
const ownsDraft = (actor: Actor, a: Article) => actor.id !== null && a.createdBy === actor.id && a.status === "draft";

const REFUSALS: Record<ChangeKind, string> = {
  update: "Authors may edit only their own drafts",
  trash: "Authors may move only their own drafts to the trash",
  untrash: "Authors may restore only their own drafts from the trash",
  revert: "Authors may restore revisions only of their own drafts",
  publish: "Publishing and scheduling need the editor role",
  unpublish: "Unpublishing needs the editor role",
  archive: "Archiving needs the editor role",
};

const AUTHORS_ON_OWN_DRAFTS = new Set<ChangeKind>(["update", "trash", "untrash", "revert"]);

/** Editors may change any article; an author only their own drafts, and never publish. Throws 403 otherwise. */
export function authorizeChange(actor: Actor, kind: ChangeKind, before: Article): void {
  if (roleAtLeast(actor.role, "editor")) return;
  if (AUTHORS_ON_OWN_DRAFTS.has(kind) && ownsDraft(actor, before)) return;
  throw forbidden(REFUSALS[kind]);
}

/** Anyone with a key may create a draft; publishing at once or keeping a legacy id needs an editor. */
export function authorizeCreate(actor: Actor, opts: { publish: boolean; legacyId: boolean }): void {
  if (roleAtLeast(actor.role, "editor")) return;
  if (opts.publish) throw forbidden("Publishing and scheduling need the editor role");
  if (opts.legacyId) throw forbidden("Keeping a legacy id is an import, which needs the editor role");
}

/**
 * The front page: filling slots and making topics is an editor's work, like publishing; making, reshaping and
 * deleting slots — the page's own structure — is an admin's. Throws 403 naming the role needed.
 */
export function authorizeCuration(actor: Actor, minimum: "editor" | "admin", refusal: string): void {
  if (!roleAtLeast(actor.role, minimum)) throw forbidden(refusal, minimum);
}

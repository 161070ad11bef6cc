// Who may make which change. Decided on the article as loaded for the change itself — the very version the
// commit is conditioned on — never on an earlier read, so no race can slip an author's edit onto a
// version they were not allowed to touch.
//
// Review (审核): an author submits their own draft (提交审核) and may take it back (撤回, `recall`) to keep
// writing; while it waits, it is the editors' — an author can no longer edit, trash or restore a revision of
// it, as a newsroom expects of copy handed to the desk. Editors may change any article, return (退回) one,
// and publish or schedule it from any state.
import type { Actor } from "../domain/actor.ts";
import { type Role, roleAtLeast } from "../domain/role.ts";
import type { Article, ArticleStatus } from "../domain/article.ts";
import { forbidden } from "../domain/errors.ts";

export type ChangeKind = "update" | "publish" | "unpublish" | "archive" | "trash" | "untrash" | "revert" | "submit" | "return" | "recall";

const owns = (actor: Actor, a: Article) => actor.id !== null && a.createdBy === actor.id;

const REFUSALS: Record<ChangeKind, string> = {
  update: "Authors may edit only their own drafts",
  trash: "Authors may move only their own drafts to the trash",
  untrash: "Authors may restore only their own drafts from the trash",
  revert: "Authors may restore revisions only of their own drafts",
  submit: "Authors may submit only their own drafts for review",
  recall: "Authors may take back only their own articles waiting for review",
  publish: "Publishing and scheduling need the editor role",
  unpublish: "Unpublishing needs the editor role",
  archive: "Archiving needs the editor role",
  return: "Returning an article to its author needs the editor role",
};

/**
 * The states each change an author may make needs their own article to be in. Submitting what already
 * waits, or recalling a draft, passes here so that a retried click is answered as already done.
 */
const AUTHORS_MAY: Partial<Record<ChangeKind, readonly ArticleStatus[]>> = {
  update: ["draft"],
  trash: ["draft"],
  untrash: ["draft"],
  revert: ["draft"],
  submit: ["draft", "submitted"],
  recall: ["submitted", "draft"],
};

/** Editors may change any article; an author only their own, as AUTHORS_MAY says, and never publish. Throws 403 otherwise. */
export function authorizeChange(actor: Actor, kind: ChangeKind, before: Article): void {
  if (roleAtLeast(actor.role, "editor")) return;
  const needs = AUTHORS_MAY[kind];
  if (needs !== undefined && owns(actor, before) && needs.includes(before.status)) return;
  if (needs !== undefined && owns(actor, before) && before.status === "submitted") {
    throw forbidden(`Article ${before.id} is waiting for review: take it back (POST …/recall) to change it`);
  }
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

/**
 * 接管编辑: the taker must be allowed to edit the article, and an author may take over only authors — an
 * editor's or an admin's editing (or a gone person's, whose role is unknown) is not theirs to end.
 */
export function authorizeTakeover(actor: Actor, article: Article, present: readonly { name: string; role: Role | null }[]): void {
  authorizeChange(actor, "update", article);
  if (roleAtLeast(actor.role, "editor")) return;
  const above = present.filter((p) => p.role !== "author");
  if (above.length > 0) throw forbidden(`An author cannot take over an editor's editing (${above.map((p) => p.name).join(", ")})`);
}

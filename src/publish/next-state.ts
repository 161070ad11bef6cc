// Each change as a pure function from the article as loaded to its next state: what the commit writes.
// No I/O here: everything a change needs was read by the one load (db/article-load.ts).
import * as v from "valibot";
import type { Article, Review } from "../domain/article.ts";
import type { Actor } from "../domain/actor.ts";
import type { Media } from "../domain/media.ts";
import type { Section } from "../domain/section.ts";
import { DomainError } from "../domain/errors.ts";
import { type ArticleInput, type ArticlePatch, ArticlePatch as ArticlePatchSchema, type RevisionSnapshot } from "../content/schemas.ts";
import { issueDetails } from "../content/text-rules.ts";
import type { RenderedBody } from "../content/markdown.ts";
import type { Placed } from "../db/article-load.ts";
import { renderArticleBody, requireCover } from "./body.ts";

/** A new article (version 1) from what an editor wrote, its rendered body, and its place and state. */
export function newArticle(
  input: ArticleInput,
  body: RenderedBody,
  state: Pick<Article, "id" | "sectionId" | "status" | "publishAt" | "publishedAt" | "createdAt" | "createdBy">,
): Article {
  return {
    ...state,
    title: input.title,
    titleBold: input.title_bold ?? false,
    kicker: input.kicker ?? "",
    subtitle: input.subtitle ?? "",
    summary: input.summary ?? "",
    source: input.source ?? "",
    bylines: input.bylines ?? [],
    body: input.body ?? "",
    bodyHtml: body.html,
    bodyText: body.text,
    coverImage: input.cover_image ?? null,
    updatedAt: state.createdAt,
    version: 1,
    deletedAt: null,
    review: null,
  };
}

export const unknownSection = (path: string) =>
  new DomainError("unknown_section", `No section with path "${path}"`, {
    details: [{ path: "section", message: `unknown section "${path}"` }],
  });

export function notInTrash(a: Article) {
  if (a.deletedAt !== null) throw new DomainError("in_trash", `Article ${a.id} is in the trash; restore it first`);
}

const bump = (a: Article, now: number): Pick<Article, "updatedAt" | "version"> => ({ updatedAt: now, version: a.version + 1 });

/**
 * An edit over the loaded article: a new section from the load's target chain, a new body rendered with the
 * load's image rows, every image it names required to exist. An edit to a published article is live at once;
 * its place in listings stays.
 */
export function applyPatch(
  before: Placed,
  patch: ArticlePatch,
  loaded: { target: Section[] | null; media: ReadonlyMap<string, Media> },
  now: number,
): Placed {
  const old = before.article;
  let chain = before.chain;
  if (patch.section !== undefined && patch.section !== before.chain[before.chain.length - 1]?.path) {
    if (!loaded.target) throw unknownSection(patch.section);
    chain = loaded.target;
  }
  if (patch.cover_image !== undefined && patch.cover_image !== old.coverImage) requireCover(patch.cover_image, loaded.media);
  const body = patch.body !== undefined && patch.body !== old.body ? renderArticleBody(patch.body, loaded.media) : null;
  const article: Article = {
    ...old,
    sectionId: (chain[chain.length - 1] as Section).id,
    title: patch.title ?? old.title,
    titleBold: patch.title_bold ?? old.titleBold,
    kicker: patch.kicker ?? old.kicker,
    subtitle: patch.subtitle ?? old.subtitle,
    summary: patch.summary ?? old.summary,
    source: patch.source ?? old.source,
    bylines: patch.bylines ?? old.bylines,
    body: patch.body ?? old.body,
    bodyHtml: body?.html ?? old.bodyHtml,
    bodyText: body?.text ?? old.bodyText,
    coverImage: patch.cover_image !== undefined ? patch.cover_image : old.coverImage,
    publishAt: patch.publish_at !== undefined ? patch.publish_at : old.publishAt,
    ...bump(old, now),
  };
  // A scheduled article whose time is taken away waits as a draft; one moved to a time already past
  // stays scheduled and goes out at the scheduler's next run.
  if (article.status === "scheduled" && article.publishAt === null) article.status = "draft";
  return { article, chain };
}

/**
 * Publishes now, or schedules when the time asked for (or, when none is given, the one stored) is in the
 * future. `at: null` means now, even for a scheduled article; an explicit past `at` backdates it.
 * `placed` is null when the article is already in the state asked for.
 */
export function publishState(before: Placed, at: number | null | undefined, now: number): { placed: Placed | null; scheduled: boolean } {
  const old = before.article;
  const wanted = at !== undefined ? at : old.publishAt !== null && old.publishAt > now ? old.publishAt : null;
  const scheduled = wanted !== null && wanted > now;
  if (old.status === "published") {
    if (scheduled) throw new DomainError("already_published", `Article ${old.id} is already published; unpublish it before scheduling`);
    if ((at ?? null) === null) return { placed: null, scheduled };
  }
  if (scheduled && old.status === "scheduled" && old.publishAt === wanted) return { placed: null, scheduled };
  const goesOutAt = wanted ?? now;
  const article: Article = {
    ...old,
    status: scheduled ? "scheduled" : "published",
    // Once published, the wanted time is the time it went out: a stale schedule must not come back.
    publishAt: goesOutAt,
    publishedAt: scheduled ? null : goesOutAt,
    // Review is over: what the author asked, or why it once went back, no longer applies.
    review: null,
    ...bump(old, now),
  };
  return { placed: { article, chain: before.chain }, scheduled };
}

/** A submission's note belongs to the waiting; an editor's return note stays until the next submit or publication. */
const afterWaiting = (review: Review | null): Review | null => (review?.action === "submit" ? null : review);

/**
 * A schedule taken off with the article: 撤稿 of a scheduled article cancels it, so a later 发布 publishes
 * now rather than bringing back a time someone withdrew.
 */
const unscheduled = (a: Article): number | null => (a.status === "scheduled" ? null : a.publishAt);

/** Off the site and every listing at once: back to draft (unpublish) or finished (archive). Null when already there. */
export function withdrawState(before: Placed, to: "draft" | "archived", now: number): Placed | null {
  if (before.article.status === to) return null;
  const old = before.article;
  const article: Article = { ...old, status: to, publishAt: unscheduled(old), publishedAt: null, review: afterWaiting(old.review), ...bump(old, now) };
  return { article, chain: before.chain };
}

/** Like WordPress, a trashed article is unpublished and comes back as a draft. Null when already in the trash. */
export function trashState(before: Placed, now: number): Placed | null {
  if (before.article.deletedAt !== null) return null;
  const old = before.article;
  const article: Article = { ...old, status: "draft", publishAt: unscheduled(old), publishedAt: null, deletedAt: now, review: afterWaiting(old.review), ...bump(old, now) };
  return { article, chain: before.chain };
}

const wrongStatus = (message: string, a: Article) => new DomainError("wrong_status", message, { status: a.status });

const reviewBy = (actor: Pick<Actor, "id" | "name">, action: Review["action"], note: string, now: number): Review => ({
  action,
  note,
  actor: { id: actor.id, name: actor.name },
  at: now,
});

/**
 * 提交审核: a draft goes to the editors' queue with an optional note. Null when it already waits with the
 * same note (a retried click); a different note for what already waits is refused, as is any other state.
 */
export function submitState(before: Placed, note: string, actor: Pick<Actor, "id" | "name">, now: number): Placed | null {
  const old = before.article;
  if (old.status === "submitted" && old.review?.action === "submit" && old.review.note === note) return null;
  if (old.status === "submitted") throw wrongStatus(`Article ${old.id} is already waiting for review; take it back to change the note`, old);
  if (old.status !== "draft") throw wrongStatus(`Only a draft can be submitted for review; article ${old.id} is ${old.status}`, old);
  return { article: { ...old, status: "submitted", review: reviewBy(actor, "submit", note, now), ...bump(old, now) }, chain: before.chain };
}

/** 退回: an editor sends a waiting article back to its author as a draft, with the note the author will see. */
export function returnState(before: Placed, note: string, actor: Pick<Actor, "id" | "name">, now: number): Placed {
  const old = before.article;
  if (old.status !== "submitted") throw wrongStatus(`Only an article waiting for review can be returned; article ${old.id} is ${old.status}`, old);
  return { article: { ...old, status: "draft", review: reviewBy(actor, "return", note, now), ...bump(old, now) }, chain: before.chain };
}

/** 撤回: the author takes a waiting article back to keep writing. Null when it is a draft already. */
export function recallState(before: Placed, now: number): Placed | null {
  const old = before.article;
  if (old.status === "draft") return null;
  if (old.status !== "submitted") throw wrongStatus(`Only an article waiting for review can be taken back; article ${old.id} is ${old.status}`, old);
  return { article: { ...old, status: "draft", review: null, ...bump(old, now) }, chain: before.chain };
}

export function untrashState(before: Placed, now: number): Placed | null {
  if (before.article.deletedAt === null) return null;
  return { article: { ...before.article, deletedAt: null, ...bump(before.article, now) }, chain: before.chain };
}

/**
 * The content of a stored revision as an edit: checked by the same schema as an editor's PATCH, so a
 * damaged or outdated snapshot can never write what an editor could not. The workflow state stays as it is.
 */
export function revisionAsPatch(snapshot: RevisionSnapshot, chain: Section[], version: number): ArticlePatch {
  const parsed = v.safeParse(ArticlePatchSchema, {
    section: (chain[chain.length - 1] as Section).path,
    title: snapshot.title,
    title_bold: snapshot.title_bold ?? false,
    kicker: snapshot.kicker,
    subtitle: snapshot.subtitle,
    summary: snapshot.summary,
    source: snapshot.source,
    bylines: snapshot.bylines,
    body: snapshot.body,
    cover_image: snapshot.cover_image,
  });
  if (!parsed.success) {
    throw new DomainError("revision_unreadable", `Revision ${version} no longer passes the rules for an article and cannot be restored`, {
      details: issueDetails(parsed.issues),
    });
  }
  return parsed.output;
}

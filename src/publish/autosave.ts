// Autosaves do not flood revisions. An editor saves what a person types every few seconds; each save is a
// new version (the ETag moves on, so If-Match keeps working), but the person's autosaves of one article
// fold into one working revision:
//
//   An autosave replaces the article's newest revision when that revision is an autosave by the same actor
//   (person or key), made less than PAUSE_MS (5 minutes) before — a longer pause ends the working revision —
//   and begun less than SPAN_MS (10 minutes) before — no working revision covers more than 10 minutes of
//   writing. Anything else — an explicit save, publishing, submitting, another person's save, any change —
//   writes a revision of its own, which ends the working revision.
//
// So a working revision starts at least 5 minutes after the one before it began (after a pause) and, while
// the person writes without stopping, 10 minutes after: a day of autosaving makes at most one revision per
// 5 minutes of the day, one per 10 minutes of steady writing, plus one per explicit save, publish or submit.
// Folding never loses text (the working revision always holds the latest autosave) and never crosses
// another actor's save (theirs is the newest revision then). Pure: the clock is the caller's `now`.
import type { Actor } from "../domain/actor.ts";
import type { Article } from "../domain/article.ts";
import type { LatestRevision } from "../db/revisions.ts";

const PAUSE_MS = 5 * 60_000;
const SPAN_MS = 10 * 60_000;

/** The working revision an autosave writes: the version it replaces (null: a new one begins) and when it began. */
export type Working = { replaces: number | null; startedAt: number };

export function workingRevision(article: Article, latest: LatestRevision | null, actor: Pick<Actor, "id">, now: number): Working {
  const folds =
    actor.id !== null &&
    latest !== null &&
    latest.version === article.version &&
    latest.action === "autosave" &&
    latest.actorId === actor.id &&
    latest.startedAt !== null &&
    now - latest.createdAt < PAUSE_MS &&
    now - latest.startedAt < SPAN_MS;
  return folds ? { replaces: latest.version, startedAt: latest.startedAt ?? now } : { replaces: null, startedAt: now };
}

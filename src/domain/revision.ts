// Revisions: every change keeps the article as it was after the change, who made it and when.

export const REVISION_ACTIONS = [
  "create",
  "update",
  "publish",
  "schedule",
  "unpublish",
  "archive",
  "trash",
  "untrash",
  "revert",
  // An autosave's working revision: the person's later autosaves replace it until a pause or an explicit save.
  "autosave",
  // Review (审核): sent to the editors, sent back to the author with a note, taken back by the author.
  "submit",
  "return",
  "recall",
] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export type StoredRevision = {
  version: number;
  action: RevisionAction;
  /** Who made it, by name as it was then; `actorId` is null for a tool and for revisions older than migration 0012 without an audit entry. */
  actor: string;
  actorId: number | null;
  createdAt: number;
  /** An autosave's working revision: when its first autosave was made (`createdAt` is its last). Null otherwise. */
  startedAt: number | null;
};

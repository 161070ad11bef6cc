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
] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export type StoredRevision = { version: number; action: RevisionAction; actor: string; createdAt: number };

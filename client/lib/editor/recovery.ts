// The copy of unsaved work kept in this browser (localStorage), written at every change, so a closed tab, a
// crash or a lost network loses nothing: on return the editor offers it back. It names the version it was
// written on, so bringing it back over an article someone changed since is a conflict, not an overwrite.
import type { Draft } from "./draft.ts";

export type Kept = { draft: Draft; version: number | null; at: number };

const PREFIX = "masthead-editor:";

/** One slot per article (`new` for 写稿 until its first save), and one for what 采用对方的 set aside. */
export const slotOf = (id: number | null, kind: "unsaved" | "set-aside" = "unsaved") => `${PREFIX}${id ?? "new"}${kind === "set-aside" ? ":set-aside" : ""}`;

function isKept(value: unknown): value is Kept {
  if (typeof value !== "object" || value === null) return false;
  const k = value as Record<string, unknown>;
  const d = k.draft as Record<string, unknown> | undefined;
  return typeof k.at === "number" && typeof d === "object" && d !== null && typeof d.title === "string" && typeof d.body === "string" && Array.isArray(d.bylines);
}

export function readKept(slot: string): Kept | null {
  try {
    const raw = localStorage.getItem(slot);
    const value: unknown = raw === null ? null : JSON.parse(raw);
    return isKept(value) ? value : null;
  } catch {
    // A copy that cannot be read (another version's shape, storage off) is no copy: the server's text stands.
    return null;
  }
}

/** Keeps `kept`; false when the browser refused (storage full or off), which the page then says. */
export function keep(slot: string, kept: Kept): boolean {
  try {
    localStorage.setItem(slot, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}

export const forget = (slot: string) => localStorage.removeItem(slot);

// Presence: who else has an article open in an editor, from their heartbeats. It warns ("王五 正在编辑");
// it never blocks a save — If-Match decides whose save wins.

/** Someone with the article open: their actor id and name, and since when (their first heartbeat after a gap). */
export type Editing = { actorId: number; name: string; since: number };

/** An editor sends a heartbeat about every 30 s; someone not heard from for this long has left. */
export const PRESENCE_TTL_MS = 90_000;

/** 接管编辑: who took the article over from someone who had it open, and when. */
export type TakenOver = { by: { id: number; name: string }; at: number };

// The front page as editors make it: the sections' newest headlines (as before), and around them what the
// newsroom chose — the slots (头条, 幻灯, 推荐 and any it adds) and its newest topics (专题).
import type { Home } from "./listing.ts";
import type { ShownSlot } from "./slot.ts";
import type { TopicRef } from "./topic.ts";

/** How many of the newest topics the front page's rail lists. */
export const FRONT_TOPICS = 4;

export type FrontPage = Home & {
  /** Every slot in its order, with the items it shows now (expired ones have left). */
  slots: ShownSlot[];
  /** The newest topics, newest first. */
  topics: TopicRef[];
  /** When the next shown item leaves its slot by itself (ms), or null: the page is true until then at most. */
  nextExpiry: number | null;
};

// Feeds: the newest published articles of the site or of a section, as feed readers get them.
import type { Byline } from "./article.ts";
import type { CoverImage, Media } from "./media.ts";
import type { Section } from "./section.ts";

/** How many items a feed carries: the newest published, newest first. */
export const FEED_SIZE = 50;

/** A cover as an enclosure: what a reader needs to fetch it before it does (type, size). */
export type FeedImage = CoverImage & Pick<Media, "contentType" | "bytes">;

/** An article as a feed carries it: the whole sanitized body, with what its page shows around it. */
export type FeedItem = {
  id: number;
  sectionPath: string;
  sectionName: string;
  title: string;
  summary: string;
  /** The first characters of the body text, read only when the summary is empty. */
  bodyStart: string;
  bodyHtml: string;
  bylines: Byline[];
  cover: FeedImage | null;
  publishedAt: number;
  updatedAt: number;
};

/** A topic as its feed names itself. */
export type FeedTopic = { slug: string; title: string; description: string };

export type Feed = {
  /** The section and its ancestors, root first; empty for the whole site's feed and a topic's. */
  chain: Section[];
  /** The topic whose feed this is (专题: its published articles, newest first). */
  topic?: FeedTopic;
  items: FeedItem[];
  /**
   * The newest change to anything the feed shows (ms): its sections' last listing change, or its newest item
   * edit, whichever is later. An item leaving the feed touches its sections, so this never goes backwards.
   */
  lastModified: number;
};

// Topics (专题): coverage of one event gathered on its own page, /special/<slug>/, in ordered groups (分组).
// An article may be in several topics; only its published members are listed, and a member leaving the site
// stays a member, listed again when it comes back.
import type { ArticleStatus } from "./article.ts";
import type { ListedArticle } from "./listing.ts";
import type { CoverImage } from "./media.ts";
import type { Section } from "./section.ts";

/** A topic lists at most this many articles: what a change to it rewrites stays bounded. */
export const TOPIC_MAX_ARTICLES = 2000;

/** At most this many groups in one topic. */
export const TOPIC_MAX_GROUPS = 20;

export type TopicGroup = { id: number; name: string; sortOrder: number };

export type Topic = {
  id: number;
  /** The URL's name, /special/<slug>/; never changes (it names the cache tag t:<slug>). */
  slug: string;
  title: string;
  /** A media key shown across the top of the page; null: none. */
  banner: string | null;
  /** What the editor wrote (Markdown). */
  intro: string;
  /** Rendered and sanitized once, at write time. */
  introHtml: string;
  introText: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** The last change to anything the topic lists: its feeds' Last-Modified. */
  changedAt: number;
};

/** A group as the topic page knows it: how many published members it lists and where they start. */
export type ListedGroup = TopicGroup & { listed: number; firstPosition: number | null };

/** A topic with its groups, as editors and the page see it. */
export type TopicWithGroups = Topic & { groups: (TopicGroup & { members: number })[] };

/** A page of a topic: the topic, its groups, and the page's articles in page order, each with its group. */
export type TopicPage = {
  nav: Section[];
  topic: Topic & { bannerImage: CoverImage | null };
  groups: ListedGroup[];
  /** Published members listed. */
  total: number;
  items: (ListedArticle & { groupId: number })[];
};

/** A topic as other pages link to it (an article's 专题, the home page's rail). */
export type TopicRef = { slug: string; title: string; banner: CoverImage | null };

/** A member as editors list them: whatever the article's state. */
export type TopicMember = { articleId: number; groupId: number; addedAt: number; title: string; status: ArticleStatus; listed: boolean; sectionPath: string; publishedAt: number | null };

// Articles: the stored article, its workflow states, and the read models pages and lists are made of.
import type { CoverFigure } from "./media.ts";
import type { Section } from "./section.ts";

/**
 * Workflow states. Trash is orthogonal (`deletedAt`); a trashed article is never published. `submitted`
 * (待审) is a draft its author has sent to the editors; readers see only `published`.
 */
export const ARTICLE_STATUSES = ["draft", "submitted", "scheduled", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * The last review step, shown on the article: `submit` with the author's note while it waits (status
 * `submitted`), `return` with the editor's note on a draft sent back (退回) until it is submitted again or
 * published. `actor` is who took the step, by actor id (null for a tool) and name.
 */
export type Review = { action: "submit" | "return"; note: string; actor: { id: number | null; name: string }; at: number };

/**
 * The state an article is shown in — in the API's `status`, its filters, search facets and the audit log: its
 * workflow status, or `trash` while it is in the trash (where its workflow status is kept, to come back to).
 */
export const ARTICLE_STATES = [...ARTICLE_STATUSES, "trash"] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const articleState = (a: { status: ArticleStatus; deletedAt: number | null }): ArticleState => (a.deletedAt !== null ? "trash" : a.status);

export type Byline = { name: string; role: string };

/** Desk roles close an article on a line of their own (编辑 / 责任编辑 …); everyone else wrote or made it. */
export const DESK_ROLES: ReadonlySet<string> = new Set(["编辑", "责任编辑", "责编", "值班编辑", "审核", "审校", "校对", "终审", "编审", "监制", "主编"]);

/** The bylines of the people who made the story (记者, 通讯员, 摄影 …): its authors in feeds and metadata. */
export const reporters = (bylines: readonly Byline[]): Byline[] => bylines.filter((b) => !DESK_ROLES.has(b.role));

export type Article = {
  id: number;
  sectionId: number;
  status: ArticleStatus;
  title: string;
  /** Set in bold wherever lists show it (the 加粗 flag of DedeCMS and PHPCMS titles). */
  titleBold: boolean;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: Byline[];
  /** What the editor wrote (Markdown). */
  body: string;
  /** The body rendered and sanitized once, at write time. */
  bodyHtml: string;
  /** The body as plain text, for summaries, feeds and search. */
  bodyText: string;
  coverImage: string | null;
  /** The wanted publication time (scheduling). */
  publishAt: number | null;
  /** When it went public; sets its place in listings. */
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** +1 on every change: the admin API's ETag and the write path's optimistic lock. */
  version: number;
  /** The actor (key or person) that created it: authors edit their own drafts. */
  createdBy: number | null;
  /** In the trash since; null when not. */
  deletedAt: number | null;
  review: Review | null;
};

export type PublishedArticle = Article & { status: "published"; publishedAt: number };

/** Whether readers see the article: published and not in the trash. Listings hold exactly these. */
export const isListed = (a: Article | null): a is PublishedArticle =>
  a !== null && a.status === "published" && a.publishedAt !== null && a.deletedAt === null;

/** A published neighbour in the same section, for 上一篇 / 下一篇 links. */
export type NeighbourArticle = { id: number; title: string; sectionPath: string; publishedAt: number };

/** A published article with everything its page shows around it. */
export type ArticleInContext = {
  article: PublishedArticle;
  /** The section the article lives in now: a page asked for under another path redirects here. */
  sectionPath: string;
  /** Its section and that section's ancestors, root first. */
  chain: Section[];
  /** 上一篇: the next older published article of the same section. */
  older: NeighbourArticle | null;
  /** 下一篇: the next newer one. */
  newer: NeighbourArticle | null;
  cover: CoverFigure | null;
  /** The top-level sections, for a page's navigation; empty when not asked for. */
  nav: Section[];
};

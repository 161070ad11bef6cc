// Slots (推荐位): named, ordered places on the front page that editors fill with published articles — 头条,
// 幻灯, 推荐 and any the newsroom adds — each item optionally until a time (then it leaves by itself).
import type { ArticleStatus } from "./article.ts";
import type { CoverImage } from "./media.ts";

/** The places the home page is built around, by slug; every other slot is a list in its right rail. */
export const HOME_SLOTS = { band: "toutiao", focus: "huandeng", picks: "tuijian" } as const;

/** At most this many articles in one slot: a slot is a place on a page, not a listing. */
export const SLOT_MAX_CAPACITY = 50;

export type Slot = {
  id: number;
  /** Never changes: it names the slot's cache tag and the home page's places. */
  slug: string;
  name: string;
  description: string;
  capacity: number;
  sortOrder: number;
  /** Every item must show a picture (幻灯): its own `image` or the article's cover. */
  needsPicture: boolean;
  /** +1 on every change (its items included): the admin API's ETag and the write path's lock. */
  version: number;
  createdAt: number;
  updatedAt: number;
};

/** An item as stored: the article, its place, and what the slot shows instead of the article's own. */
export type SlotItem = {
  articleId: number;
  /** Shown instead of the article's title; "" shows the article's. */
  title: string;
  /** A media key shown instead of the article's cover; null shows the cover. */
  image: string | null;
  /** Leaves the slot at this time (ms); null: until taken out. */
  expiresAt: number | null;
  addedAt: number;
};

/** The article behind an item, as editors see it next to the item. */
export type SlotArticle = {
  id: number;
  title: string;
  subtitle: string;
  sectionPath: string;
  coverImage: string | null;
  status: ArticleStatus;
  listed: boolean;
  publishedAt: number | null;
};

export type SlotWithItems = Slot & { items: (SlotItem & { article: SlotArticle })[] };

/** An item as the front page shows it: the article's title unless the slot gives one, and the picture to show. */
export type ShownSlotItem = {
  id: number;
  sectionPath: string;
  title: string;
  subtitle: string;
  summary: string;
  bodyStart: string;
  titleBold: boolean;
  picture: CoverImage | null;
  publishedAt: number;
  expiresAt: number | null;
};

/** A slot as the front page shows it: its live items, in order. */
export type ShownSlot = { slug: string; name: string; description: string; items: ShownSlotItem[] };

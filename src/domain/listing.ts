// Listings: an article as section pages, home and feeds list it, and the pages they make up.
import type { CoverImage } from "./media.ts";
import type { Section } from "./section.ts";

/** An article as lists show it: no body, only the start of its text for a summary fallback. */
export type ListedArticle = {
  id: number;
  sectionPath: string;
  sectionName: string;
  title: string;
  /** Set in bold, as the old site's 加粗 flag asked. */
  titleBold: boolean;
  summary: string;
  /** The first characters of the body text, read only when the summary is empty. */
  bodyStart: string;
  cover: CoverImage | null;
  publishedAt: number;
};

export type SectionPage = {
  /** The top-level sections: the navigation every page shows. */
  nav: Section[];
  /** The section and its ancestors, root first. */
  chain: Section[];
  children: Section[];
  /** Published articles listed in the section, its subsections' included. */
  total: number;
  /** The page's articles, newest first. */
  items: ListedArticle[];
};

export type Home = { nav: Section[]; headlines: { section: Section; items: ListedArticle[] }[] };

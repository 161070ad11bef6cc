// What a system's mapping makes of one article row, before images are stored and the body is cleaned:
// an article to import, or a row skipped with its reason.
import type { Byline } from "../../src/domain/article.ts";

export type Candidate = {
  id: number;
  /** The old section id (typeid / catid). */
  sectionId: number;
  /** `submitted`: waiting for review in the old system (待审); `draft`: not to be published as it is. */
  status: "published" | "submitted" | "draft";
  /** Why an unpublished article is not published (not reviewed yet, members only…), for the report. */
  statusReason?: string;
  publishedAt: number;
  updatedAt?: number;
  title: string;
  /** Set in bold where lists show it: DedeCMS's flag b, PHPCMS's style font-weight:bold. */
  titleBold: boolean;
  /** DedeCMS's flags (h, f, c, a, s … : the slots it was in); none for PHPCMS, whose slots are tables. */
  flags: string[];
  source: string;
  summary: string;
  bylines: Byline[];
  /** The cover's old reference (litpic, thumb), as written. */
  cover: string;
  /** The body as the old editor left it. */
  html: string;
  /** The article's old static URLs, as paths, that the old site printed. */
  oldPaths: string[];
  /** How each old path was made, for the report of URL patterns (`{typedir}/{Y}{M}{D}/{aid}.html`). */
  pattern: string | null;
};

export type Skip = { id: number | null; line: number; reason: string };

// The grammar of reader URLs under /html/, in the DedeCMS form: what a path asks for, or null (404).
// Only canonical spellings are served; the few legacy variants readers still follow are redirected.
import { FEED_FILES, type FeedFormat, SECTION_PATH } from "./urls.ts";

export type HtmlRequest =
  | { kind: "article"; sectionPath: string; id: number }
  | { kind: "section"; sectionPath: string; page: number }
  /** Another name of a section's first page (no trailing slash, index.html, index_1.html): 301 when it exists. */
  | { kind: "section-alias"; sectionPath: string }
  /** A section's feed (its subsections' articles included): rss.xml, atom.xml, feed.json. */
  | { kind: "feed"; sectionPath: string; format: FeedFormat };

const FEED_BY_FILE = new Map<string, FeedFormat>(Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]));

// No leading zeros: `0123.html` and `index_02.html` are not URLs this site ever printed, so they are 404s
// rather than second spellings of a page. Sixteen digits cover every safe integer id.
const ARTICLE_FILE = /^([1-9][0-9]{0,15})\.html$/;
// A million pages of 20 is far past any archive; longer numbers are refused before any arithmetic.
const PAGE_FILE = /^index_([1-9][0-9]{0,5})\.html$/;

/** `path` is the request path as Hono decodes it (`/html/xw/dzyw/88594.html`). */
export function parseHtmlPath(path: string): HtmlRequest | null {
  if (!path.startsWith("/html/")) return null;
  const rest = path.slice("/html/".length);
  if (rest.endsWith("/")) {
    const sectionPath = rest.slice(0, -1);
    return SECTION_PATH.test(sectionPath) ? { kind: "section", sectionPath, page: 1 } : null;
  }
  if (SECTION_PATH.test(rest)) return { kind: "section-alias", sectionPath: rest };
  const slash = rest.lastIndexOf("/");
  const sectionPath = rest.slice(0, Math.max(slash, 0));
  const file = rest.slice(slash + 1);
  if (!SECTION_PATH.test(sectionPath)) return null;
  const article = ARTICLE_FILE.exec(file);
  if (article?.[1]) {
    const id = Number(article[1]);
    return Number.isSafeInteger(id) ? { kind: "article", sectionPath, id } : null;
  }
  const feed = FEED_BY_FILE.get(file);
  if (feed) return { kind: "feed", sectionPath, format: feed };
  if (file === "index.html" || file === "index_1.html") return { kind: "section-alias", sectionPath };
  const page = PAGE_FILE.exec(file);
  if (page?.[1]) return { kind: "section", sectionPath, page: Number(page[1]) };
  return null;
}

// The grammar of topic (专题) URLs under /special/, in the DedeCMS form section pages use: what a path asks
// for, or null (404). Only canonical spellings are served; the other names of a first page are redirected.
import { FEED_FILES, type FeedFormat } from "./urls.ts";
import { TOPIC_SLUG } from "./front-schemas.ts";

export type SpecialRequest =
  | { kind: "topic"; slug: string; page: number }
  /** Another name of a topic's first page (no trailing slash, index.html, index_1.html): 301 when it exists. */
  | { kind: "topic-alias"; slug: string }
  | { kind: "feed"; slug: string; format: FeedFormat };

const FEED_BY_FILE = new Map<string, FeedFormat>(Object.entries(FEED_FILES).map(([format, file]) => [file, format as FeedFormat]));

// As section pages: no leading zeros, no page 1 spelt out, at most a million pages.
const PAGE_FILE = /^index_([1-9][0-9]{0,5})\.html$/;

/** `path` is the request path as Hono decodes it (`/special/lanjiang/index_2.html`). */
export function parseSpecialPath(path: string): SpecialRequest | null {
  if (!path.startsWith("/special/")) return null;
  const rest = path.slice("/special/".length);
  const slash = rest.indexOf("/");
  const slug = slash < 0 ? rest : rest.slice(0, slash);
  if (!TOPIC_SLUG.test(slug)) return null;
  if (slash < 0) return { kind: "topic-alias", slug };
  const file = rest.slice(slash + 1);
  if (file === "") return { kind: "topic", slug, page: 1 };
  if (file === "index.html" || file === "index_1.html") return { kind: "topic-alias", slug };
  const feed = FEED_BY_FILE.get(file);
  if (feed) return { kind: "feed", slug, format: feed };
  const page = PAGE_FILE.exec(file);
  return page?.[1] ? { kind: "topic", slug, page: Number(page[1]) } : null;
}

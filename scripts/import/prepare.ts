// An accepted article row made ready for the write path: its pictures stored and its references rewritten,
// its body cleaned, its links to the old host made site-relative, its old URLs judged (stored, or served by id).
import type { LegacySystem } from "../../src/domain/legacy.ts";
import { LIMITS } from "../../src/content/schemas.ts";
import { articleUrl, mediaUrl } from "../../src/content/urls.ts";
import type { ImportItem } from "../../src/publish/import.ts";
import type { ImageTally } from "./body/image-tally.ts";
import type { ImageOutcome, OldImages } from "./body/images.ts";
import { cleanLegacyBody, imageSources, parseLegacyBody } from "../../src/content/legacy-html.ts";
import type { ShownImage } from "../../src/content/legacy-images.ts";
import type { Candidate } from "./candidate.ts";
import { sitePath } from "./old-paths.ts";
import { type UrlPatterns, pathsToStore, verdictFor } from "./old-urls.ts";

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|bmp|avif)$/i;

/** The first `max` characters (code points) of a field, with … when it was longer. */
function bounded(text: string, max: number): { text: string; cut: boolean } {
  const chars = [...text];
  return chars.length <= max ? { text, cut: false } : { text: `${chars.slice(0, max - 1).join("")}…`, cut: true };
}

const shownOf = (o: ImageOutcome): ShownImage | null =>
  o.kind === "stored"
    ? { url: mediaUrl(o.media.key), width: o.media.width, height: o.media.height }
    : o.kind === "external" && /^https:\/\//i.test(o.url)
      ? { url: o.url, width: null, height: null }
      : null;

export type Preparer = {
  system: LegacySystem;
  hosts: ReadonlySet<string>;
  images: OldImages;
  tally: ImageTally;
  urls: UrlPatterns;
  notes: { id: number; note: string }[];
};

/** Notes an article's old URLs in the report of patterns, and returns those only legacy_paths can answer. */
export function judgeOldPaths(c: Candidate, sectionPath: string, urls: UrlPatterns): string[] {
  const target = { kind: "article" as const, id: c.id, url: articleUrl(sectionPath, c.id) };
  for (const path of c.oldPaths) urls.addVerdict(c.pattern ?? path, path, verdictFor(path, target));
  return pathsToStore(c.oldPaths, target);
}

/** The article in `sectionPath` (the section's planned path: it is made before the batch is written). */
export async function prepareArticle(p: Preparer, c: Candidate, sectionPath: string, fingerprint: string): Promise<ImportItem> {
  const shown = new Map<string, ShownImage | null>();
  const parsed = parseLegacyBody(c.html);
  for (const ref of imageSources(parsed)) {
    const outcome = await p.images.resolve(ref);
    p.tally.add(outcome, ref, c.id);
    shown.set(ref, shownOf(outcome));
  }
  let cover: string | null = null;
  if (c.cover) {
    const outcome = await p.images.resolve(c.cover, c.title);
    p.tally.add(outcome, c.cover, c.id);
    if (outcome.kind === "stored") cover = outcome.media.key;
  }
  const link = (href: string): string | null => {
    if (/^(?:javascript|vbscript|data):/i.test(href)) return null;
    const known = shown.get(href);
    if (known) return known.url;
    const own = /^(?:https?:)?\/\//i.test(href) || href.startsWith("/") ? sitePath(href, p.hosts) : null;
    // A link to one of the old site's pictures that was not stored would lead nowhere.
    if (own !== null && IMAGE_FILE.test(own)) return null;
    return own ?? href;
  };
  const body = cleanLegacyBody(parsed, { image: (src) => shown.get(src) ?? null, link });
  const summary = bounded(c.summary, LIMITS.summary);
  const source = bounded(c.source, LIMITS.source);
  if (summary.cut) p.notes.push({ id: c.id, note: `summary cut to ${LIMITS.summary} characters` });
  if (source.cut) p.notes.push({ id: c.id, note: `source cut to ${LIMITS.source} characters` });
  return {
    id: c.id,
    section: sectionPath,
    status: c.status,
    published_at: c.publishedAt,
    ...(c.updatedAt !== undefined && { updated_at: c.updatedAt }),
    title: c.title,
    title_bold: c.titleBold,
    source: source.text,
    summary: summary.text,
    bylines: c.bylines,
    body,
    cover_image: cover,
    legacy: { system: p.system, fingerprint, paths: judgeOldPaths(c, sectionPath, p.urls) },
  };
}

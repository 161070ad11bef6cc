// An article body as the write path accepts it: rendered once, bounded in what it stores, and showing only
// images that exist. Everything an editor sends is refused with a 422 naming the limit long before D1's
// 2,000,000-byte limit on a row could turn it into a 500.
import type { Media } from "../domain/media.ts";
import { DomainError } from "../domain/errors.ts";
import { type RenderedBody, RenderTooLarge, mediaKeysIn, renderBody } from "../content/markdown.ts";
import { LIMITS } from "../content/schemas.ts";
import { jsonStringBytes, utf8Bytes } from "../content/text.ts";

const n = (x: number) => x.toLocaleString("en-US");

/** The media keys a body may show, to load their rows before rendering (a superset: any /media/ path). */
export const bodyMediaKeys = (md: string): string[] => mediaKeysIn(md);

const tooMuchHtml = (bytes: number, atLeast = false) =>
  new DomainError(
    "body_too_large",
    `The body renders to ${atLeast ? "at least " : ""}${n(bytes)} bytes of HTML; at most ${n(LIMITS.bodyHtmlBytes)} can be stored`,
    { limit_bytes: LIMITS.bodyHtmlBytes, details: [{ path: "body", message: `renders to more than ${n(LIMITS.bodyHtmlBytes)} bytes of HTML` }] },
  );

/** Rendered, unless its HTML would surely be too large to keep: then refused before the work is done. */
function rendered(md: string, media: ReadonlyMap<string, Media>): RenderedBody {
  try {
    // Characters are at most as many as UTF-8 bytes: a body refused here is over the byte limit too.
    return renderBody(md, media, LIMITS.bodyHtmlBytes);
  } catch (error) {
    if (error instanceof RenderTooLarge) throw tooMuchHtml(error.atLeast, true);
    throw error;
  }
}

/** Renders `md`, or refuses it: a missing image, HTML over LIMITS.bodyHtmlBytes, or too much to store. */
export function renderArticleBody(md: string, media: ReadonlyMap<string, Media>): RenderedBody {
  const body = rendered(md, media);
  const missing = body.images.filter((key) => !media.has(key));
  if (missing.length) {
    throw new DomainError("unknown_image", `The body shows ${missing.length === 1 ? "an image that was" : "images that were"} never uploaded`, {
      details: missing.map((key) => ({ path: "body", message: `no uploaded image /media/${key}` })),
    });
  }
  const htmlBytes = utf8Bytes(body.html);
  if (htmlBytes > LIMITS.bodyHtmlBytes) throw tooMuchHtml(htmlBytes);
  // As the row stores them, and as a revision or a stored Idempotency-Key answer stores them, JSON-escaped.
  const stored = jsonStringBytes(md) + jsonStringBytes(body.html) + utf8Bytes(body.text);
  if (stored > LIMITS.storedBodyBytes) {
    throw new DomainError(
      "body_too_large",
      `The body's Markdown, HTML and text come to ${n(stored)} bytes; at most ${n(LIMITS.storedBodyBytes)} fit in one article`,
      { limit_bytes: LIMITS.storedBodyBytes, details: [{ path: "body", message: `stores more than ${n(LIMITS.storedBodyBytes)} bytes` }] },
    );
  }
  return body;
}

/** A cover must name an uploaded image: a dangling key would print a broken <img> on every listing. */
export function requireCover(key: string | null | undefined, media: ReadonlyMap<string, Media>): void {
  if (key && !media.has(key)) {
    throw new DomainError("unknown_image", "The cover image was never uploaded", {
      details: [{ path: "cover_image", message: `no uploaded image ${key}` }],
    });
  }
}

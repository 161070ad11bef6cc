// Sanitized body HTML with every link and image made absolute, for copies read away from the site (feeds):
// a feed reader resolves `/media/…` against the feed's own URL at best, and against nothing at worst.

// Sanitized HTML (src/content/markdown.ts) writes every attribute in double quotes, with & and " as entities,
// and < and > in text and values as entities: so these find exactly its tags, and the href and src in each.
const TAG = /<[a-z][a-z0-9]*\s[^>]*>/gi;
const URL_ATTRIBUTE = /(\s(?:href|src)=")([^"]*)"/gi;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const decodeAttribute = (value: string) =>
  value.replace(/&(amp|quot|lt|gt|#39);/g, (_, e: string) => ({ amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'" })[e] ?? _);
const encodeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** `value` resolved against `base` (the article's absolute URL), unless it already names its scheme. */
function absolute(value: string, base: string): string {
  const url = decodeAttribute(value);
  if (HAS_SCHEME.test(url)) return value;
  try {
    return encodeAttribute(new URL(url, base).href);
  } catch {
    return value;
  }
}

/** `html` with each relative href and src resolved against `base`: `/media/x.jpg` → `https://site/media/x.jpg`. */
export function withAbsoluteUrls(html: string, base: string): string {
  return html.replace(TAG, (tag) => tag.replace(URL_ATTRIBUTE, (_, head: string, value: string) => `${head}${absolute(value, base)}"`));
}

// Sanitized body HTML with every link and image made absolute, for copies read away from the site (feeds):
// a feed reader resolves `/media/…` against the feed's own URL at best, and against nothing at worst.

// A start tag read as HTML's tokenizer reads one (WHATWG HTML §13.2.5.32–38): attribute names run to a space,
// `/`, `>` or `=`; a value is double-quoted, single-quoted, or runs to a space or `>`. Each value is taken
// whole, so nothing inside one — `title="见 src="`, `alt="a>b"`, `title='say "src=/y"'` — is ever read as
// an attribute or as the end of the tag. (A value cannot start with a quote unquoted: the two readings of
// a value never overlap, so a tag that does not match fails fast.)
const VALUE = String.raw`(?:"[^"]*"|'[^']*'|[^\s"'>][^\s>]*)`;
const START_TAG = new RegExp(String.raw`<[a-z][^\s/>]*(?:[\s/]+[^\s/>=]+(?:\s*=\s*${VALUE})?)*[\s/]*>`, "gi");
const ATTRIBUTE = new RegExp(String.raw`([\s/]+)([^\s/>=]+)(?:(\s*=\s*)(${VALUE}))?`, "g");
const URL_ATTRIBUTE = /^(?:href|src)$/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const decodeAttribute = (value: string) =>
  value.replace(/&(amp|quot|lt|gt|#39|apos);/g, (_, e: string) => ({ amp: "&", quot: '"', lt: "<", gt: ">", "#39": "'", apos: "'" })[e] ?? _);
const encodeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
const unquote = (value: string) => (value.startsWith('"') || value.startsWith("'") ? value.slice(1, -1) : value);

/** `value` (as written, entities and all) resolved against `base`; null when it names its scheme already or is no URL. */
function absolute(value: string, base: string): string | null {
  const url = decodeAttribute(value);
  if (HAS_SCHEME.test(url)) return null;
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/** One start tag with its relative href and src resolved, each rewritten value in double quotes. */
function tagWithAbsoluteUrls(tag: string, base: string): string {
  const name = /^<[^\s/>]+/.exec(tag)?.[0] ?? "";
  const rest = tag.slice(name.length).replace(ATTRIBUTE, (whole, gap: string, attr: string, eq: string | undefined, value: string | undefined) => {
    if (eq === undefined || value === undefined || !URL_ATTRIBUTE.test(attr)) return whole;
    const resolved = absolute(unquote(value), base);
    return resolved === null ? whole : `${gap}${attr}${eq}"${encodeAttribute(resolved)}"`;
  });
  return name + rest;
}

/** `html` with each relative href and src resolved against `base`: `/media/x.jpg` → `https://site/media/x.jpg`. */
export function withAbsoluteUrls(html: string, base: string): string {
  return html.replace(START_TAG, (tag) => tagWithAbsoluteUrls(tag, base));
}

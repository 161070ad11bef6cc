// The one way text gets into XML (feeds, sitemaps): escaped for content and attributes, or wrapped in CDATA,
// and in both cases stripped of what XML 1.0 cannot carry at all (§2.2 Char): C0 controls other than tab,
// newline and carriage return (pasted from word processors), U+FFFE and U+FFFF, and lone surrogates.

// Everything outside XML 1.0's Char production. A surrogate is allowed only as half of a pair.
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

// A cheap first look: text with none of these (almost all text) has nothing to remove, and the lookarounds
// above need not run over a whole feed's bodies.
const MAYBE_NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/;
const SPECIAL = /[&<>"']/;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** `text` with every character XML 1.0 forbids removed: what is left can be written anywhere XML allows text. */
export const xmlChars = (text: string): string => (MAYBE_NOT_XML.test(text) ? text.replace(NOT_XML_CHAR, "") : text);

/** Text for an element's content or an attribute value (either quote): &, <, >, " and ' as entities. */
export function escapeXml(text: string): string {
  const chars = xmlChars(text);
  return SPECIAL.test(chars) ? chars.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch) : chars;
}

/**
 * Text as a CDATA section, for HTML carried whole (RSS content:encoded). A `]]>` inside would end the
 * section early, so it is split across two sections: `]]` ends one, `>` starts the next.
 */
export const cdata = (text: string): string => `<![CDATA[${xmlChars(text).replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;

/** `<name>escaped text</name>`, the shape of most feed and sitemap elements. */
export const element = (name: string, text: string): string => `<${name}>${escapeXml(text)}</${name}>`;

/** `name="value" …` for the attributes given, in order, each value escaped. */
export const attributes = (attrs: Record<string, string | number>): string =>
  Object.entries(attrs)
    .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
    .join(" ");

export const XML_DECLARATION = `<?xml version="1.0" encoding="UTF-8"?>`;

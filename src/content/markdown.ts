// Article bodies: Markdown in (raw HTML allowed, as legacy CMS content has it), sanitized HTML out.
// Runs once, when an article is written; reader pages only ever print the stored result.
import MarkdownIt from "markdown-it";
import cjkFriendly from "markdown-it-cjk-friendly";
import sanitizeHtml from "sanitize-html";
import { type ImageInfo, MEDIA_KEY } from "../domain/media.ts";

/** A rendered body: sanitized HTML, its plain text, and the media keys its images show. */
export type RenderedBody = { html: string; text: string; images: string[] };

// `/media/<key>`: an image from our own store, whose size and caption we know.
const KEY_PATTERN = MEDIA_KEY.source.slice(1, -1);
const MEDIA_SRC = new RegExp(`^/media/(${KEY_PATTERN})$`);
const MEDIA_SRC_ANYWHERE = new RegExp(`/media/(${KEY_PATTERN})`, "g");

// CommonMark misjudges emphasis next to CJK punctuation (`**“两新”**组织` stays unbolded); the
// cjk-friendly plugin fixes the delimiter rules without changing anything for Latin text.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false }).use(cjkFriendly);

type Token = ReturnType<MarkdownIt["parse"]>[number];

/** A paragraph that holds one image and nothing else becomes a figure; its title is the caption. */
function figureRule(state: { tokens: Token[] }) {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (open?.type !== "paragraph_open" || inline?.type !== "inline" || close?.type !== "paragraph_close") continue;
    const children = (inline.children ?? []).filter((t) => !(t.type === "text" && t.content.trim() === "") && t.type !== "softbreak");
    const image = children[0];
    if (children.length !== 1 || image?.type !== "image") continue;
    image.meta = { figure: true };
    open.tag = "figure";
    close.tag = "figure";
    open.meta = { figure: true };
  }
}
markdown.core.ruler.push("masthead_figure", figureRule);

const renderImage = markdown.renderer.rules.image;
markdown.renderer.rules.image = (tokens, idx, options, env: { images?: ReadonlyMap<string, ImageInfo> }, self) => {
  const token = tokens[idx];
  if (!token) return "";
  const src = token.attrGet("src") ?? "";
  const info = env.images?.get(MEDIA_SRC.exec(src)?.[1] ?? "");
  if (info?.width && info.height) {
    token.attrSet("width", String(info.width));
    token.attrSet("height", String(info.height));
  }
  token.attrSet("loading", "lazy");
  token.attrSet("decoding", "async");
  const title = token.attrGet("title");
  // The caption goes in <figcaption>; a tooltip repeating it would only be noise.
  if (title !== null) token.attrs = (token.attrs ?? []).filter(([name]) => name !== "title");
  let img = renderImage ? renderImage(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  // An empty alt in the Markdown falls back to the alt text stored with the upload.
  if (info?.alt) img = img.replace(' alt=""', ` alt="${markdown.utils.escapeHtml(info.alt)}"`);
  const caption = title || info?.caption || "";
  const credit = info?.credit ? `（${info.credit}）` : "";
  // Only a figure has a caption; an image inside a sentence stays just an image.
  if (token.meta?.figure !== true || (!caption && !credit)) return img;
  return `${img}<figcaption>${markdown.utils.escapeHtml(caption + credit)}</figcaption>`;
};

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "hr",
    "strong", "em", "b", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small", "cite", "q", "abbr",
    "code", "pre", "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
    "ruby", "rt", "rp", "span",
  ],
  allowedAttributes: {
    "*": ["lang"],
    a: ["href", "title", "rel"],
    img: ["src", "alt", "width", "height", "loading", "decoding"],
    ol: ["start"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    abbr: ["title"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["https"] },
  allowProtocolRelative: false,
  // Scripts, styles, iframes and the like go with their content, not just their tags.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "template", "svg", "math"],
  transformTags: {
    // The page title is the only <h1>.
    h1: "h2",
    // Every image has an alt attribute, empty when nothing describes it (valid HTML, and honest to screen readers).
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, alt: attribs.alt ?? "" } }),
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
  },
  exclusiveFilter: (frame) =>
    // An image must come from our media store or a secure origin; anything else is dropped.
    frame.tag === "img" && !(MEDIA_SRC.test(frame.attribs.src ?? "") || /^https:\/\//i.test(frame.attribs.src ?? "")),
};

/** The /media keys an article body refers to, so their sizes can be looked up before rendering. */
export function mediaKeysIn(md: string): string[] {
  const keys = new Set<string>();
  for (const m of md.matchAll(MEDIA_SRC_ANYWHERE)) if (m[1]) keys.add(m[1]);
  return [...keys];
}

const BLOCK_END = /<\/(?:p|h[2-6]|li|blockquote|figcaption|tr|pre|table|figure)>|<br\s*\/?>/gi;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

/** Plain text of sanitized HTML: paragraphs on their own lines, entities decoded. */
export function htmlToText(html: string): string {
  const stripped = sanitizeHtml(html.replace(BLOCK_END, (m) => `${m}\n`), { allowedTags: [], allowedAttributes: {} });
  return stripped
    .replace(/&(?:amp|lt|gt|quot|nbsp|#39);/g, (e) => ENTITIES[e] ?? e)
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

// Sanitized HTML writes every attribute in double quotes, so this finds each image it kept from our store.
const SHOWN_MEDIA = new RegExp(`<img[^>]* src="/media/(${KEY_PATTERN})"`, "g");

/** The media keys of the images a rendered (sanitized) body shows. */
export function shownImages(html: string): string[] {
  const shown = new Set<string>();
  for (const m of html.matchAll(SHOWN_MEDIA)) if (m[1]) shown.add(m[1]);
  return [...shown];
}

/** A body whose HTML would be longer than the caller can keep: refused before it is rendered. */
export class RenderTooLarge extends Error {
  readonly atLeast: number;
  constructor(atLeast: number) {
    super(`renders to at least ${atLeast} characters of HTML`);
    this.atLeast = atLeast;
  }
}

/**
 * At most how many characters of HTML the tokens print: their text and attributes, which the renderer writes
 * at least once each. Reference links repeat a long destination wherever they are used (200 KB of Markdown
 * can print 160 MB), so this is counted from the parse, which is linear, before anything is rendered.
 */
function leastHtmlLength(tokens: readonly Token[]): number {
  let total = 0;
  for (const token of tokens) {
    for (const [, value] of token.attrs ?? []) total += value.length;
    if (token.children) total += leastHtmlLength(token.children);
    else total += token.content.length;
  }
  return total;
}

/**
 * Renders an article body. `images` maps media keys to what is known of them (size, caption). A body whose
 * HTML would surely exceed `maxHtml` characters is refused (RenderTooLarge) without being rendered.
 */
export function renderBody(md: string, images: ReadonlyMap<string, ImageInfo> = new Map(), maxHtml = Infinity): RenderedBody {
  const env = { images };
  const tokens = markdown.parse(md, env);
  const least = leastHtmlLength(tokens);
  if (least > maxHtml) throw new RenderTooLarge(least);
  const html = sanitizeHtml(markdown.renderer.render(tokens, markdown.options, env), SANITIZE).trim();
  return { html, text: htmlToText(html), images: shownImages(html) };
}

// What a reader counts as one character: 👨‍👩‍👧 or 🇨🇳 is one, though it is several code points.
const GRAPHEMES = new Intl.Segmenter("zh-CN", { granularity: "grapheme" });
// Text without anything that joins code points into one character (marks, joiners, variation selectors,
// regional indicators, skin tones, tag characters, Hangul jamo) has a character per code point: segmenting
// it, which costs a hundred times more, would change nothing.
const JOINS = /[\p{M}\u200d\ufe00-\ufe0f\u1100-\u11ff\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
// Anything but Latin up to U+02FF, general punctuation (quotes, dashes, ellipsis; not U+2028–202F or
// U+205F–206F, nor U+200x), symbols U+2070–20CF and U+2100–2BFF, CJK punctuation, kana and ideographs (less
// the ideographic tone marks U+302A–302F and the kana sound marks U+3099–309A) and full-width forms: none of
// those is in JOINS, so text without a match here skips JOINS's scan, ten times slower for its Unicode property.
const MAY_JOIN = /[^\0-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2bff\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uff00-\uffef]/;

/** The first `max` code points of text, or null when it has no more than that. */
function codePointsHead(text: string, max: number): string | null {
  let end = 0;
  for (let count = 0; count < max; count++) {
    if (end >= text.length) return null;
    const unit = text.charCodeAt(end);
    const pair = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    end += pair ? 2 : 1;
  }
  return end < text.length ? text.slice(0, end) : null;
}

/** The first `max` graphemes of text, or null when it has no more than that. */
function graphemesHead(text: string, max: number): string | null {
  let head = "";
  let count = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    if (count === max) return head;
    head += segment;
    count += 1;
  }
  return null;
}

/** The first `max` characters of text, or null when it has no more than that. Reads no further than it needs. */
const headOf = (text: string, max: number): string | null =>
  MAY_JOIN.test(text) && JOINS.test(text) ? graphemesHead(text, max) : codePointsHead(text, max);

/**
 * The first `max` characters of text, cut at a sentence end when one is near, for summaries (pages, feeds).
 * Characters are whole graphemes, so a cut never splits a surrogate pair or an emoji sequence. An article
 * page's description is cut from a body of thousands of characters: only its first `max` are split.
 */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const head = headOf(flat, max);
  if (head === null) return flat;
  const stop = Math.max(head.lastIndexOf("。"), head.lastIndexOf("！"), head.lastIndexOf("？"));
  return stop >= max * 0.6 ? head.slice(0, stop + 1) : `${head}…`;
}

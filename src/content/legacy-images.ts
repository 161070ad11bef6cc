// Images and links in an old body, rewritten to where they lead now: an image the importer stored (or one an
// editor pasted) shows from its new URL with its stored size, alone in its paragraph or in a <figure> as a
// Markdown image (a figure, with its caption); a link goes where the caller says, or leaves its text. Alt
// text the old editors filled with file names is dropped. Pure: the caller's options say where things are.
import { type ChildNode, type Element, isTag } from "domhandler";
import { CONTROL, EDGE, SPACES, escapeAttr, isBlank, isBr, textOf } from "./legacy-nodes.ts";

/** An image a body shows, once stored: the URL to show (`/media/<key>` or an https one elsewhere). */
export type ShownImage = { url: string; width: number | null; height: number | null };

export type CleanOptions = {
  /** Where an image reference leads now; null drops the image (a file that could not be stored). */
  image: (src: string) => ShownImage | null;
  /** A link's new href; null keeps the text without the link. */
  link: (href: string) => string | null;
};

/** Alt text worth keeping: old editors filled it with file names and "图片". */
function usefulAlt(alt: string): string {
  const text = alt.replace(CONTROL, "").replace(SPACES, " ").replace(EDGE, "");
  return /^(?:图|图片|image|img|pic|photo|点击查看原图|[\w-]+\.(?:jpe?g|png|gif|bmp|webp))$/i.test(text) ? "" : text;
}

const markdownText = (s: string) => s.replace(/[\\[\]]/g, (c) => `\\${c}`);

function markdownImage(alt: string, url: string, caption: string): string {
  const target = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  const title = caption ? ` "${caption.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"` : "";
  return `![${markdownText(alt)}](${target}${title})`;
}

/** An <img> within a paragraph, at its new URL; "" when it could not be stored. */
export function imageTag(n: Element, opts: CleanOptions): string {
  const shown = opts.image((n.attribs.src ?? "").trim());
  if (!shown) return "";
  const alt = usefulAlt(n.attribs.alt ?? n.attribs.title ?? "");
  const size = shown.width && shown.height ? ` width="${shown.width}" height="${shown.height}"` : "";
  return `<img src="${escapeAttr(shown.url)}" alt="${escapeAttr(alt)}"${size}>`;
}

/** A link around its cleaned `inner` HTML, to its new href; the text alone when it leads nowhere or shows nothing. */
export function linkTag(n: Element, inner: string, opts: CleanOptions): string {
  const href = n.attribs.href?.trim() ? opts.link(n.attribs.href.trim()) : null;
  return href && inner.trim() ? `<a href="${escapeAttr(href)}">${inner}</a>` : inner;
}

function findImage(n: Element): Element | undefined {
  for (const c of n.children) {
    if (!isTag(c)) continue;
    if (c.name === "img") return c;
    const inner = findImage(c);
    if (inner) return inner;
  }
  return undefined;
}

/** An element that holds one image and nothing else worth showing (a link around it, a <span>). */
function lonelyImage(n: Element): Element | undefined {
  const solid = n.children.filter((c) => !isBr(c) && !isBlank(c));
  const [only] = solid;
  if (solid.length !== 1 || !only || !isTag(only)) return undefined;
  return only.name === "img" ? only : lonelyImage(only);
}

/**
 * When all a paragraph's inline nodes show is one image, bare or wrapped (a link, a <span>): the Markdown
 * image it becomes, or "" when that image could not be stored. Null for any other paragraph.
 */
export function soleImage(run: readonly ChildNode[], opts: CleanOptions): string | null {
  const solid = run.filter((n) => !isBr(n) && !isBlank(n));
  const only = solid.length === 1 ? solid[0] : undefined;
  const image = only && isTag(only) ? (only.name === "img" ? only : lonelyImage(only)) : undefined;
  if (!image) return null;
  const shown = opts.image((image.attribs.src ?? "").trim());
  return shown ? markdownImage(usefulAlt(image.attribs.alt ?? image.attribs.title ?? ""), shown.url, "") : "";
}

/** A <figure>'s image with its caption as a Markdown image; null when it shows no stored image. */
export function figureImage(n: Element, caption: Element | undefined, opts: CleanOptions): string | null {
  const img = findImage(n);
  const shown = img ? opts.image((img.attribs.src ?? "").trim()) : null;
  if (!img || !shown) return null;
  const text = caption ? textOf(caption).replace(SPACES, " ").replace(EDGE, "") : "";
  return markdownImage(usefulAlt(img.attribs.alt ?? ""), shown.url, text);
}

// What a person pastes into the editor from Word, WPS or a web page, as Markdown: the HTML goes through the
// same cleaning the importer applies to old DedeCMS and PHPCMS bodies (legacy-html.ts: styles, <font>,
// layout tables, empty paragraphs, full-width indents, Word's <o:p> and conditional comments), then becomes
// Markdown (html-markdown.ts). Formatting that web pages and Google Docs express only in styles
// (`font-weight:700`, `font-style:italic`) is made into tags first, so it survives.
//
// Every picture becomes a placeholder (`![说明](paste:1)`) and is listed with what the editor must do
// with it: `embedded` (a data: URI: upload its bytes), `remote` (an http(s) URL elsewhere: ask the server
// to fetch it) or `local` (a file on the person's computer — Word's clip_image files — or an address no
// one else can read: ask the person for the file). None is dropped without being listed. Pictures already
// in this site's store (`/media/<key>`) are kept as they are. Pure.
import { type ChildNode, Element, isTag } from "domhandler";
import { MEDIA_KEY } from "../domain/media.ts";
import { cleanLegacyBlocks, parseLegacyBody } from "./legacy-html.ts";
import { cleanBlocksToMarkdown } from "./html-markdown.ts";

type PastedImageKind = "embedded" | "remote" | "local";

/** A picture of the paste: its source as pasted, what to do with it, and the placeholder the Markdown names it by. */
type PastedImage = { src: string; kind: PastedImageKind; placeholder: string };

type Pasted = { markdown: string; images: PastedImage[] };

const OWN_MEDIA = new RegExp(`^/media/(${MEDIA_KEY.source.slice(1, -1)})$`);

/** Where a picture's source leads: this site's store, another site, the paste itself, or nowhere anyone can read. */
function kindOf(src: string, origin: string): PastedImageKind | "stored" {
  if (/^data:/i.test(src)) return "embedded";
  let url: URL;
  try {
    url = new URL(src, `${origin}/`);
  } catch {
    return "local";
  }
  // A relative path was relative to a page or document the server never saw.
  const relative = !/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src) && !src.startsWith("/");
  if (url.origin === origin && OWN_MEDIA.test(url.pathname) && !relative) return "stored";
  if ((url.protocol === "http:" || url.protocol === "https:") && !relative && url.origin !== origin) return "remote";
  return "local";
}

/** A link worth keeping: the web, mail, telephone and this site; not Word's anchors into its own document, files or scripts. */
function linkOf(href: string): string | null {
  if (/^(?:https?:|mailto:|tel:)/i.test(href)) return href;
  if (href.startsWith("//")) return `https:${href}`;
  if (href.startsWith("/")) return href;
  return null;
}

type Style = Map<string, string>;

function styleOf(el: Element): Style {
  const style: Style = new Map();
  for (const declaration of (el.attribs.style ?? "").split(";")) {
    const at = declaration.indexOf(":");
    if (at > 0) style.set(declaration.slice(0, at).trim().toLowerCase(), declaration.slice(at + 1).trim().toLowerCase());
  }
  return style;
}

const BOLD = /^(?:bold|bolder|[6-9]00)\b/;
const NOT_BOLD = /^(?:normal|lighter|[1-4]00)\b/;

/** The tags a styled element's look stands for, outermost first. */
function tagsOf(el: Element, style: Style): string[] {
  const tags: string[] = [];
  const weight = style.get("font-weight") ?? "";
  if (BOLD.test(weight) && el.name !== "b" && el.name !== "strong") tags.push("strong");
  if (/^(?:italic|oblique)\b/.test(style.get("font-style") ?? "") && el.name !== "i" && el.name !== "em") tags.push("em");
  if ((style.get("text-decoration") ?? style.get("text-decoration-line") ?? "").includes("line-through")) tags.push("s");
  const align = style.get("vertical-align") ?? "";
  if (align === "super" || align === "sub") tags.push(align === "super" ? "sup" : "sub");
  return tags;
}

/**
 * Formatting given by style made into tags: bold, italic, struck-through, super- and subscript. A <b> whose
 * style says it is not bold (Google Docs wraps a whole paste in one) is not bold.
 */
function styledFormatting(nodes: ChildNode[]): void {
  const stack = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    stack.push(...node.children);
    if (!node.attribs.style) continue;
    const style = styleOf(node);
    if ((node.name === "b" || node.name === "strong") && NOT_BOLD.test(style.get("font-weight") ?? "")) node.name = "span";
    let inner: Element = node;
    for (const tag of tagsOf(node, style)) {
      const wrapper = new Element(tag, {}, inner.children);
      for (const child of wrapper.children) child.parent = wrapper;
      inner.children = [wrapper];
      wrapper.parent = inner;
      inner = wrapper;
    }
  }
}

/** The pasted HTML as Markdown and its pictures; `origin` is this site's, whose stored pictures need nothing done. */
export function pasteToMarkdown(html: string, origin: string): Pasted {
  const body = parseLegacyBody(html);
  styledFormatting(body.nodes);
  const images: PastedImage[] = [];
  const bySrc = new Map<string, PastedImage>();
  const image = (src: string) => {
    if (!src) return null;
    const kind = kindOf(src, origin);
    if (kind === "stored") return { url: new URL(src, `${origin}/`).pathname, width: null, height: null };
    let listed = bySrc.get(src);
    if (!listed) {
      listed = { src, kind, placeholder: `paste:${images.length + 1}` };
      bySrc.set(src, listed);
      images.push(listed);
    }
    return { url: listed.placeholder, width: null, height: null };
  };
  const blocks = cleanLegacyBlocks(body, { image, link: linkOf });
  return { markdown: cleanBlocksToMarkdown(blocks), images };
}

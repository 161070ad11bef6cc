// What an old editor's HTML is made of, as the cleaning of old bodies reads it (legacy-html.ts, and its tables
// and images): which tags go, which hold blocks, what counts as space, and how text is escaped back. Pure.
import { type ChildNode, isTag, isText } from "domhandler";

// Gone with everything inside them: scripts, styles, embedded players and pages, forms, document heads.
export const DROP = new Set([
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template", "svg", "math",
  "form", "input", "button", "select", "textarea", "head", "title", "meta", "link", "xml", "audio", "video", "canvas", "map",
]);
// Hold blocks: each one ends the paragraph before it.
const CONTAINERS = new Set([
  "p", "div", "center", "section", "article", "header", "footer", "main", "aside", "nav", "address", "body", "html",
  "dl", "dt", "dd", "figure", "figcaption", "li", "td", "th", "caption", "tr", "tbody", "thead", "tfoot",
]);
export const BLOCKS = new Set([...CONTAINERS, "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "table", "hr", "pre"]);

// Whitespace a browser would collapse, and &nbsp;, which old editors used for spacing and indents.
export const SPACES = /[ \t\n\r\f\u00a0]+/g;
// Indents and stray space at the ends of a paragraph: ASCII and full-width (U+3000) spaces, &nbsp;.
export const EDGE = /^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g;
// Control characters other than tab and newline: nothing a body can show.
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export const escapeText = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
export const escapeAttr = (s: string) => escapeText(s).replaceAll('"', "&quot;");

export const isBr = (n: ChildNode) => isTag(n) && n.name === "br";
export const isBlank = (n: ChildNode) => isText(n) && n.data.replace(SPACES, "").replace(/\u3000/g, "") === "";

/** The text under `node`, without what DROP removes. */
export function textOf(node: ChildNode): string {
  if (isText(node)) return node.data;
  if (isTag(node) && !DROP.has(node.name)) return node.children.map(textOf).join("");
  return "";
}

/** A paragraph's inline HTML without the space, indents and <br>s at its ends (inside leading formatting too). */
export function trimParagraph(html: string): string {
  return html
    .replace(/^(?:\s|\u3000|<br>)+/, "")
    .replace(/(?:\s|\u3000|<br>)+$/, "")
    .replace(/^((?:<(?:strong|em|u|s|del|ins|small|mark)>)+)[\s\u3000]+/, "$1");
}

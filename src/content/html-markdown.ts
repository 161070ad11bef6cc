// Clean HTML (what legacy-html.ts leaves of a body: paragraphs, headings, lists, quotes, tables, rules, code,
// and inline strong, em, links, images and a few tags Markdown has no syntax for) as Markdown a person can
// edit: `**加粗**`, `## 小标题`, `- 条目`, `> 引文`, `[链接](…)`. What Markdown cannot say stays HTML, which
// the renderer allows and the sanitizer checks: <u>, <sub>, <sup>…, and a table with merged cells or no
// header row. Text that merely looks like Markdown is escaped, so it stays text. Pure.
import { parseDocument } from "htmlparser2";
import { type ChildNode, type Element, isTag, isText } from "domhandler";

/** Inline tags with a Markdown form. */
const MARKS: Record<string, string> = { strong: "**", em: "*", s: "~~", del: "~~" };
/** Inline tags kept as HTML (they have no Markdown form), with what is inside them converted. */
const KEPT = new Set(["u", "ins", "sub", "sup", "small", "mark", "q", "cite"]);

/** ASCII punctuation Markdown reads anywhere in a line; escaped, it is only itself (CommonMark §2.4). */
const INLINE_SYNTAX = /[\\`*_[\]<>~|]/g;
/** `&copy;` or `&#169;` in text would become ©. */
const ENTITY_LIKE = /&(?=#?[0-9A-Za-z]+;)/g;
/** What a line may not start with to stay a paragraph: a heading, quote, list item, rule or setext underline. */
const LINE_START = /^([#>+=-]|\d{1,9}(?=[.)]))/;

const escapeText = (text: string) =>
  text.replace(INLINE_SYNTAX, (c) => `\\${c}`).replace(ENTITY_LIKE, "\\&");

/** Each line's start escaped where it would begin a block. */
const escapeLineStarts = (md: string) =>
  md
    .split("\n")
    .map((line) => line.replace(LINE_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`)))
    .join("\n");

/** A link or image destination: in angle brackets when it holds what would end it. */
function destination(url: string): string {
  return /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
}

const attr = (s: string) => s.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

/** Emphasis must hug its text (`** x**` is not bold): spaces at its edges move outside. */
function wrap(mark: string, inner: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  const [, lead = "", core = "", trail = ""] = m ?? [];
  return core ? `${lead}${mark}${core}${mark}${trail}` : inner;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

const textOf = (n: ChildNode): string => (isText(n) ? n.data : isTag(n) ? n.children.map(textOf).join("") : "");

/** The Markdown of inline nodes; `<br>` is a hard line break (a backslash at the end of the line). */
function inline(nodes: readonly ChildNode[]): string {
  let out = "";
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as ChildNode;
    if (isText(n)) out += escapeText(n.data);
    else if (!isTag(n)) continue;
    else if (n.name === "br") out += "\\\n";
    else if (n.name === "img") out += image(n);
    else if (n.name === "a") {
      const label = inline(n.children);
      out += n.attribs.href ? `[${label}](${destination(n.attribs.href)})` : label;
    } else if (n.name === "code") {
      // Code side by side (<code>npm</code><code>install</code>) is one span: two would run their fences together.
      let text = textOf(n);
      for (let next = nodes[i + 1]; next && isTag(next) && next.name === "code"; next = nodes[i + 1]) {
        text += textOf(next);
        i++;
      }
      out += codeSpan(text);
    }
    else if (MARKS[n.name]) out += wrap(MARKS[n.name] as string, inline(n.children));
    else if (KEPT.has(n.name)) out += `<${n.name}>${inline(n.children)}</${n.name}>`;
    else out += inline(n.children);
  }
  return out;
}

function image(n: Element): string {
  const alt = (n.attribs.alt ?? "").replace(/[\\[\]]/g, (c) => `\\${c}`);
  const title = n.attribs.title ? ` "${n.attribs.title.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"` : "";
  return `![${alt}](${destination(n.attribs.src ?? "")}${title})`;
}

const paragraph = (nodes: readonly ChildNode[]) => escapeLineStarts(inline(nodes).replace(/\\\n$/, ""));

/** Lines of a list, each item's continuation indented under its marker. */
function list(n: Element): string {
  const ordered = n.name === "ol";
  const items = n.children.filter((c): c is Element => isTag(c) && c.name === "li");
  return items
    .map((li, i) => {
      const marker = ordered ? `${i + 1}. ` : "- ";
      const nested = li.children.filter((c): c is Element => isTag(c) && (c.name === "ul" || c.name === "ol"));
      const text = paragraph(li.children.filter((c) => !nested.includes(c as Element)));
      const body = [text, ...nested.map(list)].filter(Boolean).join("\n");
      const indent = " ".repeat(marker.length);
      return marker + body.split("\n").join(`\n${indent}`);
    })
    .join("\n");
}

type Row = { cells: Element[] };

/** A GFM table when the table is plain (a header row of <th>, no merged cells, rows of one width); null otherwise. */
function gfmTable(n: Element): string | null {
  const rows: Row[] = [];
  for (const part of n.children) {
    if (!isTag(part)) continue;
    if (part.name === "caption") return null;
    const trs = part.name === "tr" ? [part] : part.children.filter((c): c is Element => isTag(c) && c.name === "tr");
    for (const tr of trs) rows.push({ cells: tr.children.filter((c): c is Element => isTag(c) && (c.name === "td" || c.name === "th")) });
  }
  const [head, ...body] = rows;
  if (!head || head.cells.length === 0 || !head.cells.every((c) => c.name === "th")) return null;
  const width = head.cells.length;
  const merged = (c: Element) => c.attribs.colspan !== undefined || c.attribs.rowspan !== undefined;
  if (rows.some((r) => r.cells.length !== width || r.cells.some(merged))) return null;
  // Text already has its | escaped (escapeText), which is what a cell needs.
  const line = (r: Row) => `| ${r.cells.map((c) => inline(c.children).replace(/\\\n/g, "<br>")).join(" | ")} |`;
  return [line(head), `|${" --- |".repeat(width)}`, ...body.map(line)].join("\n");
}

/** The Markdown of one clean block. */
function block(n: Element): string {
  if (n.name === "p") return paragraph(n.children);
  // A heading's closing #s would be dropped as decoration: escaped, they stay.
  if (/^h[2-6]$/.test(n.name)) return `${"#".repeat(Number(n.name[1]))} ${inline(n.children).replace(/\\\n/g, " ").replace(/#+$/, "\\$&")}`;
  if (n.name === "ul" || n.name === "ol") return list(n);
  if (n.name === "blockquote") {
    const inner = blocks(n.children).join("\n\n");
    return inner
      .split("\n")
      .map((l) => (l ? `> ${l}` : ">"))
      .join("\n");
  }
  if (n.name === "hr") return "---";
  if (n.name === "pre") {
    const text = textOf(n);
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    return `${fence}\n${text.replace(/\n$/, "")}\n${fence}`;
  }
  if (n.name === "table") return gfmTable(n) ?? html(n);
  return paragraph(n.children);
}

/** An element as HTML on one line: a table Markdown cannot hold, its cells' inline content kept as HTML. */
function html(n: ChildNode): string {
  if (isText(n)) return n.data.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
  if (!isTag(n)) return "";
  const attrs = Object.entries(n.attribs)
    .map(([k, v]) => ` ${k}="${attr(v)}"`)
    .join("");
  if (n.name === "br" || n.name === "img") return `<${n.name}${attrs}>`;
  return `<${n.name}${attrs}>${n.children.map(html).join("")}</${n.name}>`;
}

function blocks(nodes: readonly ChildNode[]): string[] {
  return nodes.filter(isTag).map(block).filter((b) => b.trim() !== "");
}

/** Markdown for the blocks of a body cleaned by legacy-html.ts: each clean HTML, or already a Markdown image. */
export function cleanBlocksToMarkdown(cleaned: readonly string[]): string {
  return cleaned
    .map((part) => (part.startsWith("![") ? part : blocks(parseDocument(part).children).join("\n\n")))
    .filter((part) => part !== "")
    .join("\n\n");
}

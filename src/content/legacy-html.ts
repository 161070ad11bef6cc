// A DedeCMS / PHPCMS body as the old editor (UEditor, FCKeditor, pasted Word) left it, cleaned to plain
// structure: paragraphs, headings, lists, tables, quotes and images, without inline styles, <font>, layout
// tables, empty paragraphs or &nbsp; and full-width-space indents. The result is the article's body source:
// Markdown whose blocks are raw HTML, each on its own lines and never spanning a blank line, so Markdown
// leaves them as they are, and images alone in a paragraph are Markdown images (they become figures, with
// the stored size). The write path then renders and sanitizes it like any body. Pure, and shared: the importer
// cleans old bodies with it, and the Worker cleans what an editor pastes from Word, WPS or a web page
// (paste.ts), whose blocks html-markdown.ts then turns into Markdown. Here: parsing and the blocks; tables
// (legacy-tables.ts) and images and links (legacy-images.ts) have modules of their own.
import { parseDocument } from "htmlparser2";
import { type ChildNode, Element, isTag, isText } from "domhandler";
import { BLOCKS, CONTROL, DROP, EDGE, SPACES, escapeText, isBr, textOf, trimParagraph } from "./legacy-nodes.ts";
import { type CleanOptions, figureImage, imageTag, linkTag, soleImage } from "./legacy-images.ts";
import { dataTable, layoutContent } from "./legacy-tables.ts";

// Inline formatting that means something; every other inline tag (<font>, <span>, <o:p>…) is unwrapped.
const INLINE: Record<string, string> = {
  b: "strong", strong: "strong", i: "em", em: "em", u: "u", s: "s", strike: "s", del: "del", ins: "ins",
  sub: "sub", sup: "sup", code: "code", small: "small", q: "q", cite: "cite", mark: "mark",
};

// DedeCMS splits a long article into pages with #p#副标题#e#; PHPCMS with [page] or [page]副标题[/page].
const PAGE_BREAK = /#p#([^#]*)#e#|\[page\]([^[]*)\[\/page\]|\[page\]/g;

type Block = string;
/** Inline content waiting for its paragraph: nodes, and the <br>s that may end one. */
type Run = ChildNode[];

function hasBlocks(node: Element): boolean {
  return node.children.some((c) => isTag(c) && (BLOCKS.has(c.name) || (!DROP.has(c.name) && hasBlocks(c))));
}

/** An old body, parsed once: its pictures are read from it before it is cleaned. */
export type LegacyBody = { nodes: ChildNode[] };

// Pasted Word and broken editors nest inline tags without end (<font><font>…); past this depth nesting says
// nothing, and every walk below recurses, so deeper content is flattened into its ancestor at this depth.
const MAX_DEPTH = 64;

const isBlankText = (n: ChildNode): boolean => isText(n) && /^[ \t\r\n]*$/.test(n.data);

// A table's parts flattened to their leaves are no longer a table: as one they would lose their text.
const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup"]);

/** HTML parsed with no element deeper than MAX_DEPTH: what lies below is kept as its text, pictures and breaks. */
function parseBounded(html: string): ChildNode[] {
  const nodes = parseDocument(html).children;
  const stack: { node: ChildNode; depth: number }[] = nodes.map((node) => ({ node, depth: 1 }));
  for (let top = stack.pop(); top; top = stack.pop()) {
    const { node, depth } = top;
    if (!isTag(node) || DROP.has(node.name)) continue;
    if (depth < MAX_DEPTH) {
      for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    node.children = leavesOf(node);
    if (TABLE_PARTS.has(node.name)) node.name = "div";
    for (const child of node.children) child.parent = node;
  }
  return nodes;
}

/** The text, pictures and line breaks under `root` in document order (a block below also ends a line), without walking recursively. */
function leavesOf(root: Element): ChildNode[] {
  const out: ChildNode[] = [];
  const stack: (ChildNode | "end-of-block")[] = [...root.children].reverse();
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n === "end-of-block") out.push(new Element("br", {}));
    else if (isText(n)) out.push(n);
    else if (!isTag(n) || DROP.has(n.name)) continue;
    else if (n.name === "img" || n.name === "br") {
      n.children = [];
      out.push(n);
    } else {
      if (BLOCKS.has(n.name)) stack.push("end-of-block");
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as ChildNode);
    }
  }
  return out;
}

export const parseLegacyBody = (html: string): LegacyBody => ({ nodes: parseBounded(withPageBreaks(html)) });

/** The body's image references (src values as written), to store before cleaning. */
export function imageSources(body: LegacyBody): string[] {
  const found: string[] = [];
  const visit = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (!isTag(n) || DROP.has(n.name)) continue;
      if (n.name === "img" && n.attribs.src?.trim()) found.push(n.attribs.src.trim());
      visit(n.children);
    }
  };
  visit(body.nodes);
  return [...new Set(found)];
}

function withPageBreaks(html: string): string {
  return html.replace(PAGE_BREAK, (_, dede?: string, phpcms?: string) => {
    const title = (dede ?? phpcms ?? "").trim();
    // "分页标题" is DedeCMS's placeholder for a page without a title of its own.
    return title && title !== "分页标题" ? `<h2>${escapeText(title)}</h2>` : "<div></div>";
  });
}

class Cleaner {
  private readonly opts: CleanOptions;
  constructor(opts: CleanOptions) {
    this.opts = opts;
  }

  /** Inline HTML of `nodes`: text escaped, meaningful formatting kept, links and images as options say. */
  inline(nodes: readonly ChildNode[]): string {
    let out = "";
    for (const n of nodes) {
      if (isText(n)) out += escapeText(n.data.replace(CONTROL, "").replace(SPACES, " "));
      else if (!isTag(n) || DROP.has(n.name)) continue;
      else if (n.name === "br") out += "<br>";
      else if (n.name === "img") out += imageTag(n, this.opts);
      else if (n.name === "a") out += linkTag(n, this.inline(n.children), this.opts);
      else if (BLOCKS.has(n.name)) out += `${this.inline(n.children)}<br>`;
      else {
        const tag = INLINE[n.name];
        const inner = this.inline(n.children);
        out += tag && inner.trim() ? `<${tag}>${inner}</${tag}>` : inner;
      }
    }
    return out;
  }

  /** A paragraph's worth of inline nodes: a Markdown image when it holds one image alone, else a <p>. */
  private paragraph(run: Run, out: Block[]) {
    const image = soleImage(run, this.opts);
    if (image !== null) {
      if (image) out.push(image);
      return;
    }
    const html = trimParagraph(this.inline(run));
    if (html.replace(/<br>/g, "").replace(/<(?!img)[^>]+>/g, "").replace(/[\s\u3000]/g, "") === "") return;
    out.push(`<p>${html}</p>`);
  }

  /** Splits a run where old editors meant a new paragraph: two <br>s, or a <br> before an indent. */
  flush(run: Run, out: Block[]) {
    let current: Run = [];
    for (let i = 0; i < run.length; i++) {
      const n = run[i] as ChildNode;
      if (isBr(n)) {
        // The next node that is not blank text; a walk, not a slice, so thousands of breaks stay linear.
        let at = i + 1;
        while (at < run.length && isBlankText(run[at] as ChildNode)) at++;
        const next = run[at];
        const indent = next !== undefined && isText(next) && /^[ \t\r\n]*(?:\u3000|\u00a0{2}|&nbsp;)/.test(next.data);
        if (next === undefined || isBr(next) || indent) {
          this.paragraph(current, out);
          current = [];
          continue;
        }
      }
      current.push(n);
    }
    this.paragraph(current, out);
    run.length = 0;
  }

  /** Blocks of `nodes`, in order: inline runs become paragraphs, blocks their own. */
  blocks(nodes: readonly ChildNode[], out: Block[]): Block[] {
    const run: Run = [];
    this.collect(nodes, run, out);
    this.flush(run, out);
    return out;
  }

  /** Adds `nodes` to the paragraph being gathered, or, for a block, ends it and adds the block. */
  private collect(nodes: readonly ChildNode[], run: Run, out: Block[]) {
    for (const n of nodes) {
      if (isText(n)) {
        run.push(n);
        continue;
      }
      if (!isTag(n) || DROP.has(n.name)) continue;
      const name = n.name;
      const keeps = INLINE[name] !== undefined || name === "a" || name === "img" || name === "br";
      // <font>, <span> and the like say nothing: their content joins the paragraph (their <br>s too, which
      // may end it); formatting around blocks (<b><p>…</p></b>) gives way to the blocks.
      if (!BLOCKS.has(name) && (!keeps || (name !== "a" && hasBlocks(n)))) {
        this.collect(n.children, run, out);
        continue;
      }
      if (!BLOCKS.has(name)) {
        run.push(n);
        continue;
      }
      this.flush(run, out);
      if (/^h[1-6]$/.test(name)) {
        const text = trimParagraph(this.inline(n.children));
        // The page's title is its only <h1>; old headings go one level down, never past <h4>.
        const level = Math.min(4, Math.max(2, Number(name[1])));
        if (text.replace(/<[^>]+>/g, "").trim()) out.push(`<h${level}>${text}</h${level}>`);
      } else if (name === "ul" || name === "ol") {
        const list = this.list(n);
        if (list) out.push(list);
      } else if (name === "blockquote") {
        const inner = this.blocks(n.children, []).filter((b) => b.startsWith("<"));
        if (inner.length) out.push(`<blockquote>${inner.join("")}</blockquote>`);
      } else if (name === "table") {
        const layout = layoutContent(n);
        if (layout) this.blocks(layout, out);
        else {
          const table = dataTable(n, (nodes) => this.inline(nodes));
          if (table) out.push(table);
        }
      } else if (name === "hr") out.push("<hr>");
      else if (name === "pre") {
        const text = textOf(n).replace(CONTROL, "");
        if (text.trim()) out.push(`<pre>${escapeText(text)}</pre>`);
      } else if (name === "figure") this.figure(n, out);
      else this.blocks(n.children, out);
    }
  }

  private figure(n: Element, out: Block[]) {
    const caption = n.children.find((c): c is Element => isTag(c) && c.name === "figcaption");
    const image = figureImage(n, caption, this.opts);
    if (image) {
      out.push(image);
      return;
    }
    this.blocks(n.children.filter((c) => c !== caption), out);
  }

  private list(n: Element): string {
    const items = n.children
      .filter((c): c is Element => isTag(c) && c.name === "li")
      .map((li) => {
        const nested = li.children.filter((c): c is Element => isTag(c) && (c.name === "ul" || c.name === "ol"));
        const text = trimParagraph(this.inline(li.children.filter((c) => !nested.includes(c as Element))).replace(/(?:<br>)+$/, ""));
        return `<li>${text}${nested.map((l) => this.list(l)).join("")}</li>`;
      })
      .filter((li) => li !== "<li></li>");
    return items.length ? `<${n.name}>${items.join("")}</${n.name}>` : "";
  }
}

/** The blocks of a cleaned body, in order: each clean HTML, or a Markdown image. */
export function cleanLegacyBlocks(body: LegacyBody | string, opts: CleanOptions): string[] {
  const parsed = typeof body === "string" ? parseLegacyBody(body) : body;
  return new Cleaner(opts).blocks(parsed.nodes, []);
}

/** The body source an old body becomes (see the file's header). */
export const cleanLegacyBody = (body: LegacyBody | string, opts: CleanOptions): string => cleanLegacyBlocks(body, opts).join("\n\n");

/** One line of text from an old field that may hold entities and tags (a title, a source): plain and trimmed. */
export function cleanLine(html: string): string {
  return parseBounded(html)
    .map(textOf)
    .join("")
    .replace(CONTROL, "")
    .replace(SPACES, " ")
    .replace(/\u3000+/g, " ")
    .replace(EDGE, "");
}


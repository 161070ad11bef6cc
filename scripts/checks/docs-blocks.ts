// What the docs check reads in a Markdown file: its fenced blocks (the runnable examples and the output each
// promises), its headings and links; and the rules an example and its output are held to. Pure: no I/O.

/** A fenced block: where it opens (1-based line of the fence), its info string's words and its text. */
export type Block = { line: number; lang: string; flags: string[]; text: string };

/** A runnable example (```sh run) and the output it promises (```text output right after it), if any. */
export type Example = { file: string; line: number; code: string; expected: string[] | null };

/** The origin the examples name: `npm run dev`'s. The check rewrites it to the Worker it started. */
export const DOCS_ORIGIN = "http://localhost:8787";

/** The line that stands for any number of output lines, and inside a line for any text. */
const ELISION = "…";

const SHELLS = new Set(["sh", "bash", "shell", "console"]);

/** The lines outside fenced blocks, with their 1-based numbers. */
function prose(markdown: string): { text: string; line: number }[] {
  const inside = new Set<number>();
  for (const b of fencedBlocks(markdown)) for (let n = b.line; n <= closingLine(b); n++) inside.add(n);
  return markdown.split("\n").map((text, i) => ({ text, line: i + 1 })).filter((l) => !inside.has(l.line));
}

function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const fence = open[1] as string;
    const [lang = "", ...flags] = (open[2] as string).trim().split(/\s+/).filter(Boolean);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !(lines[j] as string).startsWith(fence); j++) body.push(lines[j] as string);
    blocks.push({ line: i + 1, lang, flags, text: body.join("\n") });
    i = j;
  }
  return blocks;
}

/** The file's runnable examples, each with the output block that follows it (nothing but blank lines between). */
export function examples(file: string, markdown: string): { examples: Example[]; problems: string[] } {
  const blocks = fencedBlocks(markdown);
  const lines = markdown.split("\n");
  const found: Example[] = [];
  const problems: string[] = [];
  const at = (b: Block) => `${file}:${b.line}`;
  blocks.forEach((b, i) => {
    const runs = SHELLS.has(b.lang) && b.flags.includes("run");
    if (b.flags.includes("output")) {
      const before = blocks[i - 1];
      if (!before || !before.flags.includes("run") || !blankBetween(lines, before, b)) {
        problems.push(`${at(b)}: an output block must follow a \`sh run\` block`);
      }
      return;
    }
    if (SHELLS.has(b.lang) && !runs && /\bcurl\b/.test(b.text) && b.text.includes(DOCS_ORIGIN)) {
      problems.push(`${at(b)}: a curl example against ${DOCS_ORIGIN} is not marked \`run\``);
    }
    if (!runs) return;
    const next = blocks[i + 1];
    const expected = next?.flags.includes("output") && blankBetween(lines, b, next) ? trimLines(next.text) : null;
    if (expected === null && /\bcurl\b/.test(b.text) && !failsOnError(b.text)) {
      problems.push(`${at(b)}: a curl example without --fail (-f) must show its output, status included`);
    }
    found.push({ file, line: b.line, code: b.text, expected });
  });
  return { examples: found, problems };
}

/** The 1-based line of a block's closing fence. */
const closingLine = (b: Block) => b.line + (b.text === "" ? 0 : b.text.split("\n").length) + 1;

function blankBetween(lines: string[], a: Block, b: Block): boolean {
  return lines.slice(closingLine(a), b.line - 1).every((l) => l.trim() === "");
}

/** Every curl in the block fails on an error status. */
const failsOnError = (code: string) =>
  code.split(/\bcurl\b/).slice(1).every((args) => /(^|\s)(-[a-zA-Z]*f[a-zA-Z]*|--fail(-with-body)?)(\s|$)/.test(args));

export const trimLines = (text: string) => {
  const lines = text.split("\n").map((l) => l.replace(/\s+$/, ""));
  while (lines.length && lines[0] === "") lines.shift();
  while (lines.length && lines.at(-1) === "") lines.pop();
  return lines;
};

const linePattern = (expected: string) =>
  new RegExp(`^${expected.split(ELISION).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`, "u");

/**
 * Whether the output is what the doc shows: line by line, where a line `…` stands for any number of lines
 * and `…` inside a line for any text.
 */
export function outputMatches(expected: string[], actual: string[]): boolean {
  const patterns = expected.map((e) => (e === ELISION ? null : linePattern(e)));
  // can[i][j]: expected[i..] matches actual[j..].
  const can = Array.from({ length: patterns.length + 1 }, () => new Array<boolean>(actual.length + 1).fill(false));
  (can[patterns.length] as boolean[])[actual.length] = true;
  for (let i = patterns.length - 1; i >= 0; i--) {
    const row = can[i] as boolean[];
    const below = can[i + 1] as boolean[];
    for (let j = actual.length; j >= 0; j--) {
      const p = patterns[i] as RegExp | null;
      // `…` takes no line (go on with the next pattern) or one more line; a pattern takes exactly one.
      row[j] = p === null
        ? below[j] === true || row[j + 1] === true
        : j < actual.length && p.test(actual[j] as string) && below[j + 1] === true;
    }
  }
  return (can[0] as boolean[])[0] === true;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens (CJK kept). */
const slug = (heading: string) =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "").replace(/\s/g, "-");

/** The anchors a file's headings make, repeated ones numbered as GitHub numbers them. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text } of prose(markdown)) {
    const h = /^#{1,6}\s+(.*)$/.exec(text);
    if (!h) continue;
    const base = slug(h[1] as string);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Links to other Markdown files of the repository, with their anchors: `[text](docs/api.md#lists)`. */
export function localLinks(markdown: string): { target: string; anchor: string | null; line: number }[] {
  const found: { target: string; anchor: string | null; line: number }[] = [];
  for (const { text, line } of prose(markdown)) {
    for (const m of text.replace(/`[^`]*`/g, "").matchAll(/\]\(([^)\s]*)\)/g)) {
      const href = m[1] as string;
      if (/^[a-z]+:/i.test(href)) continue;
      const [target = "", anchor] = href.split("#");
      if (target === "" || target.endsWith(".md")) found.push({ target, anchor: anchor ?? null, line });
    }
  }
  return found;
}

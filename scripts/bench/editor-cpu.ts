// What the editor's live preview and a paste cost in CPU, the numbers that decide how often the editor may
// call them (docs/publishing.md, "Live preview"): the body through the write path's renderer and sanitizer
// and the reader page's renderer (POST /api/v1/admin/articles/render), and a Word paste through the
// importer's cleaning into Markdown (POST /api/v1/admin/paste). Measured in Node with process.cpuUsage(): the
// same V8 as workerd, and only the pure work (each route adds one D1 round trip of index lookups, or none).
//
//   node scripts/bench/editor-cpu.ts [--runs 30]
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { renderArticleBody } from "../../src/publish/body.ts";
import { renderArticleMain } from "../../src/render/article-page.ts";
import { newArticle } from "../../src/publish/next-state.ts";
import { pasteToMarkdown } from "../../src/content/paste.ts";

const ROOT = join(import.meta.dirname, "../..");
const SENTENCE = "岚江新区今年计划新开工项目八十六个，总投资超过**四百二十亿元**，涵盖先进制造、现代服务和城市更新三大领域。";

/** A body of about `chars` characters: paragraphs of a few sentences, a heading now and then. */
function body(chars: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const p = i % 12 === 11 ? `## 第${i}部分` : SENTENCE.repeat(3);
    paragraphs.push(p);
    size += p.length;
  }
  return paragraphs.join("\n\n");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]) => Math.max(...xs);

function cpu(runs: number, work: () => void): number[] {
  work(); // the first run warms the JIT, as a live isolate is warm
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    out.push((used.user + used.system) / 1000);
  }
  return out;
}

function preview(md: string) {
  const rendered = renderArticleBody(md, new Map());
  const article = newArticle({ section: "xw", title: "预览", body: md }, rendered, {
    id: 0, sectionId: 1, status: "draft", publishAt: Date.now(), publishedAt: Date.now(), createdAt: Date.now(), createdBy: null,
  });
  const site = { name: "青岚传媒网", url: "http://localhost" };
  const chain = [{ id: 1, path: "xw", slug: "xw", name: "新闻", parentId: null, sortOrder: 0, description: "", changedAt: 0 }];
  return String(renderArticleMain({ article: { ...article, publishedAt: Date.now() }, chain, site, older: null, newer: null, cover: null }));
}

const { values } = parseArgs({ options: { runs: { type: "string", default: "30" } } });
const runs = Number(values.runs);
const word = readFileSync(join(ROOT, "test/fixtures/paste/word.html"), "utf8");
const rows: [string, number[]][] = [];
for (const chars of [3_000, 20_000, 200_000]) {
  const md = body(chars);
  rows.push([`preview, a body of ${chars.toLocaleString("en-US")} characters`, cpu(runs, () => preview(md))]);
}
rows.push([`paste, the Word fixture (${(word.length / 1024).toFixed(1)} KB)`, cpu(runs, () => pasteToMarkdown(word, "http://localhost"))]);
const bigWord = word.replace(/<!--EndFragment-->/, `${word.match(/<p class=MsoNormal style='text-indent[\s\S]*?<\/p>/)?.[0] ?? ""}`.repeat(400) + "<!--EndFragment-->");
rows.push([`paste, Word HTML of ${(bigWord.length / 1024).toFixed(0)} KB`, cpu(Math.max(5, Math.floor(runs / 3)), () => pasteToMarkdown(bigWord, "http://localhost"))]);
for (const [name, times] of rows) console.log(`${name}: median ${median(times).toFixed(1)} ms, max ${max(times).toFixed(1)} ms (${times.length} runs)`);

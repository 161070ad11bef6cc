// Measures what the search index's tokenization costs against the alternatives, over a seeded state's
// articles (title and body text, with the shipped rowids), in a scratch SQLite file with the same FTS5 as
// D1 (Node's node:sqlite):
// index size per article (dbstat pages) and what each finds for a few queries (and how fast it counts
// them), against LIKE as the truth.
//
//   node scripts/search-sizes.ts --state .bench/state-100000
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DatabaseSync } from "node:sqlite";
import { indexText } from "../src/search/tokens.ts";
import { parseSearchQuery } from "../src/search/query.ts";
import { phraseExpression } from "../src/db/search-match.ts";
import { resolveState } from "./bindings/local-env.ts";
import { databaseFile } from "./bench/index-size.ts";

const { values } = parseArgs({ options: { state: { type: "string", default: ".bench/state-100000" } } });
const source = new DatabaseSync(databaseFile(resolveState(values.state)), { readOnly: true });
const articles = source.prepare(`SELECT id, title, body_text AS body, published_at AS at FROM articles ORDER BY published_at`).all() as {
  id: number; title: string; body: string; at: number;
}[];
source.close();

const words = new Intl.Segmenter("zh", { granularity: "word" });
const segmented = (text: string) => [...words.segment(text.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment).join(" ");

type Variant = { name: string; create: string; rows: (a: { title: string; body: string }) => [string, string]; match: (q: string) => string | null };
const ours = (q: string) => {
  const parsed = parseSearchQuery(q);
  return parsed.ok ? parsed.query.phrases.map(phraseExpression).join(" AND ") : null;
};
const VARIANTS: Variant[] = [
  { name: "pairs + last character, prefix index (shipped)", create: "fts5(title, body, content='', contentless_delete=1, tokenize='ascii', prefix='1')", rows: (a) => [indexText(a.title), indexText(a.body)], match: ours },
  { name: "pairs + last character, no prefix index", create: "fts5(title, body, content='', contentless_delete=1, tokenize='ascii')", rows: (a) => [indexText(a.title), indexText(a.body)], match: ours },
  { name: "trigram (contentless)", create: "fts5(title, body, content='', contentless_delete=1, tokenize='trigram')", rows: (a) => [a.title, a.body], match: (q) => ([...q].length < 3 ? null : `"${q}"`) },
  { name: "Intl.Segmenter words", create: "fts5(title, body, content='', contentless_delete=1, tokenize='ascii')", rows: (a) => [segmented(a.title), segmented(a.body)], match: (q) => `"${segmented(q)}"` },
];
const QUERIES = ["杨梅", "皮影", "工作", "区", "社会发展注入新的动力", "竹编", "冷链物流"];

const work = mkdtempSync(join(tmpdir(), "masthead-search-sizes-"));
try {
  const truth = new DatabaseSync(":memory:");
  truth.exec(`CREATE TABLE a (title TEXT, body TEXT)`);
  const put = truth.prepare(`INSERT INTO a VALUES (?, ?)`);
  truth.exec("BEGIN");
  for (const a of articles) put.run(a.title, a.body);
  truth.exec("COMMIT");
  const like = new Map<string, { n: number; ms: number }>();
  for (const q of QUERIES) {
    const t = performance.now();
    const row = truth.prepare(`SELECT count(*) AS n FROM a WHERE title LIKE ?1 OR body LIKE ?1`).get(`%${q}%`) as { n: number };
    like.set(q, { n: row.n, ms: performance.now() - t });
  }
  console.log(`${articles.length} articles. LIKE '%…%' (a scan of every row, each one a row read in D1): ${QUERIES.map((q) => `${q} ${like.get(q)?.n} in ${like.get(q)?.ms.toFixed(0)} ms`).join(", ")}`);
  console.log("| index | KB per article | " + QUERIES.map((q) => `${q} found / LIKE`).join(" | ") + " |");
  console.log("| --- | ---: | " + QUERIES.map(() => "---:").join(" | ") + " |");
  for (const v of VARIANTS) {
    const db = new DatabaseSync(join(work, `${v.name.replace(/\W+/g, "-")}.sqlite`));
    db.exec(`CREATE VIRTUAL TABLE t USING ${v.create}`);
    const insert = db.prepare(`INSERT INTO t (rowid, title, body) VALUES (?, ?, ?)`);
    db.exec("BEGIN");
    // The shipped rowids, (seconds since 1990 << 32) | id, in every variant: their deltas are part of the size.
    for (const a of articles) insert.run((BigInt(Math.floor(a.at / 1000) - 631_152_000) << 32n) | BigInt(a.id), ...v.rows(a));
    db.exec("COMMIT");
    db.exec(`INSERT INTO t(t) VALUES ('optimize')`);
    const bytes = Number((db.prepare(`SELECT SUM(pgsize) AS b FROM dbstat WHERE name LIKE 't_%'`).get() as { b: number }).b);
    const found = QUERIES.map((q) => {
      const match = v.match(q);
      if (match === null) return "cannot";
      const t = performance.now();
      const n = (db.prepare(`SELECT count(*) AS n FROM t WHERE t MATCH ?`).get(match) as { n: number }).n;
      return `${n} / ${like.get(q)?.n} (${(performance.now() - t).toFixed(1)} ms)`;
    });
    console.log(`| ${v.name} | ${(bytes / articles.length / 1024).toFixed(2)} | ${found.join(" | ")} |`);
    db.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

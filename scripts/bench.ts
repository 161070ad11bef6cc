// The benchmark: the Worker as `wrangler deploy` would bundle it, run in Miniflare (workerd, local D1/R2)
// beside a constant-bytes baseline Worker in the same process, so results read as ratios that hold on
// any machine. Bounded load on loopback only: a fixed number of requests per scenario, a few at a time.
//
//   npm run bench                 1,000 and 100,000 articles (the first run seeds .bench/, then reuses it)
//   npm run bench -- --quick      fewer requests per scenario
//   npm run bench -- --sizes 1000
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Miniflare } from "miniflare";
import { articleIdRange, listingTotals } from "../src/db/bulk.ts";
import { getPublishedArticle } from "../src/db/article-page.ts";
import { PAGE_SIZE } from "../src/db/listings.ts";
import { listSections } from "../src/db/sections.ts";
import { ROOT, applyMigrations, openLocalEnv, storageOptions, wranglerConfig } from "./lib/local-env.ts";
import { seededRandom } from "./lib/random.ts";
import { seed } from "./seed.ts";
import { bundleWorker, mastheadWorker } from "./lib/worker.ts";

const BASELINE_BYTES = 20 * 1024;

/** Serves the same ~20 KB of HTML to every request: what a request costs before the app does anything. */
const BASELINE_WORKER = `
const body = "<!doctype html><html lang=zh-CN><title>baseline</title><body>" + "<p>青岚传媒网 基准页面</p>".repeat(${Math.floor(BASELINE_BYTES / Buffer.byteLength("<p>青岚传媒网 基准页面</p>"))}) + "</body></html>";
export default { fetch() { return new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } }); } };
`;

type Scenario = { name: string; url: () => string };

type Measured = {
  name: string;
  latencies: number[];
  elapsed: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  queries: number | null;
  rowsRead: number | null;
};

const log = (message: string) => console.error(`bench: ${message}`);

/** `d1;dur=3;desc="queries=2 rows_read=5 rows_written=0"` → { queries, rowsRead }. */
function parseServerTiming(header: string | null): { queries: number; rowsRead: number } | null {
  const m = header ? /(?:^|,)\s*d1;[^,]*desc="[^"]*queries=(\d+)[^"]*rows_read=(\d+)/.exec(header) : null;
  return m ? { queries: Number(m[1]), rowsRead: Number(m[2]) } : null;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** `count` requests, `concurrency` at a time, stopping early after `maxMs`. */
async function measure(
  mf: Miniflare,
  scenario: Scenario,
  opts: { count: number; concurrency: number; maxMs: number },
): Promise<Measured & { totals: Totals }> {
  const one = async () => {
    const started = performance.now();
    const res = await mf.dispatchFetch(scenario.url());
    const body = await res.arrayBuffer();
    return { ms: performance.now() - started, ok: res.status === 200, bytes: body.byteLength, timing: parseServerTiming(res.headers.get("Server-Timing")) };
  };

  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let queries = 0;
  let rowsRead = 0;
  let metered = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + opts.maxMs;
  const worker = async () => {
    while (issued < opts.count && performance.now() < deadline) {
      issued += 1;
      const r = await one();
      latencies.push(r.ms);
      bytes += r.bytes;
      if (!r.ok) errors += 1;
      if (r.timing) {
        metered += 1;
        queries += r.timing.queries;
        rowsRead += r.timing.rowsRead;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsed = performance.now() - started;
  return summarize(scenario.name, latencies, elapsed, { errors, bytes, queries, rowsRead, metered });
}

type Totals = { errors: number; bytes: number; queries: number; rowsRead: number; metered: number };

function summarize(name: string, unsorted: number[], elapsed: number, t: Totals): Measured & { totals: Totals } {
  const latencies = [...unsorted].sort((a, b) => a - b);
  return {
    name,
    latencies,
    elapsed,
    totals: t,
    requests: latencies.length,
    errors: t.errors,
    rps: (latencies.length / elapsed) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    bytes: t.bytes / Math.max(1, latencies.length),
    queries: t.metered ? t.queries / t.metered : null,
    rowsRead: t.metered ? t.rowsRead / t.metered : null,
  };
}

/** One row for two runs of the same scenario. */
function merge(a: Measured & { totals: Totals }, b: Measured & { totals: Totals }) {
  const sum = (k: keyof Totals) => a.totals[k] + b.totals[k];
  return summarize(a.name, [...a.latencies, ...b.latencies], a.elapsed + b.elapsed, {
    errors: sum("errors"), bytes: sum("bytes"), queries: sum("queries"), rowsRead: sum("rowsRead"), metered: sum("metered"),
  });
}

/** Seeds `.bench/state-<size>` once; later runs reuse it when it holds exactly `size` articles. */
async function ensureState(size: number): Promise<string> {
  const state = join(ROOT, ".bench", `state-${size}`, "v3");
  if (existsSync(state)) {
    // A state seeded before the latest migrations still gets them.
    applyMigrations(state);
    const env = await openLocalEnv(state);
    try {
      const totals = await listingTotals(env.db);
      const tops = (await listSections(env.db)).filter((s) => s.parentId === null);
      const listed = tops.reduce((n, s) => n + (totals.get(s.path) ?? 0), 0);
      if (listed === size) return state;
      log(`${state} holds ${listed} articles, not ${size}: seeding again`);
    } catch (err) {
      log(`${state} is unreadable (${err instanceof Error ? err.message : String(err)}): seeding again`);
    } finally {
      await env.dispose();
    }
  }
  log(`seeding ${size} articles into ${state} (once; later runs reuse it)`);
  await seed({ state, demo: false, articles: size, reset: true, seed: 1 });
  return state;
}

/** What the scenarios ask for: a sample of real article URLs and the deepest page of the biggest section. */
async function targets(state: string) {
  const env = await openLocalEnv(state);
  try {
    const range = await articleIdRange(env.db);
    if (!range) throw new Error(`${state} has no articles`);
    const random = seededRandom(42);
    const articles: { id: number; path: string }[] = [];
    for (let tries = 0; articles.length < 200 && tries < 2000; tries++) {
      const placed = await getPublishedArticle(env.db, random.int(range.first, range.last));
      if (placed) articles.push({ id: placed.article.id, path: placed.sectionPath });
    }
    const totals = await listingTotals(env.db);
    const tops = (await listSections(env.db)).filter((s) => s.parentId === null);
    const biggest = tops.sort((a, b) => (totals.get(b.path) ?? 0) - (totals.get(a.path) ?? 0))[0];
    if (!biggest) throw new Error(`${state} has no sections`);
    return { articles, section: biggest.path, lastPage: Math.max(1, Math.ceil((totals.get(biggest.path) ?? 0) / PAGE_SIZE)) };
  } finally {
    await env.dispose();
  }
}

type RunOptions = { count: number; warmup: number; concurrency: number; maxMs: number; rounds: number };

async function runSize(size: number, bundle: string, opts: RunOptions) {
  const state = await ensureState(size);
  const t = await targets(state);
  const config = wranglerConfig();
  const mf = new Miniflare({
    ...storageOptions(state),
    workers: [
      mastheadWorker(bundle, state),
      { name: "baseline", modules: true, script: BASELINE_WORKER, compatibilityDate: config.compatibilityDate, routes: ["baseline.bench/*"] },
    ],
  });
  const random = seededRandom(size);
  const article = () => t.articles[random.int(0, t.articles.length - 1)] as { id: number; path: string };
  const scenarios: Scenario[] = [
    { name: "baseline (constant 20 KB)", url: () => "http://baseline.bench/" },
    { name: "article page (random id)", url: () => { const a = article(); return `http://localhost/html/${a.path}/${a.id}.html`; } },
    { name: `section page 1 (/html/${t.section}/)`, url: () => `http://localhost/html/${t.section}/` },
    { name: `section last page (${t.lastPage})`, url: () => `http://localhost/html/${t.section}/index_${t.lastPage}.html` },
    { name: "home", url: () => "http://localhost/" },
    { name: "GET /api/v1/articles?limit=20", url: () => "http://localhost/api/v1/articles?limit=20" },
    { name: "GET /api/v1/articles/:id", url: () => `http://localhost/api/v1/articles/${article().id}` },
  ];
  const results: Measured[] = [];
  try {
    // Warm Node's and workerd's JITs and D1's page cache before anything counts: the harness itself
    // (dispatchFetch) needs a thousand or so requests before its own cost settles.
    for (const scenario of scenarios) {
      const warm = scenario === scenarios[0] ? Math.max(1000, opts.warmup * 10) : opts.warmup * 3;
      await measure(mf, scenario, { ...opts, count: warm });
    }
    // Rounds, each scenario a slice of its requests in turn: whatever else the machine does meanwhile
    // falls on every scenario alike, the baseline included, instead of on whichever ran at that moment.
    const perRound = Math.ceil(opts.count / opts.rounds);
    const merged = new Map<Scenario, Measured & { totals: Totals }>();
    for (let round = 0; round < opts.rounds; round++) {
      for (const scenario of scenarios) {
        const r = await measure(mf, scenario, { ...opts, count: perRound, maxMs: opts.maxMs / opts.rounds });
        const before = merged.get(scenario);
        merged.set(scenario, before ? merge(before, r) : r);
      }
    }
    for (const scenario of scenarios) {
      const r = merged.get(scenario);
      if (!r) continue;
      log(`${size}: ${r.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms${r.errors ? `, ${r.errors} non-200` : ""}`);
      results.push(r);
    }
  } finally {
    await mf.dispose();
  }
  return results;
}

function table(size: number, results: Measured[]): string {
  const baseline = results[0];
  const cell = (n: number | null, digits = 1) => (n === null ? "n/a" : n.toFixed(digits));
  const rows = results.map((r) =>
    [
      r.name,
      r.rps.toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      baseline ? (baseline.rps / r.rps).toFixed(2) + "×" : "n/a",
      (r.bytes / 1024).toFixed(1),
      cell(r.queries),
      cell(r.rowsRead),
      r.errors ? `${r.errors}/${r.requests}` : "0",
    ].join(" | "),
  );
  return [
    `### ${size.toLocaleString("en-US")} articles`,
    "",
    "| scenario | req/s | p50 ms | p99 ms | cost vs baseline | KB | D1 queries/req | D1 rows read/req | non-200 |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((row) => `| ${row} |`),
    "",
  ].join("\n");
}

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string", default: "1000,100000" },
    requests: { type: "string" },
    concurrency: { type: "string", default: "8" },
  },
});
const sizes = values.sizes.split(",").map(Number);
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--sizes: whole numbers, comma-separated (got ${values.sizes})`);
const count = Number(values.requests ?? (values.quick ? 300 : 2000));
const opts: RunOptions = {
  count,
  warmup: values.quick ? 20 : 100,
  concurrency: Number(values.concurrency),
  maxMs: values.quick ? 10_000 : 30_000,
  rounds: values.quick ? 2 : 4,
};

log("bundling the Worker (wrangler deploy --dry-run)");
const bundle = bundleWorker();
const sections: string[] = [];
try {
  for (const size of sizes) sections.push(table(size, await runSize(size, bundle, opts)));
} finally {
  rmSync(bundle, { recursive: true, force: true });
}
const header = [
  `## Benchmark (${new Date().toISOString().slice(0, 10)}, ${values.quick ? "quick" : "full"} run)`,
  "",
  `Miniflare ${createRequire(join(ROOT, "package.json"))("miniflare/package.json").version}, ${opts.count} requests per scenario ` +
    `in ${opts.rounds} interleaved rounds after a warm-up, ${opts.concurrency} at a time via dispatchFetch on loopback. ` +
    `"cost vs baseline" = baseline req/s ÷ scenario req/s, the baseline being a Worker that answers a constant ` +
    `${BASELINE_BYTES / 1024} KB in the same run.`,
  "",
].join("\n");
const report = [header, ...sections].join("\n");
mkdirSync(join(ROOT, ".bench"), { recursive: true });
writeFileSync(join(ROOT, ".bench", "results.md"), report);
console.log(report);

// The benchmark: the Worker as `wrangler deploy` would bundle it, served by Miniflare (workerd, local D1/R2),
// each Worker in a workerd of its own beside the floors it is read against (one D1 query, one Cache API lookup,
// constant bytes), loaded over HTTP by wrk. Results read as ratios to those floors and as workerd CPU per
// request, which travel between machines far better than raw speed; drawn as a chart too. Bounded load,
// loopback only: a fixed time per scenario, 8 connections.
//
//   npm run bench                 1,000 and 100,000 articles (the first run seeds .bench/, then reuses it);
//                                 writes the tables and chart into docs/benchmark.md and docs/images/bench.svg
//   npm run bench -- --quick      shorter runs (results in .bench/ only)
//   npm run bench -- --sizes 1000 --seconds 10 --rounds 10 --connections 4
//   npm run bench -- --sizes 1000 --quick --scenarios "article|home"   the floors and the scenarios matching
import { execFileSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { articleIdRange, listingTotals } from "../src/db/bulk.ts";
import { getPublishedArticle } from "../src/db/article-page.ts";
import { PAGE_SIZE } from "../src/db/listings.ts";
import { shanghaiMonth } from "../src/content/dates.ts";
import { listSections } from "../src/db/sections.ts";
import { ROOT, applyMigrations, openLocalEnv } from "./bindings/local-env.ts";
import { cpuMs } from "./bench/proc-cpu.ts";
import type { ResultRow, Target } from "./bench/results-table.ts";
import { type FreshRead, type Run, type SizeResult, chartSubtitle, reportMarkdown } from "./bench/report.ts";
import { BASELINE_BYTES, type Floor, type Servers, type WorkerName, isApp, serve } from "./bench/servers.ts";
import { benchChart } from "./bench/chart.ts";
import { publishResults } from "./bench/publish-results.ts";
import { seededRandom } from "./demo/random.ts";
import { sampleResponses } from "./bench/sample.ts";
import { bundleWorker } from "./bindings/worker.ts";
import { type HttpRequest, type LoadOptions, type LoadRun, hasWrk, mergeRuns, percentileMs, runWrk } from "./bench/wrk.ts";
import { seed } from "./seed.ts";
import { generateKey } from "../src/auth/keys.ts";
import { createApiKey } from "../src/db/keys.ts";
import { parseSearchQuery } from "../src/search/query.ts";
import { searchUrl } from "../src/content/urls.ts";
import { matchParts } from "../src/db/search-match.ts";
import { indexSize } from "./bench/index-size.ts";
import { indexBacklog } from "../src/publish/reindex.ts";

/** Sequential requests per scenario, after its load, for response size and D1 use (Server-Timing). */
const SAMPLES = 50;

/**
 * A load test: wrk picks each request at random from `requests`, so a scenario over many URLs (random
 * articles) or with per-URL headers (If-None-Match for a 304) is a longer list. `label` names it alike at every
 * size (the chart's rows); `floor` is the Worker it is read against, and `target` what the issue asks of it.
 */
type Scenario = { name: string; label: string; worker: WorkerName; floor: Floor | null; target?: Target; requests: HttpRequest[] };

/** Issue 18's targets: a miss at least 0.67 of one bare D1 query (at most 1.5× its CPU), a hit and a 304 at least 0.9 of one lookup. */
const MISS_TARGET: Target = { throughput: 0.67, cpu: 1.5 };
const HIT_TARGET: Target = { throughput: 0.9 };

const log = (message: string) => console.error(`bench: ${message}`);

/**
 * Search's fixed mix, over the synthetic archive's words: rare and very common two-character words (工作 and
 * 群众 are in most articles), one character, ten-character phrases (one that the generator's stock sentences put
 * in three articles of four), a Latin word, traditional script.
 */
const SEARCH_MIX = [
  { name: "rare word 杨梅", q: "杨梅" },
  { name: "rare word 皮影", q: "皮影" },
  { name: "common word 群众", q: "群众" },
  { name: "very common word 工作", q: "工作" },
  { name: "one character 区", q: "区" },
  { name: "ten-character phrase 召开河长制工作推进会", q: "召开河长制工作推进会" },
  { name: "ten-character phrase in most articles", q: "社会发展注入新的动力" },
  { name: "Latin word GDP", q: "GDP" },
  { name: "traditional 鄉村振興", q: "鄉村振興" },
] as const;

/**
 * A query as its one URL spells it: what a reader lands on. Another spelling (GDP, traditional script) is a 301
 * to it, on the page and the API alike, and a row over the redirect would measure the redirect, not the search.
 */
function spelled(q: string): string {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new Error(`bench query ${q}: ${parsed.problem}`);
  return parsed.query.text;
}

/** How many published articles match a query (the whole archive, not the ranked window). */
async function matchCount(db: D1Database, q: string): Promise<number> {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new Error(`bench query ${q}: ${parsed.problem}`);
  const { head, tail } = matchParts(parsed.query.phrases, { who: "readers" });
  const row = await db.prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH ? AND rowid >= 0`).bind(head + tail).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Seeds `.bench/state-<size>` once; later runs reuse it when it holds exactly `size` articles. */
async function ensureState(size: number): Promise<string> {
  const state = join(ROOT, ".bench", `state-${size}`, "v3");
  if (existsSync(state)) {
    // A state seeded before the latest migrations still gets them.
    const env = await openLocalEnv(state);
    try {
      await applyMigrations(env.db);
      const totals = await listingTotals(env.db);
      const tops = (await listSections(env.db)).filter((s) => s.parentId === null);
      const listed = tops.reduce((n, s) => n + (totals.get(s.path) ?? 0), 0);
      if (listed === size) {
        // Seeded before search: its articles were queued for the index by the migration.
        while ((await indexBacklog(env.db, 500)) > 0);
        return state;
      }
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

/**
 * What the scenarios ask for: a sample of real article URLs, the deepest page of the biggest section, and
 * an editor's key (made here, before the Workers open the same files) for the publish → fresh read run.
 */
async function targets(state: string) {
  const env = await openLocalEnv(state);
  try {
    const { secret: editorKey } = await createApiKey(env.db, { name: `bench ${Date.now()}`, role: "editor" }, await generateKey());
    const range = await articleIdRange(env.db);
    if (!range) throw new Error(`${state} has no articles`);
    const random = seededRandom(42);
    const articles: { id: number; path: string }[] = [];
    let month: string | null = null;
    for (let tries = 0; articles.length < 200 && tries < 2000; tries++) {
      const placed = await getPublishedArticle(env.db, random.int(range.first, range.last));
      if (placed) articles.push({ id: placed.article.id, path: placed.sectionPath });
      // A month from the middle of the archive, for the monthly sitemap.
      month ??= placed ? shanghaiMonth(placed.article.publishedAt) : null;
    }
    const totals = await listingTotals(env.db);
    const tops = (await listSections(env.db)).filter((s) => s.parentId === null);
    const biggest = tops.sort((a, b) => (totals.get(b.path) ?? 0) - (totals.get(a.path) ?? 0))[0];
    if (!biggest) throw new Error(`${state} has no sections`);
    const leaf = articles[0]?.path ?? biggest.path;
    if (!month) throw new Error(`${state} has no published article to take a month from`);
    const matches = new Map<string, number>();
    for (const { q } of SEARCH_MIX) matches.set(q, await matchCount(env.db, q));
    return { articles, section: biggest.path, leaf, editorKey, month, matches, lastPage: Math.max(1, Math.ceil((totals.get(biggest.path) ?? 0) / PAGE_SIZE)) };
  } finally {
    await env.dispose();
  }
}

type Targets = Awaited<ReturnType<typeof targets>>;

/** The URLs of the feed and sitemap scenarios: the site's RSS, the biggest section's Atom, a month's sitemap. */
const feedPaths = (t: Targets) => ({ site: "/rss.xml", section: `/html/${t.section}/atom.xml`, month: `/sitemaps/${t.month}.xml` });

/**
 * The scenarios, the baseline and the floors first (every other row is read against one of them), then the
 * app: each page as a HIT (the edge cache, warmed; read against one Cache API lookup), a MISS (the same app
 * with EDGE_CACHE = "off", so every request is rendered from D1; read against one D1 query) and, for the
 * article page and the feeds, a 304 (a client that holds the current copy: by If-None-Match, or for the
 * section feed by If-Modified-Since, as a poller without ETags asks).
 */
function scenarios(t: Targets, validators: Map<string, Validators>, pageHeaders: Servers["pageHeaders"]): Scenario[] {
  type Options = { name?: string; conditional?: "etag" | "date"; target?: Target };
  const on = (worker: "masthead" | "masthead-nocache", label: string, paths: string[], o: Options = {}): Scenario => ({
    name: o.name ?? label,
    label,
    worker,
    floor: worker === "masthead" ? "cache-floor" : "d1-floor",
    ...(o.target && { target: o.target }),
    requests: paths.map((path): HttpRequest => {
      const v = validators.get(path);
      if (o.conditional === "etag") return { path, headers: { "If-None-Match": v?.etag ?? "" } };
      if (o.conditional === "date") return { path, headers: { "If-Modified-Since": v?.lastModified ?? "" } };
      return { path };
    }),
  });
  const floor = (worker: Exclude<WorkerName, "masthead" | "masthead-nocache">, label: string, against: Floor | null, name = label): Scenario => ({
    name,
    label,
    worker,
    floor: against,
    requests: [{ path: "/" }],
  });
  const hit = { target: HIT_TARGET };
  const miss = { target: MISS_TARGET };
  const feeds = feedPaths(t);
  const articles = t.articles.map((a) => `/html/${a.path}/${a.id}.html`);
  const json = t.articles.map((a) => `/api/v1/articles/${a.id}`);
  const deep = `/html/${t.section}/index_${t.lastPage}.html`;
  return [
    floor("baseline", `baseline (constant ${BASELINE_BYTES / 1024} KB)`, null),
    floor("d1-floor", "one D1 query (SELECT 1)", "baseline"),
    floor("cache-floor", "one Cache API lookup (8 KB hit)", "baseline"),
    floor("d1-floor-page", "one D1 query, then an article page", "d1-floor", `one D1 query, then an article page (its bytes, its ${pageHeaders.miss} headers)`),
    floor("cache-floor-page", "one Cache API lookup of an article page", "cache-floor", `one Cache API lookup of an article page (its bytes, its ${pageHeaders.hit} headers)`),
    on("masthead", "article page HIT", articles, hit),
    on("masthead-nocache", "article page MISS", articles, miss),
    on("masthead", "article page 304", articles, { ...hit, conditional: "etag" }),
    on("masthead", "section page 1 HIT", [`/html/${t.section}/`], { ...hit, name: `section page 1 HIT (/html/${t.section}/)` }),
    on("masthead-nocache", "section page 1 MISS", [`/html/${t.section}/`], miss),
    on("masthead", "deep section page HIT", [deep], { ...hit, name: `deep section page HIT (${t.lastPage})` }),
    on("masthead-nocache", "deep section page MISS", [deep], miss),
    on("masthead", "home HIT", ["/"], hit),
    on("masthead-nocache", "home MISS", ["/"], miss),
    on("masthead", "GET /api/v1/articles/:id HIT", json, hit),
    on("masthead-nocache", "GET /api/v1/articles/:id MISS", json, miss),
    on("masthead", "GET /api/v1/articles HIT (the newest 20)", ["/api/v1/articles"]),
    on("masthead", "site feed HIT", [feeds.site], { name: `site feed HIT (${feeds.site})` }),
    on("masthead-nocache", "site feed MISS", [feeds.site]),
    on("masthead", "site feed 304 (If-None-Match)", [feeds.site], { conditional: "etag" }),
    on("masthead", "section feed HIT", [feeds.section], { name: `section feed HIT (${feeds.section})` }),
    on("masthead-nocache", "section feed MISS", [feeds.section]),
    on("masthead", "section feed 304 (If-Modified-Since)", [feeds.section], { conditional: "date" }),
    on("masthead", "month sitemap HIT", [feeds.month], { name: `month sitemap HIT (${feeds.month})` }),
    on("masthead-nocache", "month sitemap MISS", [feeds.month]),
    on("masthead", "search page HIT (the mix)", SEARCH_MIX.map(({ q }) => searchUrl(spelled(q)))),
    ...SEARCH_MIX.map(({ name, q }) =>
      on("masthead-nocache", `search page MISS: ${name}`, [searchUrl(spelled(q))], { name: `search page MISS: ${name} (${t.matches.get(q) ?? "?"} matches)` }),
    ),
    on("masthead-nocache", "GET /api/v1/search MISS (the mix)", SEARCH_MIX.map(({ q }) => `/api/v1/search?${new URLSearchParams({ q: spelled(q) })}`)),
  ];
}

type Validators = { etag: string; lastModified: string };

/**
 * Every URL the cached app's rows ask for, requested once before any load, so that its HIT and 304 rows
 * measure hits (the copies stay fresh for the edge TTL, a day) and the app writes no cache registration
 * while the other rows are measured. Says how many a second look still did not find in the cache.
 */
async function prime(origin: string, list: Scenario[]): Promise<void> {
  const paths = [...new Set(list.filter((s) => s.worker === "masthead").flatMap((s) => s.requests.map((r) => r.path)))];
  for (const path of paths) await (await fetch(new URL(path, origin))).arrayBuffer();
  let missed = 0;
  for (const path of paths) {
    const res = await fetch(new URL(path, origin));
    await res.arrayBuffer();
    if (res.headers.get("X-Cache") !== "HIT") missed += 1;
  }
  if (missed) log(`${missed} of ${paths.length} URLs were still not served from the cache after priming`);
}

/** The ETag and Last-Modified each URL answers now, for the 304 scenarios. */
async function validatorsOf(origin: string, paths: string[]): Promise<Map<string, Validators>> {
  const validators = new Map<string, Validators>();
  for (const path of paths) {
    const res = await fetch(new URL(path, origin));
    await res.arrayBuffer();
    validators.set(path, { etag: res.headers.get("ETag") ?? "", lastModified: res.headers.get("Last-Modified") ?? "" });
  }
  return validators;
}

/**
 * Publish → next fresh read: an editor publishes an article in `leaf`; the time until every URL of its purge
 * set (its page, its section's and the parent's first and a deep page, home, the JSON article and lists)
 * answers through the cache exactly what a request past it renders now. Each URL is cached beforehand.
 */
async function publishToFreshRead(origin: string, t: Targets, runs = 5): Promise<FreshRead> {
  const parent = t.leaf.split("/")[0] ?? t.leaf;
  const auth = { Authorization: `Bearer ${t.editorKey}`, "Content-Type": "application/json" };
  const body = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(path, origin), { headers, redirect: "manual" });
    return `${res.status} ${await res.text()}`;
  };
  const publishMs: number[] = [];
  const freshMs: number[] = [];
  // How many passes over the URLs it took: 1 means the first look after the publish found them all fresh.
  const checks: number[] = [];
  for (let run = 0; run < runs; run++) {
    const created = await fetch(new URL("/api/v1/admin/articles", origin), {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ section: t.leaf, title: `基准测试稿件 ${Date.now()}`, body: "本网讯 基准测试。" }),
    });
    const { id } = (await created.json()) as { id: number };
    const urls = [
      `/html/${t.leaf}/${id}.html`, `/html/${t.leaf}/`, `/html/${t.leaf}/index_2.html`, `/html/${parent}/`,
      `/html/${t.section}/index_${t.lastPage}.html`, "/", `/api/v1/articles/${id}`, `/api/v1/articles?section=${t.leaf}`, "/api/v1/articles",
    ];
    for (const url of urls) await body(url);
    const started = performance.now();
    const published = await fetch(new URL(`/api/v1/admin/articles/${id}/publish`, origin), { method: "POST", headers: auth });
    await published.arrayBuffer();
    publishMs.push(performance.now() - started);
    let passes = 0;
    for (let pending = [...urls]; pending.length; ) {
      passes += 1;
      const stale: string[] = [];
      // Past the cache with the editor's key: only a key that verifies reads past it.
      for (const url of pending) if ((await body(url)) !== (await body(url, { Authorization: auth.Authorization }))) stale.push(url);
      pending = stale;
      if (performance.now() - started > 30_000) throw new Error(`still stale after 30 s: ${stale.join(", ")}`);
    }
    freshMs.push(performance.now() - started);
    checks.push(passes);
    // Off the listings again, so the state still holds exactly its size for the next run.
    await (await fetch(new URL(`/api/v1/admin/articles/${id}`, origin), { method: "DELETE", headers: auth })).arrayBuffer();
  }
  return { publishMs, freshMs, checks };
}

type RunOptions = LoadOptions & { warmupSeconds: number; rounds: number };
type Measured = { run: LoadRun; cpuMs: number };

/** One scenario's wrk run, with the CPU its Worker's workerd took meanwhile. */
async function load(servers: Servers, scenario: Scenario, opts: LoadOptions): Promise<Measured> {
  const { origin, pid } = servers.of(scenario.worker);
  const before = cpuMs(pid);
  const run = await runWrk(origin, scenario.requests, opts);
  return { run, cpuMs: cpuMs(pid) - before };
}

/** A scenario's row: its rounds pooled, then a few sequential requests for size and D1 use. */
async function resultRow(servers: Servers, scenario: Scenario, rounds: Measured[]): Promise<ResultRow> {
  const run = mergeRuns(rounds.map((m) => m.run));
  const cpu = rounds.reduce((n, m) => n + m.cpuMs, 0);
  const sample = await sampleResponses(servers.of(scenario.worker).origin, scenario.requests, SAMPLES);
  const failed = [...sample.statuses].filter(([status]) => status >= 400);
  if (failed.length) log(`${scenario.name}: sampled statuses ${failed.map(([s, n]) => `${s}×${n}`).join(", ")}`);
  return {
    name: scenario.name,
    label: scenario.label,
    worker: scenario.worker,
    floor: scenario.floor,
    ...(scenario.target && { target: scenario.target }),
    rps: run.requests / run.seconds,
    p50Ms: percentileMs(run, 50),
    p99Ms: percentileMs(run, 99),
    cpuMsPerRequest: cpu / Math.max(1, run.requests),
    kb: sample.bytes / 1024,
    roundTrips: sample.roundTrips,
    queries: sample.queries,
    rowsRead: sample.rowsRead,
    served: [...sample.served].sort((a, b) => b[1] - a[1]).map(([how, n]) => (n === SAMPLES ? how : `${how} ${n}/${SAMPLES}`)).join(", "),
    requests: run.requests,
    non2xx: run.non2xx,
    socketErrors: run.socketErrors,
  };
}

async function runSize(size: number, bundle: string, opts: RunOptions, only: RegExp | null): Promise<SizeResult> {
  const state = await ensureState(size);
  const t = await targets(state);
  const articlePath = (a: { id: number; path: string }) => `/html/${a.path}/${a.id}.html`;
  const first = t.articles[0];
  if (!first) throw new Error(`${state} has no article to sample`);
  const servers = await serve(bundle, state, articlePath(first));
  const app = servers.of("masthead");
  log(`${size}: the app on ${app.origin} (workerd pid ${app.pid}), each floor and the uncached app in a workerd of its own`);
  // How busy the machine was as the load began: a noisy neighbour shows here before it shows in the table.
  const loadAverage = loadavg()[0] ?? 0;
  try {
    const conditional = [...t.articles.map(articlePath), feedPaths(t).site, feedPaths(t).section];
    // The floors always run: every other row is read against them.
    const list = scenarios(t, await validatorsOf(app.origin, conditional), servers.pageHeaders).filter((s) => !isApp(s.worker) || !only || only.test(s.name));
    await prime(app.origin, list);
    // Warm workerd's JIT and D1's page cache before anything counts.
    for (const scenario of list) await load(servers, scenario, { ...opts, seconds: opts.warmupSeconds });
    // Rounds, each scenario a slice of its time in turn: whatever else the machine does meanwhile falls on
    // every scenario alike, the floors included, instead of on whichever ran at that moment. One at a time,
    // since all the processes share the machine's two cores with wrk.
    const measured = new Map<Scenario, Measured[]>(list.map((s) => [s, []]));
    for (let round = 0; round < opts.rounds; round++) {
      for (const scenario of list) measured.get(scenario)?.push(await load(servers, scenario, { ...opts, seconds: opts.seconds / opts.rounds }));
    }
    const rows: ResultRow[] = [];
    for (const scenario of list) {
      const row = await resultRow(servers, scenario, measured.get(scenario) ?? []);
      log(`${size}: ${row.name}: ${row.rps.toFixed(0)} req/s, ${row.cpuMsPerRequest.toFixed(2)} ms CPU, p50 ${row.p50Ms.toFixed(2)} ms` +
        `${row.non2xx ? `, ${row.non2xx} non-2xx/3xx` : ""}${row.socketErrors ? `, ${row.socketErrors} socket errors` : ""}`);
      rows.push(row);
    }
    const fresh = only ? null : await publishToFreshRead(app.origin, t);
    if (fresh) log(`${size}: publish → every purged URL fresh: ${fresh.freshMs.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    return { rows, loadAverage, fresh, size: indexSize(state) };
  } finally {
    await servers.dispose();
  }
}

const DEFAULT_SIZES = "1000,100000";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string", default: DEFAULT_SIZES },
    seconds: { type: "string" },
    rounds: { type: "string" },
    connections: { type: "string", default: "8" },
    scenarios: { type: "string" },
  },
});
const sizes = values.sizes.split(",").map(Number);
if (sizes.some((n) => !Number.isSafeInteger(n) || n < 1)) throw new Error(`--sizes: whole numbers, comma-separated (got ${values.sizes})`);
// One-second slices: the finer the interleaving, the more evenly a neighbour's burst falls on every row.
const rounds = Number(values.rounds ?? (values.quick ? 2 : 6));
const seconds = Number(values.seconds ?? (values.quick ? 2 : 6));
const connections = Number(values.connections);
// wrk takes whole seconds.
if (!Number.isSafeInteger(rounds) || rounds < 1 || !Number.isSafeInteger(seconds / rounds) || seconds / rounds < 1) {
  throw new Error(`--seconds must be a whole multiple of --rounds (got ${seconds} and ${rounds})`);
}
if (!Number.isSafeInteger(connections) || connections < 1 || connections > 64) throw new Error(`--connections: 1 to 64 (got ${values.connections})`);
const only = values.scenarios === undefined ? null : new RegExp(values.scenarios, "i");
const opts: RunOptions = { seconds, rounds, connections, threads: Math.min(2, connections), warmupSeconds: values.quick ? 1 : 2 };
// Only a run like the integrator's (every size and scenario, full length, the defaults) replaces the docs' results.
const complete = !values.quick && values.sizes === DEFAULT_SIZES && only === null && values.seconds === undefined && values.rounds === undefined && connections === 8;
if (!hasWrk()) throw new Error("the benchmark needs wrk on the PATH (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk)");

log("bundling the Worker (wrangler deploy --dry-run)");
const bundle = bundleWorker();
const results: { size: number; result: SizeResult }[] = [];
try {
  for (const size of sizes) results.push({ size, result: await runSize(size, bundle, opts, only) });
} finally {
  rmSync(bundle, { recursive: true, force: true });
}
const version = (pkg: string) => createRequire(join(ROOT, "package.json"))(`${pkg}/package.json`).version as string;
const wrkVersion = /wrk (\S+)/.exec(execFileSync("sh", ["-c", "wrk --version 2>&1 || true"], { encoding: "utf8" }))?.[1] ?? "?";
const run: Run = {
  date: new Date().toISOString().slice(0, 10),
  quick: values.quick,
  only,
  versions: { miniflare: version("miniflare"), wrk: wrkVersion },
  opts,
  samples: SAMPLES,
};
const svg = benchChart(
  results.map(({ size, result }) => ({ size, rows: result.rows })),
  `npm run bench, ${run.date}: every scenario against its floor`,
  chartSubtitle(run, results),
);
const markdown = reportMarkdown(run, results);
const docs = complete ? `![${run.date}: requests per second and workerd CPU per request, each against its floor](images/bench.svg)\n\n${markdown}` : null;
for (const path of publishResults(ROOT, { markdown, svg, docs })) log(`wrote ${path}`);
if (!complete) log("not a complete run (every size and scenario, full length): docs/benchmark.md and docs/images/bench.svg left as they were");
console.log(markdown);

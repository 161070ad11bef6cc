// The benchmark: the Worker as `wrangler deploy` would bundle it, served by Miniflare (workerd, local D1/R2)
// on a loopback port beside a constant-bytes baseline Worker on another port of the same workerd, loaded
// over HTTP by wrk. Results read as ratios to the baseline and as workerd CPU per request, which travel
// between machines far better than raw speed. Bounded load, loopback only: a fixed time per scenario, 8 connections.
//
//   npm run bench                 1,000 and 100,000 articles (the first run seeds .bench/, then reuses it)
//   npm run bench -- --quick      shorter runs
//   npm run bench -- --sizes 1000 --seconds 10 --rounds 10 --connections 4
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Miniflare } from "miniflare";
import { articleIdRange, listingTotals } from "../src/db/bulk.ts";
import { getPublishedArticle } from "../src/db/article-page.ts";
import { PAGE_SIZE } from "../src/db/listings.ts";
import { shanghaiMonth } from "../src/content/dates.ts";
import { listSections } from "../src/db/sections.ts";
import { ROOT, applyMigrations, openLocalEnv, storageOptions, wranglerConfig } from "./bindings/local-env.ts";
import { cpuMs, processListeningOn } from "./bench/proc-cpu.ts";
import { type ResultRow, resultsTable } from "./bench/results-table.ts";
import { seededRandom } from "./demo/random.ts";
import { sampleResponses } from "./bench/sample.ts";
import { bundleWorker, mastheadWorker } from "./bindings/worker.ts";
import { type HttpRequest, type LoadOptions, type LoadRun, hasWrk, mergeRuns, percentileMs, runWrk } from "./bench/wrk.ts";
import { seed } from "./seed.ts";
import { generateKey } from "../src/auth/keys.ts";
import { createApiKey } from "../src/db/keys.ts";
import { parseSearchQuery } from "../src/search/query.ts";
import { searchUrl } from "../src/content/urls.ts";
import { matchParts } from "../src/db/search-match.ts";
import { indexSize } from "./bench/index-size.ts";
import { indexBacklog } from "../src/publish/reindex.ts";

const BASELINE_BYTES = 20 * 1024;

/** Serves the same ~20 KB of HTML to every request: what a request costs before the app does anything. */
const BASELINE_WORKER = `
const body = "<!doctype html><html lang=zh-CN><title>baseline</title><body>" + "<p>青岚传媒网 基准页面</p>".repeat(${Math.floor(BASELINE_BYTES / Buffer.byteLength("<p>青岚传媒网 基准页面</p>"))}) + "</body></html>";
export default { fetch() { return new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } }); } };
`;

/**
 * One D1 round trip and nothing else: the floor under any page that reads D1. Locally that round trip is
 * Miniflare's D1 (SQLite in a Durable Object on the same workerd thread) and costs several times the
 * constant bytes, so this row shows how much of a page's figures is local D1 rather than the app.
 */
const D1_FLOOR_WORKER = `
export default {
  async fetch(request, env) {
    const { meta } = await env.DB.prepare("SELECT 1 AS one").all();
    const timing = 'd1;desc="queries=1 rows_read=' + meta.rows_read + ' rows_written=' + meta.rows_written + '"';
    return new Response("one", { headers: { "content-type": "text/plain", "server-timing": timing } });
  },
};
`;

/**
 * One Cache API lookup and nothing else: the floor under any hit the Worker answers from caches.default.
 * Locally that is Miniflare's cache, on the same workerd; in production the cache is Cloudflare's, outside
 * the Worker (and with Workers Cache a hit never reaches the Worker at all).
 */
const CACHE_FLOOR_WORKER = `
const body = "<!doctype html><html lang=zh-CN><title>cached</title><body>" + "<p>青岚传媒网 缓存页面</p>".repeat(240) + "</body></html>";
export default {
  async fetch(request) {
    const key = new Request("http://cache-floor.bench/page");
    const hit = await caches.default.match(key);
    if (hit) return hit;
    const res = new Response(body, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=86400" } });
    await caches.default.put(key, res.clone());
    return res;
  },
};
`;

/** Sequential requests per scenario, after its load, for response size and D1 use (Server-Timing). */
const SAMPLES = 50;

/** The app twice over the same state: with its edge cache (hits, 304s) and without (every request a miss). */
type WorkerName = "masthead" | "masthead-nocache" | "baseline" | "d1-floor" | "cache-floor";

/**
 * A load test: wrk picks each request at random from `requests`, so a scenario over many URLs (random
 * articles) or with per-URL headers (If-None-Match for a 304) is a longer list.
 */
type Scenario = { name: string; worker: WorkerName; requests: HttpRequest[] };

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
    applyMigrations(state);
    const env = await openLocalEnv(state);
    try {
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
 * The scenarios, baseline first (every other row is read against it), then the D1 floor, then the app: each
 * page as a HIT (the edge cache, warmed), a MISS (the same app with EDGE_CACHE = "off", so every request is
 * rendered from D1) and, for the article page and the feeds, a 304 (a client that holds the current copy: by
 * If-None-Match, or for the section feed by If-Modified-Since, as a poller without ETags asks).
 */
function scenarios(t: Targets, validators: Map<string, Validators>): Scenario[] {
  const on = (worker: WorkerName, name: string, paths: string[], conditional: "etag" | "date" | null = null): Scenario => ({
    name,
    worker,
    requests: paths.map((path): HttpRequest => {
      const v = validators.get(path);
      if (conditional === "etag") return { path, headers: { "If-None-Match": v?.etag ?? "" } };
      if (conditional === "date") return { path, headers: { "If-Modified-Since": v?.lastModified ?? "" } };
      return { path };
    }),
  });
  const feeds = feedPaths(t);
  const articles = t.articles.map((a) => `/html/${a.path}/${a.id}.html`);
  const deep = `/html/${t.section}/index_${t.lastPage}.html`;
  return [
    { name: "baseline (constant 20 KB)", worker: "baseline", requests: [{ path: "/" }] },
    { name: "one D1 query (SELECT 1)", worker: "d1-floor", requests: [{ path: "/" }] },
    { name: "one Cache API lookup (5 KB hit)", worker: "cache-floor", requests: [{ path: "/" }] },
    on("masthead", "article page HIT", articles),
    on("masthead-nocache", "article page MISS", articles),
    on("masthead", "article page 304", articles, "etag"),
    on("masthead", `section page 1 HIT (/html/${t.section}/)`, [`/html/${t.section}/`]),
    on("masthead-nocache", "section page 1 MISS", [`/html/${t.section}/`]),
    on("masthead", `deep section page HIT (${t.lastPage})`, [deep]),
    on("masthead-nocache", "deep section page MISS", [deep]),
    on("masthead", "home HIT", ["/"]),
    on("masthead-nocache", "home MISS", ["/"]),
    on("masthead", "GET /api/v1/articles/:id HIT", t.articles.map((a) => `/api/v1/articles/${a.id}`)),
    on("masthead-nocache", "GET /api/v1/articles/:id MISS", t.articles.map((a) => `/api/v1/articles/${a.id}`)),
    on("masthead", "GET /api/v1/articles HIT (the newest 20)", ["/api/v1/articles"]),
    on("masthead", `site feed HIT (${feeds.site})`, [feeds.site]),
    on("masthead-nocache", "site feed MISS", [feeds.site]),
    on("masthead", "site feed 304 (If-None-Match)", [feeds.site], "etag"),
    on("masthead", `section feed HIT (${feeds.section})`, [feeds.section]),
    on("masthead-nocache", "section feed MISS", [feeds.section]),
    on("masthead", "section feed 304 (If-Modified-Since)", [feeds.section], "date"),
    on("masthead", `month sitemap HIT (${feeds.month})`, [feeds.month]),
    on("masthead-nocache", "month sitemap MISS", [feeds.month]),
    on("masthead", "search page HIT (the mix)", SEARCH_MIX.map(({ q }) => searchUrl(q))),
    ...SEARCH_MIX.map(({ name, q }) => on("masthead-nocache", `search page MISS: ${name} (${t.matches.get(q) ?? "?"} matches)`, [searchUrl(q)])),
    on("masthead-nocache", "GET /api/v1/search MISS (the mix)", SEARCH_MIX.map(({ q }) => `/api/v1/search?${new URLSearchParams({ q })}`)),
  ];
}

type Validators = { etag: string; lastModified: string };

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
async function publishToFreshRead(origin: string, t: Targets, runs = 5): Promise<{ publishMs: number[]; freshMs: number[]; checks: number[] }> {
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

/** The Workers in one workerd, each on its own loopback port, and the pid of that workerd. */
async function serve(bundle: string, state: string) {
  const config = wranglerConfig();
  const storage = storageOptions(state);
  // A socket straight into each Worker, with no Miniflare entry worker in front: in production nothing
  // but the Worker runs either.
  const ownPort = [{ host: "127.0.0.1", port: 0 }];
  const mf = new Miniflare({
    ...storage,
    workers: [
      // D1_METER: the Worker's Server-Timing D1 counters, should they become opt-in.
      { ...mastheadWorker(bundle, state), bindings: { ...config.vars, D1_METER: "on" }, unsafeDirectSockets: ownPort },
      {
        ...mastheadWorker(bundle, state),
        name: "masthead-nocache",
        bindings: { ...config.vars, D1_METER: "on", EDGE_CACHE: "off" },
        // A queue has one consumer: the caching Worker above.
        queueConsumers: {},
        unsafeDirectSockets: ownPort,
      },
      { name: "baseline", modules: true, script: BASELINE_WORKER, compatibilityDate: config.compatibilityDate, unsafeDirectSockets: ownPort },
      {
        name: "d1-floor", modules: true, script: D1_FLOOR_WORKER, compatibilityDate: config.compatibilityDate,
        d1Databases: storage.d1Databases, unsafeDirectSockets: ownPort,
      },
      { name: "cache-floor", modules: true, script: CACHE_FLOOR_WORKER, compatibilityDate: config.compatibilityDate, unsafeDirectSockets: ownPort },
    ],
  });
  const origin = async (name: WorkerName) => (await mf.unsafeGetDirectURL(name)).origin;
  const origins: Record<WorkerName, string> = {
    masthead: await origin("masthead"),
    "masthead-nocache": await origin("masthead-nocache"),
    baseline: await origin("baseline"),
    "d1-floor": await origin("d1-floor"),
    "cache-floor": await origin("cache-floor"),
  };
  const pids = new Set(Object.values(origins).map((o) => processListeningOn(Number(new URL(o).port))));
  const [workerd] = pids;
  if (pids.size !== 1 || workerd === undefined) throw new Error(`the Workers are not all in one process (${[...pids].join(", ")})`);
  return { origins, workerd, dispose: () => mf.dispose() };
}

type Server = Awaited<ReturnType<typeof serve>>;
type RunOptions = LoadOptions & { warmupSeconds: number; rounds: number };
type Measured = { run: LoadRun; cpuMs: number };

/** One scenario's wrk run, with the workerd CPU it took. */
async function load(server: Server, scenario: Scenario, opts: LoadOptions): Promise<Measured> {
  const before = cpuMs(server.workerd);
  const run = await runWrk(server.origins[scenario.worker], scenario.requests, opts);
  return { run, cpuMs: cpuMs(server.workerd) - before };
}

/** A scenario's row: its rounds pooled, then a few sequential requests for size and D1 use. */
async function resultRow(server: Server, scenario: Scenario, rounds: Measured[]): Promise<ResultRow> {
  const run = mergeRuns(rounds.map((m) => m.run));
  const cpu = rounds.reduce((n, m) => n + m.cpuMs, 0);
  const sample = await sampleResponses(server.origins[scenario.worker], scenario.requests, SAMPLES);
  const failed = [...sample.statuses].filter(([status]) => status >= 400);
  if (failed.length) log(`${scenario.name}: sampled statuses ${failed.map(([s, n]) => `${s}×${n}`).join(", ")}`);
  return {
    name: scenario.name,
    rps: run.requests / run.seconds,
    p50Ms: percentileMs(run, 50),
    p99Ms: percentileMs(run, 99),
    cpuMsPerRequest: cpu / Math.max(1, run.requests),
    kb: sample.bytes / 1024,
    queries: sample.queries,
    rowsRead: sample.rowsRead,
    served: [...sample.served].sort((a, b) => b[1] - a[1]).map(([how, n]) => (n === SAMPLES ? how : `${how} ${n}/${SAMPLES}`)).join(", "),
    requests: run.requests,
    non2xx: run.non2xx,
    socketErrors: run.socketErrors,
  };
}

type SizeResult = { rows: ResultRow[]; loadAverage: number; fresh: Awaited<ReturnType<typeof publishToFreshRead>>; size: ReturnType<typeof indexSize> };

async function runSize(size: number, bundle: string, opts: RunOptions): Promise<SizeResult> {
  const state = await ensureState(size);
  const t = await targets(state);
  const server = await serve(bundle, state);
  log(`${size}: masthead on ${server.origins.masthead}, baseline on ${server.origins.baseline}, workerd pid ${server.workerd}`);
  // How busy the machine was as the load began: a noisy neighbour shows here before it shows in the table.
  const loadAverage = loadavg()[0] ?? 0;
  try {
    const conditional = [...t.articles.map((a) => `/html/${a.path}/${a.id}.html`), feedPaths(t).site, feedPaths(t).section];
    const list = scenarios(t, await validatorsOf(server.origins.masthead, conditional));
    // Warm workerd's JIT, D1's page cache and the edge cache before anything counts.
    for (const scenario of list) await load(server, scenario, { ...opts, seconds: opts.warmupSeconds });
    // Rounds, each scenario a slice of its time in turn: whatever else the machine does meanwhile falls
    // on every scenario alike, the baseline included, instead of on whichever ran at that moment. One at a
    // time, since all the Workers share the workerd whose CPU is measured.
    const measured = new Map<Scenario, Measured[]>(list.map((s) => [s, []]));
    for (let round = 0; round < opts.rounds; round++) {
      for (const scenario of list) measured.get(scenario)?.push(await load(server, scenario, { ...opts, seconds: opts.seconds / opts.rounds }));
    }
    const rows: ResultRow[] = [];
    for (const scenario of list) {
      const row = await resultRow(server, scenario, measured.get(scenario) ?? []);
      log(`${size}: ${row.name}: ${row.rps.toFixed(0)} req/s, ${row.cpuMsPerRequest.toFixed(2)} ms CPU, p50 ${row.p50Ms.toFixed(2)} ms` +
        `${row.non2xx ? `, ${row.non2xx} non-2xx/3xx` : ""}${row.socketErrors ? `, ${row.socketErrors} socket errors` : ""}`);
      rows.push(row);
    }
    const fresh = await publishToFreshRead(server.origins.masthead, t);
    log(`${size}: publish → every purged URL fresh: ${fresh.freshMs.map((ms) => ms.toFixed(0)).join(", ")} ms`);
    await server.dispose();
    return { rows, loadAverage, fresh, size: indexSize(state) };
  } catch (err) {
    await server.dispose();
    throw err;
  }
}

const MB = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The search index's size, per article, and what a 10 GB D1 then holds. */
function sizeLine(s: ReturnType<typeof indexSize>): string {
  const perArticle = s.fileBytes / Math.max(1, s.articles);
  return (
    `Database ${MB(s.fileBytes)} MB for ${s.articles.toLocaleString("en-US")} articles (${(perArticle / 1024).toFixed(1)} KB an article), ` +
    `of which the search index ${MB(s.indexBytes)} MB (${(s.indexBytes / Math.max(1, s.articles) / 1024).toFixed(2)} KB an article, ` +
    `${((100 * s.indexBytes) / Math.max(1, s.fileBytes)).toFixed(0)}%; sqlite dbstat pages): a 10 GB D1 holds about ` +
    `${Math.floor(10e9 / perArticle).toLocaleString("en-US")} such articles with the index, ` +
    `${Math.floor(10e9 / ((s.fileBytes - s.indexBytes) / Math.max(1, s.articles))).toLocaleString("en-US")} without.`
  );
}

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    sizes: { type: "string", default: "1000,100000" },
    seconds: { type: "string" },
    rounds: { type: "string" },
    connections: { type: "string", default: "8" },
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
const opts: RunOptions = { seconds, rounds, connections, threads: Math.min(2, connections), warmupSeconds: values.quick ? 1 : 2 };
if (!hasWrk()) throw new Error("the benchmark needs wrk on the PATH (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk)");

log("bundling the Worker (wrangler deploy --dry-run)");
const bundle = bundleWorker();
const sections: string[] = [];
try {
  for (const size of sizes) {
    const { rows, loadAverage, fresh, size: stored } = await runSize(size, bundle, opts);
    const heading = `#### ${size.toLocaleString("en-US")} articles (load average ${loadAverage.toFixed(2)} at the start)`;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const freshLine =
      `Publish → next fresh read (${fresh.freshMs.length} runs): the publish answers in ${median(fresh.publishMs).toFixed(0)} ms ` +
      `(median), and every URL of its purge set serves the new version ${median(fresh.freshMs).toFixed(0)} ms after the publish was ` +
      `sent (median; slowest ${Math.max(...fresh.freshMs).toFixed(0)} ms), that time mostly the check itself: two requests per URL, ` +
      `one through the cache and one past it, for ${fresh.checks.map(String).join(", ")} pass(es) over the nine URLs.`;
    sections.push([heading, "", resultsTable(rows), "", freshLine, "", sizeLine(stored), ""].join("\n"));
  }
} finally {
  rmSync(bundle, { recursive: true, force: true });
}
const version = (pkg: string) => createRequire(join(ROOT, "package.json"))(`${pkg}/package.json`).version as string;
const wrkVersion = /wrk (\S+)/.exec(execFileSync("sh", ["-c", "wrk --version 2>&1 || true"], { encoding: "utf8" }))?.[1] ?? "?";
const header = [
  `Run of ${new Date().toISOString().slice(0, 10)}, ${values.quick ? "quick" : "full"}: Miniflare ${version("miniflare")}, wrk ${wrkVersion}, ` +
    `${opts.connections} connections on ${opts.threads} threads over loopback HTTP, ${opts.seconds} s per scenario in ${opts.rounds} ` +
    `interleaved round${opts.rounds === 1 ? "" : "s"} after a ${opts.warmupSeconds} s warm-up. "throughput ÷ baseline" = scenario req/s ÷ ` +
    `req/s of a Worker answering a constant ${BASELINE_BYTES / 1024} KB in the same workerd and run; "workerd CPU" is that process's ` +
    `user + system time (/proc/<pid>/stat) per request, local D1 included; KB and D1 columns are the mean of ${SAMPLES} sequential requests.`,
  "",
].join("\n");
const report = [header, ...sections].join("\n");
mkdirSync(join(ROOT, ".bench"), { recursive: true });
writeFileSync(join(ROOT, ".bench", "results.md"), report);
console.log(report);

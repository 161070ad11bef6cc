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
import { listSections } from "../src/db/sections.ts";
import { ROOT, applyMigrations, openLocalEnv, storageOptions, wranglerConfig } from "./lib/local-env.ts";
import { cpuMs, processListeningOn } from "./lib/proc-cpu.ts";
import { type ResultRow, resultsTable } from "./lib/results-table.ts";
import { seededRandom } from "./lib/random.ts";
import { sampleResponses } from "./lib/sample.ts";
import { bundleWorker, mastheadWorker } from "./lib/worker.ts";
import { type HttpRequest, type LoadOptions, type LoadRun, hasWrk, mergeRuns, percentileMs, runWrk } from "./lib/wrk.ts";
import { seed } from "./seed.ts";

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

/** Sequential requests per scenario, after its load, for response size and D1 use (Server-Timing). */
const SAMPLES = 50;

type WorkerName = "masthead" | "baseline" | "d1-floor";

/**
 * A load test: wrk picks each request at random from `requests`, so a scenario over many URLs (random
 * articles) or with per-URL headers (If-None-Match for a 304) is a longer list.
 */
type Scenario = { name: string; worker: WorkerName; requests: HttpRequest[] };

const log = (message: string) => console.error(`bench: ${message}`);

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

type Targets = Awaited<ReturnType<typeof targets>>;

/** The scenarios, baseline first (every other row is read against it), then the D1 floor, then the app. */
function scenarios(t: Targets): Scenario[] {
  const masthead = (name: string, paths: string[]): Scenario => ({ name, worker: "masthead", requests: paths.map((path) => ({ path })) });
  return [
    { name: "baseline (constant 20 KB)", worker: "baseline", requests: [{ path: "/" }] },
    { name: "one D1 query (SELECT 1)", worker: "d1-floor", requests: [{ path: "/" }] },
    masthead("article page (random id)", t.articles.map((a) => `/html/${a.path}/${a.id}.html`)),
    masthead(`section page 1 (/html/${t.section}/)`, [`/html/${t.section}/`]),
    masthead(`section last page (${t.lastPage})`, [`/html/${t.section}/index_${t.lastPage}.html`]),
    masthead("home", ["/"]),
    masthead("GET /api/v1/articles?limit=20", ["/api/v1/articles?limit=20"]),
    masthead("GET /api/v1/articles/:id", t.articles.map((a) => `/api/v1/articles/${a.id}`)),
  ];
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
      { name: "baseline", modules: true, script: BASELINE_WORKER, compatibilityDate: config.compatibilityDate, unsafeDirectSockets: ownPort },
      {
        name: "d1-floor", modules: true, script: D1_FLOOR_WORKER, compatibilityDate: config.compatibilityDate,
        d1Databases: storage.d1Databases, unsafeDirectSockets: ownPort,
      },
    ],
  });
  const origin = async (name: WorkerName) => (await mf.unsafeGetDirectURL(name)).origin;
  const origins: Record<WorkerName, string> = { masthead: await origin("masthead"), baseline: await origin("baseline"), "d1-floor": await origin("d1-floor") };
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
    requests: run.requests,
    non2xx: run.non2xx,
    socketErrors: run.socketErrors,
  };
}

async function runSize(size: number, bundle: string, opts: RunOptions): Promise<{ rows: ResultRow[]; loadAverage: number }> {
  const state = await ensureState(size);
  const list = scenarios(await targets(state));
  const server = await serve(bundle, state);
  log(`${size}: masthead on ${server.origins.masthead}, baseline on ${server.origins.baseline}, workerd pid ${server.workerd}`);
  // How busy the machine was as the load began: a noisy neighbour shows here before it shows in the table.
  const loadAverage = loadavg()[0] ?? 0;
  try {
    // Warm workerd's JIT and D1's page cache before anything counts.
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
    return { rows, loadAverage };
  } finally {
    await server.dispose();
  }
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
    const { rows, loadAverage } = await runSize(size, bundle, opts);
    const heading = `#### ${size.toLocaleString("en-US")} articles (load average ${loadAverage.toFixed(2)} at the start)`;
    sections.push([heading, "", resultsTable(rows), ""].join("\n"));
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

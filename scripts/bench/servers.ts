// The Workers the benchmark loads, each in a workerd of its own (one Miniflare instance each): the app with
// its edge cache, the same app without, and the floors it is read against. A process of its own per Worker,
// so the CPU read from a process is its Worker's alone, and no Worker's leftovers (a cache store in
// waitUntil, a queue batch) run on the thread another is being measured on. Each answers on a loopback port
// straight into the Worker (`unsafeDirectSockets`), with no Miniflare entry worker in front. No two
// processes open one database: workerd's SQLite does not wait for another process's lock (SQLITE_BUSY), so
// the uncached app reads a copy of the state's D1 and the D1 floor an empty database of its own.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { Miniflare, type WorkerOptions } from "miniflare";
import { storageOptions, wranglerConfig } from "../bindings/local-env.ts";
import { mastheadWorker } from "../bindings/worker.ts";
import { processListeningOn } from "./proc-cpu.ts";

export const BASELINE_BYTES = 20 * 1024;

/** Serves the same ~20 KB of HTML to every request: what a request costs before the app does anything. */
const BASELINE_WORKER = `
const body = "<!doctype html><html lang=zh-CN><title>baseline</title><body>" + "<p>青岚传媒网 基准页面</p>".repeat(${Math.floor(BASELINE_BYTES / Buffer.byteLength("<p>青岚传媒网 基准页面</p>"))}) + "</body></html>";
export default { fetch() { return new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } }); } };
`;

/**
 * One D1 round trip and nothing else: the floor under any page that reads D1. Locally that round trip is
 * Miniflare's D1 (SQLite in a Durable Object on the same workerd thread) and costs several times the
 * constant bytes, so this row shows how much of a miss's figures is local D1 rather than the app.
 */
const D1_FLOOR_WORKER = `
export default {
  async fetch(request, env) {
    const { meta } = await env.DB.prepare("SELECT 1 AS one").all();
    const timing = 'd1;desc="round_trips=1 queries=1 rows_read=' + meta.rows_read + ' rows_written=' + meta.rows_written + '"';
    return new Response("one", { headers: { "content-type": "text/plain", "server-timing": timing } });
  },
};
`;

/**
 * One Cache API lookup and nothing else: the floor under any hit the Worker answers from caches.default.
 * Locally that is Miniflare's cache, in the same workerd; in production the cache is Cloudflare's, outside
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

/**
 * The floors again, answering what the app answers for an article page (its bytes and every header of it)
 * instead of a few bytes: how much of the gap between the app and a bare floor is only the page itself.
 * PAGE and HEADERS are copied from the app's own answer when the run starts.
 */
const D1_PAGE_FLOOR_WORKER = `
let headers;
export default {
  async fetch(request, env) {
    headers ??= JSON.parse(env.HEADERS);
    await env.DB.prepare("SELECT 1 AS one").all();
    return new Response(env.PAGE, { headers });
  },
};
`;

const CACHE_PAGE_FLOOR_WORKER = `
export default {
  async fetch(request, env) {
    const key = new Request("http://cache-floor.bench/page");
    const hit = await caches.default.match(key);
    if (hit) return hit;
    const headers = new Headers(JSON.parse(env.HEADERS));
    headers.set("cache-control", "public, max-age=86400");
    const res = new Response(env.PAGE, { headers });
    await caches.default.put(key, res.clone());
    return res;
  },
};
`;

/** The app twice over the same state: with its edge cache (hits, 304s) and without (every request a miss). */
const APPS = ["masthead", "masthead-nocache"] as const;
const BARE_FLOORS = ["baseline", "d1-floor", "cache-floor"] as const;
const PAGE_FLOORS = ["d1-floor-page", "cache-floor-page"] as const;
export const WORKERS = [...BARE_FLOORS, ...PAGE_FLOORS, ...APPS] as const;
export type WorkerName = (typeof WORKERS)[number];

/** The Workers that do one thing only, which the app's rows are read against. */
export type Floor = (typeof BARE_FLOORS)[number];

export const isApp = (name: WorkerName) => name === "masthead" || name === "masthead-nocache";

export type Served = { origin: string; pid: number };

export type Servers = {
  of: (name: WorkerName) => Served;
  /** How many headers the app's article page carries as a hit and as a miss (the page floors send the same). */
  pageHeaders: { hit: number; miss: number };
  dispose: () => Promise<void>;
};

const ownPort = [{ host: "127.0.0.1", port: 0 }];

/**
 * A copy of the D1 files of `state` under `into` (the database and its write-ahead log, which SQLite reads
 * back on opening; not the shared-memory index, which it rebuilds), taken while no process has them open.
 */
function copyD1(state: string, into: string) {
  const from = storageOptions(state).d1Persist;
  const to = storageOptions(into).d1Persist;
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith("-shm")) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, source.slice(from.length));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(source, target);
  }
}

type Options = WorkerOptions & { d1Persist?: string; r2Persist?: string };

const script = (name: WorkerName, source: string, extra: Partial<Options> = {}): Options => ({
  name,
  modules: true,
  script: source,
  compatibilityDate: wranglerConfig().compatibilityDate,
  unsafeDirectSockets: ownPort,
  ...extra,
});

/** The apps: with the edge cache over `state`, without over `copy`. */
function appOptions(bundle: string, dirs: { state: string; copy: string }): Record<(typeof APPS)[number], Options> {
  const config = wranglerConfig();
  return {
    // D1_METER: the Server-Timing D1 counters the table's D1 columns read.
    masthead: { ...storageOptions(dirs.state), ...mastheadWorker(bundle, dirs.state), bindings: { ...config.vars, D1_METER: "on" }, unsafeDirectSockets: ownPort },
    "masthead-nocache": {
      ...storageOptions(dirs.copy),
      ...mastheadWorker(bundle, dirs.copy),
      name: "masthead-nocache",
      bindings: { ...config.vars, D1_METER: "on", EDGE_CACHE: "off" },
      // Nothing it serves queues anything; the queues' consumer is the caching Worker's process.
      queueConsumers: {},
      unsafeDirectSockets: ownPort,
    },
  };
}

/** Headers a server adds on the wire (or Miniflare on its own), not the app. */
const TRANSPORT = /^(date|content-length|transfer-encoding|connection|keep-alive|cf-cache-status|mf-.*)$/i;

/**
 * What the app answers for `path`, as `served` says (X-Cache): the bytes and headers of a page, for the page
 * floors. Asked again until so served: a miss stores its copy after answering.
 */
async function pageOf(origin: string, path: string, served: "HIT" | "BYPASS"): Promise<{ page: { PAGE: string; HEADERS: string }; headers: number }> {
  for (let tries = 0; tries < 50; tries++) {
    const res = await fetch(new URL(path, origin));
    const page = await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}, not a page to copy`);
    const headers = [...res.headers].filter(([name]) => !TRANSPORT.test(name));
    if (res.headers.get("X-Cache") === served) return { page: { PAGE: page, HEADERS: JSON.stringify(headers) }, headers: headers.length };
  }
  throw new Error(`${path} was never served ${served}`);
}

/**
 * Starts every Worker in a workerd of its own, and finds each one's process by the socket it listens on:
 * the apps and bare floors first, then the page floors with a copy of what the apps answer for `pagePath`.
 */
export async function serve(bundle: string, state: string, pagePath: string): Promise<Servers> {
  // Beside the state, on its file system: a copy of a 2 GB database is a few seconds there.
  const scratch = mkdtempSync(join(dirname(dirname(state)), "run-"));
  const dirs = { state, copy: join(scratch, "copy"), empty: join(scratch, "empty") };
  copyD1(state, dirs.copy);
  const empty = storageOptions(dirs.empty);
  const started: Miniflare[] = [];
  const served = new Map<WorkerName, Served>();
  const dispose = async () => {
    await Promise.all(started.map((mf) => mf.dispose()));
    rmSync(scratch, { recursive: true, force: true });
  };
  const start = async (options: Options & { name: WorkerName }) => {
    const mf = new Miniflare(options);
    started.push(mf);
    const origin = (await mf.unsafeGetDirectURL(options.name)).origin;
    served.set(options.name, { origin, pid: processListeningOn(Number(new URL(origin).port)) });
    return origin;
  };
  try {
    const apps = appOptions(bundle, dirs);
    const [cached, uncached] = await Promise.all([
      start({ ...apps.masthead, name: "masthead" }),
      start({ ...apps["masthead-nocache"], name: "masthead-nocache" }),
      start(script("baseline", BASELINE_WORKER)),
      start(script("d1-floor", D1_FLOOR_WORKER, { d1Databases: empty.d1Databases, d1Persist: empty.d1Persist })),
      start(script("cache-floor", CACHE_FLOOR_WORKER)),
    ]);
    const [hit, miss] = await Promise.all([pageOf(cached, pagePath, "HIT"), pageOf(uncached, pagePath, "BYPASS")]);
    await Promise.all([
      start(script("d1-floor-page", D1_PAGE_FLOOR_WORKER, { d1Databases: empty.d1Databases, d1Persist: join(scratch, "empty-page"), bindings: miss.page })),
      start(script("cache-floor-page", CACHE_PAGE_FLOOR_WORKER, { bindings: hit.page })),
    ]);
    const pids = new Set([...served.values()].map((s) => s.pid));
    if (pids.size !== WORKERS.length) throw new Error(`the Workers do not each have a process of their own (${[...pids].join(", ")})`);
    const of = (name: WorkerName): Served => {
      const s = served.get(name);
      if (!s) throw new Error(`${name} is not served`);
      return s;
    };
    return { of, pageHeaders: { hit: hit.headers, miss: miss.headers }, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

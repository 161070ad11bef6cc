// The Worker as `wrangler deploy` bundles it, run in Miniflare against a local state directory:
// what the benchmark measures and the HTML check validates, with no wrangler dev proxy in between.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAILED_PING_QUEUE, PING_QUEUE } from "../../src/websub/consumer.ts";
import { PURGE_QUEUE } from "../../src/cache/purge-queue.ts";
import { ROOT, storageOptions, wranglerBin, wranglerConfig } from "./local-env.ts";

/** Bundles src/ exactly as a deploy would and returns the directory holding index.js. */
export function bundleWorker(): string {
  const outdir = mkdtempSync(join(tmpdir(), "masthead-bundle-"));
  execFileSync(process.execPath, [wranglerBin(), "deploy", "--dry-run", "--outdir", outdir], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return outdir;
}

/**
 * wrangler.toml's run_worker_first rules as the assets router takes them (as wrangler itself splits them):
 * `/path` runs the Worker, `!/path` goes to the assets only.
 */
function staticRouting(rules: readonly string[]) {
  return {
    user_worker: rules.filter((r) => r.startsWith("/")),
    asset_worker: rules.filter((r) => r.startsWith("!/")).map((r) => r.slice(1)),
  };
}

/**
 * Miniflare worker options for the bundled Worker with the project's bindings over `state`, its WebSub queue
 * and the consumers of it and of its dead letters (in memory: queued pings do not outlive the run), and the
 * desk's scripts from Workers Static Assets routed as wrangler.toml says (the bundle's build made them).
 */
export function mastheadWorker(bundle: string, state: string) {
  const config = wranglerConfig();
  const storage = storageOptions(state);
  return {
    name: "masthead",
    scriptPath: join(bundle, "index.js"),
    modules: true,
    modulesRoot: bundle,
    compatibilityDate: config.compatibilityDate,
    compatibilityFlags: config.compatibilityFlags,
    bindings: config.vars,
    d1Databases: storage.d1Databases,
    r2Buckets: storage.r2Buckets,
    assets: {
      directory: join(ROOT, config.assets.directory),
      binding: config.assets.binding,
      routerConfig: { has_user_worker: true, static_routing: staticRouting(config.assets.runWorkerFirst) },
    },
    queueProducers: { WEBSUB_PINGS: PING_QUEUE, PURGES: PURGE_QUEUE },
    // The checks and the benchmark are one client asking hundreds of pages a second, all cache misses at first:
    // the limits wrangler.toml sets for one address would refuse them, so here they are out of reach.
    ratelimits: {
      READER_MISSES: { namespace_id: "7001", simple: { limit: 1_000_000_000, period: 60 as const } },
      AUTHENTICATIONS: { namespace_id: "7002", simple: { limit: 1_000_000_000, period: 60 as const } },
    },
    queueConsumers: {
      [PURGE_QUEUE]: { maxBatchSize: 100, maxBatchTimeout: 5, maxRetries: 20 },
      [PING_QUEUE]: { maxBatchSize: 10, maxBatchTimeout: 1, maxRetries: 10, deadLetterQueue: FAILED_PING_QUEUE },
      [FAILED_PING_QUEUE]: { maxBatchSize: 10, maxBatchTimeout: 5, maxRetries: 10 },
    },
  };
}

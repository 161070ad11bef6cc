// The local D1 and R2 that `wrangler dev` serves, opened from Node through Miniflare: same database id,
// same bucket, same files under the state directory (`.wrangler/state/v3` unless told otherwise).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { Miniflare } from "miniflare";
import { GATEWAY_WORKER, type GatewayAnswer, GatewayD1 } from "./gateway-d1.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DEFAULT_STATE = join(ROOT, ".wrangler/state/v3");

/** A state directory as given: wrangler's `v3` directory itself, or the --persist-to directory above it. */
export const resolveState = (dir: string) => (basename(resolve(dir)) === "v3" ? resolve(dir) : join(resolve(dir), "v3"));

/** What the scripts need from wrangler.toml, read from it so the two never disagree. */
export function wranglerConfig() {
  const toml = readFileSync(join(ROOT, "wrangler.toml"), "utf8");
  const value = (key: string, within = toml) => {
    const m = new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, "m").exec(within);
    if (!m?.[1]) throw new Error(`wrangler.toml: no ${key}`);
    return m[1];
  };
  const vars: Record<string, string> = {};
  const varsBlock = /^\[vars\]\n([\s\S]*?)(?=^\[)/m.exec(toml)?.[1] ?? "";
  for (const m of varsBlock.matchAll(/^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"([^"]*)"/gm)) if (m[1]) vars[m[1]] = m[2] ?? "";
  const flags = /^\s*compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? "";
  const assetsBlock = /^\[assets\]\n([\s\S]*?)(?=^\[)/m.exec(toml)?.[1] ?? "";
  const runWorkerFirst = /^\s*run_worker_first\s*=\s*\[([^\]]*)\]/m.exec(assetsBlock)?.[1] ?? "";
  return {
    compatibilityDate: value("compatibility_date"),
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string),
    databaseId: value("database_id"),
    bucketName: value("bucket_name"),
    vars,
    /** [assets]: the desk's built scripts, and which paths go to them rather than to the Worker. */
    assets: {
      directory: value("directory", assetsBlock),
      binding: value("binding", assetsBlock),
      runWorkerFirst: [...runWorkerFirst.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string),
    },
  };
}

/** Miniflare options that give a Worker the project's D1 and R2, persisted under `state`. */
export function storageOptions(state: string) {
  const config = wranglerConfig();
  return {
    d1Databases: { DB: config.databaseId },
    r2Buckets: { MEDIA: config.bucketName },
    d1Persist: join(state, "d1"),
    r2Persist: join(state, "r2"),
  };
}

export const wranglerBin = () =>
  join(dirname(createRequire(join(ROOT, "package.json")).resolve("wrangler/package.json")), "bin/wrangler.js");

/**
 * Applies pending migrations with wrangler itself, so its bookkeeping table stays the one it expects, and
 * returns the names of those it applied. wrangler's --persist-to is the directory above `v3`.
 */
export function applyMigrations(state: string): string[] {
  const out = execFileSync(
    process.execPath,
    [wranglerBin(), "d1", "migrations", "apply", "DB", "--local", "--persist-to", dirname(state)],
    // stdin is not a terminal, so wrangler applies without asking (in a terminal it would stop and ask).
    { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const applied = out.split("\n").filter((line) => line.includes("✅"));
  return [...new Set(applied.flatMap((line) => /(\S+\.sql)/.exec(line)?.[1] ?? []))];
}

export type LocalEnv = { db: D1Database; bucket: R2Bucket; dispose: () => Promise<void> };

export async function openLocalEnv(state: string): Promise<LocalEnv> {
  const mf = new Miniflare({
    modules: true,
    script: GATEWAY_WORKER,
    compatibilityDate: wranglerConfig().compatibilityDate,
    ...storageOptions(state),
  });
  const db = new GatewayD1(async (body) => {
    const res = await mf.dispatchFetch("http://gateway.local/", { method: "POST", body });
    return (await res.json()) as GatewayAnswer;
  });
  // Miniflare's binding types are its own copies of the Workers ones; the object is the real R2 binding.
  const bucket = (await mf.getR2Bucket("MEDIA")) as unknown as R2Bucket;
  return { db, bucket, dispose: () => mf.dispose() };
}

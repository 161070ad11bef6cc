// The local D1 and R2 that `wrangler dev` serves, opened from Node through Miniflare: same database id,
// same bucket, same files under the state directory (`.wrangler/state/v3` unless told otherwise).
import { readFileSync, readdirSync } from "node:fs";
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
    /** [[d1_databases]] migrations_dir: what wrangler's migrations commands and the tools apply. */
    migrationsDir: value("migrations_dir"),
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

// wrangler's own bookkeeping table, as `wrangler d1 migrations apply` creates it: what one applies, the other
// knows is applied (scripts/checks/staff-cli.ts asks wrangler after migrating here). wrangler.toml names no
// migrations_table, so it is wrangler's default.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "d1_migrations"(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`;

/**
 * Applies the migrations `db` has not had, each in one batch with its row in d1_migrations, and returns their
 * names. In this process, through the Miniflare already open: `wrangler d1 migrations apply --local` starts a
 * runtime per migration (14 s for a fresh state). Statements are split by wrangler's own splitter, the one its
 * migrations command and the tests' readD1Migrations use, loaded only when something is to be applied.
 */
export async function applyMigrations(db: D1Database): Promise<string[]> {
  await db.prepare(MIGRATIONS_TABLE).run();
  const applied = new Set((await db.prepare('SELECT name FROM "d1_migrations"').all<{ name: string }>()).results.map((r) => r.name));
  const dir = join(ROOT, wranglerConfig().migrationsDir);
  const pending = readdirSync(dir).filter((name) => name.endsWith(".sql") && !applied.has(name)).sort();
  if (pending.length === 0) return [];
  const { unstable_splitSqlQuery: split } = await import("wrangler");
  for (const name of pending) {
    const statements = split(readFileSync(join(dir, name), "utf8")).map((sql) => db.prepare(sql));
    await db.batch([...statements, db.prepare('INSERT INTO "d1_migrations" (name) VALUES (?)').bind(name)]);
  }
  return pending;
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

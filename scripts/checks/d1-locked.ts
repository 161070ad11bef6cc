// Checks what readers get while the local database file is locked — a real SQLITE_BUSY, not a stand-in: the
// Worker as deploy bundles it, in Miniflare, over a fresh migrated state, while a second SQLite connection
// (node:sqlite, as `sqlite3` or a DB browser on .wrangler/state would) holds an exclusive lock on D1's file.
// Every uncached request must be a 503 with Retry-After and the site's error page, never a 500; once the lock
// is released the same requests succeed. (Each documented D1 error, through a stand-in: test/d1-errors.test.ts.)
//
//   node scripts/checks/d1-locked.ts
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { storageOptions } from "../bindings/local-env.ts";
import { mastheadWorker } from "../bindings/worker.ts";
import { theBundle } from "./prepared.ts";
import { seed } from "../seed.ts";

const ORIGIN = "http://localhost";
const log = (message: string) => console.log(`check-d1-locked: ${message}`);

// Reader URLs that each read D1 on a miss, and answer 200 on a site with nothing in it: home, a listing in JSON,
// the sections, a search.
const PATHS = ["/", "/api/v1/articles", "/api/v1/sections", "/search?q=%E5%B2%9A%E6%B1%9F"];

/** The SQLite file Miniflare keeps the project's D1 in (beside its own metadata database). */
function databaseFile(state: string): string {
  const dir = join(state, "d1", "miniflare-D1DatabaseObject");
  const files = readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (files.length !== 1) throw new Error(`expected one D1 database in ${dir}, found ${files.join(", ") || "none"}`);
  return join(dir, files[0] as string);
}

/** What the runtime prints (a stack for every locked read, by design), kept to show only when the check fails. */
function collectOutput(into: string[]) {
  return (stdout: Readable, stderr: Readable) => {
    for (const stream of [stdout, stderr]) stream.on("data", (chunk: Buffer) => into.push(chunk.toString()));
  };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), "masthead-locked-"));
  const state = join(work, "v3");
  let mf: Miniflare | null = null;
  const problems: string[] = [];
  const output: string[] = [];
  try {
    await seed({ state, demo: false, articles: 0, reset: false, seed: 1 });
    mf = new Miniflare({ ...storageOptions(state), handleRuntimeStdio: collectOutput(output), workers: [mastheadWorker(theBundle(), state)] });
    const worker = mf;
    // Miniflare has opened the file once it has answered (and, in waitUntil, registered the copy it cached).
    await (await worker.dispatchFetch(`${ORIGIN}/robots.txt`)).arrayBuffer();
    const holder = new DatabaseSync(databaseFile(state));
    // SQLite's busy handler lets a write still in flight in the Worker finish before the lock is taken.
    holder.exec("PRAGMA busy_timeout = 10000");
    holder.exec("BEGIN EXCLUSIVE");
    log("a second connection holds an exclusive lock on the database file");
    try {
      for (const path of PATHS) {
        const res = await worker.dispatchFetch(`${ORIGIN}${path}`, { headers: { Accept: "text/html" } });
        const body = await res.text();
        const retryAfter = Number(res.headers.get("Retry-After"));
        if (res.status !== 503) problems.push(`${path} answered ${res.status} while the file was locked, not 503`);
        else if (!(retryAfter > 0)) problems.push(`${path}: a 503 without Retry-After`);
        else if (!path.startsWith("/api/") && !body.includes("数据库暂时不可用")) problems.push(`${path}: the 503 is not the site's error page`);
        else log(`${path}: 503, Retry-After: ${retryAfter}`);
      }
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    for (const path of PATHS) {
      const res = await worker.dispatchFetch(`${ORIGIN}${path}`);
      await res.arrayBuffer();
      if (res.status !== 200) problems.push(`${path} answered ${res.status} once the lock was released`);
    }
  } finally {
    await mf?.dispose();
    rmSync(work, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(output.join(""));
    console.error(problems.join("\n"));
    process.exitCode = 1;
    log(`${problems.length} problem(s)`);
    return;
  }
  log(`${PATHS.length} URLs: 503 with Retry-After while the file was locked, 200 after`);
}

await main();

// Tests run inside workerd with the Worker's real bindings: local D1 (migrated in test/setup.ts) and R2.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { standInHub } from "./test/stand-in-hub.ts";
import { standInImages } from "./test/stand-in-images.ts";
import { ACCESS_TEAM, accessKeys, standInAccess } from "./test/stand-in-access.ts";
import { buildClient } from "./scripts/build-client.ts";

/** Every file under `dir`, by its path relative to it, as base64: the importer's fixtures (dumps, uploads) as bytes. */
function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = readFileSync(path).toString("base64");
  }
  return out;
}

export default defineConfig(async () => {
  // The desk's scripts first: the Worker bundles their manifest, and wrangler.toml's [assets] serves them.
  await buildClient();
  const migrations = await readD1Migrations("./migrations");
  const keys = accessKeys();
  const access = standInAccess(keys);
  const hub = standInHub();
  const images = standInImages();
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.toml" },
              // D1_METER on: tests hold writes to their round-trip budget by the meter's count. EDGE_CACHE: nothing
              // local provides Workers Cache, so the Cache API stands in, as it would unasked (without the warning).
              // outboundService: the Worker's outbound fetches go to stand-ins, not the network: WebSub pings to a
              // hub, Cloudflare Access's key set to an Access team whose private keys the tests get (TEST_ACCESS).
              // TEST_IMPORT_FIXTURES: workerd has no file system, so the import tests get their dumps and uploads here.
              // SITE_URL: the tests ask http://localhost, and a local site's links name the origin serving it.
              // ratelimits: the pool provides the Rate Limiting binding (an exact count per wall-clock window), but
              // every test file sends its misses from one address, so the Worker's two limits are out of reach here;
              // the limits' decisions are tested with stand-ins, and TEST_LIMIT (3 a minute) shows the pool's own.
              miniflare: {
                // A second database for the migration tests, which build an older schema and migrate it.
                d1Databases: ["MIGRATION_DB"],
                ratelimits: {
                  READER_MISSES: { namespace_id: "7001", simple: { limit: 1_000_000, period: 60 } },
                  AUTHENTICATIONS: { namespace_id: "7002", simple: { limit: 1_000_000, period: 60 } },
                  TEST_LIMIT: { namespace_id: "7999", simple: { limit: 3, period: 60 } },
                },
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  SITE_URL: "http://localhost",
                  // The API fuzzer's size and seed: `npm run check:api` runs it longer, from another seed.
                  FUZZ_SCALE: process.env.FUZZ_SCALE ?? "1",
                  FUZZ_SEED: process.env.FUZZ_SEED ?? "20261202",
                  D1_METER: "on",
                  EDGE_CACHE: "cache-api",
                  TEST_IMPORT_FIXTURES: { dumps: filesUnder("test/fixtures/dumps"), uploads: filesUnder("test/fixtures/uploads") },
                  TEST_ACCESS: { team: ACCESS_TEAM, keys: keys.map(({ kid, privateJwk }) => ({ kid, privateJwk: JSON.stringify(privateJwk) })) },
                  // The secrets of a developer's .dev.vars (which the plugin reads, as wrangler dev does; `npm run dev`
                  // writes a PREVIEW_SECRET there) are not the tests': empty is unset. Tests that need one pass their own.
                  PREVIEW_SECRET: "",
                  CF_API_TOKEN: "",
                },
                outboundService: (request: Request) => access(request) ?? images(request) ?? hub(request),
              },
            }),
          ],
          test: {
            name: "workers",
            include: ["test/*.test.ts"],
            setupFiles: ["./test/setup.ts"],
            isolate: false,
            // A safety net, not a measure: a test that hangs fails, and a busy 2-core machine does not fail a slow one.
            testTimeout: 30_000,
            // CommonJS dependencies the pool cannot load as they are (sanitize-html reaches postcss).
            deps: { optimizer: { ssr: { enabled: true, include: ["sanitize-html", "markdown-it"] } } },
          },
        },
        {
          // The desk in Debian's Chromium (playwright-core), against the Worker as deployed, in Miniflare: Node.
          test: {
            name: "browser",
            include: ["test/browser/*.test.ts"],
            environment: "node",
            globalSetup: ["./test/browser/global-setup.ts"],
            // One browser and one Worker for the whole project (test/browser/harness.ts), so one file at a time.
            fileParallelism: false,
            // A safety net, as for the workers project: a page of axe-core runs on a busy 2-core machine take a while.
            testTimeout: 180_000,
            hookTimeout: 180_000,
          },
        },
      ],
    },
  };
});

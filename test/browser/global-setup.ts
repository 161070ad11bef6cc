// Once for all browser tests: a fresh copy of the demo newsroom, the Worker as `wrangler deploy` bundles it
// (its [build] makes the desk's scripts) running in Miniflare with its static assets routed as wrangler.toml
// says and its outbound fetches answered by a stand-in web (outbound.ts), on http://localhost (a secure
// context, and a valid WebAuthn RP ID, which 127.0.0.1 is not), and one Debian Chromium the test files
// connect to. Without /usr/bin/chromium the browser tests are skipped.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { generateKey } from "../../src/auth/keys.ts";
import { createApiKey } from "../../src/db/keys.ts";
import { openLocalEnv, storageOptions, wranglerConfig } from "../../scripts/bindings/local-env.ts";
import { mastheadWorker } from "../../scripts/bindings/worker.ts";
import { freshDemo, theBundle } from "../../scripts/checks/prepared.ts";
import { CHROMIUM, CHROMIUM_ARGS, type DeskUnderTest } from "./harness.ts";
import { outbound } from "./outbound.ts";

declare module "vitest" {
  export interface ProvidedContext {
    desk: DeskUnderTest | null;
  }
}

/** A loopback port nobody is using now: the Worker's origin must be known before it starts (SITE_URL). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** An admin API key made through the app's own write path, for setting things up as a client would. */
async function adminKey(state: string): Promise<string> {
  const env = await openLocalEnv(state);
  try {
    return (await createApiKey(env.db, { name: "browser tests", role: "admin" }, await generateKey())).secret;
  } finally {
    await env.dispose();
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    console.warn(`browser tests skipped: no ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`);
    project.provide("desk", null);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "masthead-desk-"));
  const state = join(work, "v3");
  await freshDemo(state);
  const key = await adminKey(state);
  const bundle = theBundle();
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const worker = mastheadWorker(bundle, state);
  const mf = new Miniflare({
    ...storageOptions(state),
    host: "127.0.0.1",
    port,
    workers: [{ ...worker, bindings: { ...wranglerConfig().vars, SITE_URL: origin }, outboundService: outbound }],
  });
  await mf.ready;
  const browser = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  project.provide("desk", { origin, wsEndpoint: browser.wsEndpoint(), adminKey: key });
  return async () => {
    await browser.close();
    await mf.dispose();
    rmSync(work, { recursive: true, force: true });
  };
}

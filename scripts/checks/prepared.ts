// What several checks and the desk's browser tests start from: the Worker as `wrangler deploy` bundles it, and
// the demo as `npm run dev` first serves it. `npm test` (scripts/test.ts) makes each once and names them in the
// environment; a check run alone makes its own.
import { cpSync } from "node:fs";
import { bundleWorker } from "../bindings/worker.ts";
import { seed } from "../seed.ts";

/** A directory holding the bundled Worker (index.js), made by scripts/test.ts. */
export const BUNDLE_VAR = "MASTHEAD_TEST_BUNDLE";
/** A state (v3) directory holding a freshly seeded demo, made by scripts/test.ts: copied, never served itself. */
export const DEMO_VAR = "MASTHEAD_TEST_DEMO";

/** The bundled Worker: the one this run of `npm test` made, or a new one. */
export const theBundle = (): string => process.env[BUNDLE_VAR] || bundleWorker();

/** The demo site, as a fresh clone's first `npm run dev` seeds it, in the state directory `state` (a v3 directory). */
export async function freshDemo(state: string): Promise<void> {
  const made = process.env[DEMO_VAR];
  if (made) cpSync(made, state, { recursive: true });
  else await seed({ state, demo: true, articles: 0, reset: false, seed: 1 });
}

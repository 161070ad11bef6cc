// Purging after a change: once the change has committed, in waitUntil (never in the editor's way), with a
// bounded retry. A purge that still fails is handed on (to the purge queue, which merges and retries it:
// purge-queue.ts); the write stands whatever happens.
import type { EdgeCache, PurgeResult } from "./backend.ts";

export type PurgePlan = { backend: EdgeCache["name"]; tags: string[] | "everything" };

const ATTEMPTS = 3;
const BACKOFF_MS = [0, 250, 1000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function purgeWithRetry(cache: EdgeCache, tags: readonly string[] | "everything"): Promise<PurgeResult | null> {
  let last: unknown = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await sleep(BACKOFF_MS[attempt] ?? 1000);
    try {
      const result = await cache.purge(tags);
      if (result.success) return result;
      last = result.errors;
    } catch (err) {
      last = err;
    }
  }
  console.warn(`edge cache: purge of ${tags === "everything" ? "everything" : tags.join(",")} failed ${ATTEMPTS} times`, last);
  return null;
}

/** Starts the purge of `tags` after the response and says what it will purge; `giveUp` takes what still failed. */
export function schedulePurge(
  cache: EdgeCache,
  tags: readonly string[] | "everything",
  waitUntil: (promise: Promise<unknown>) => void,
  giveUp: (tags: readonly string[] | "everything") => Promise<void> = async () => {},
): PurgePlan {
  if (tags !== "everything" && tags.length === 0) return { backend: cache.name, tags: [] };
  // Resolves to whether the purge landed now (false: it was handed on to `giveUp`).
  waitUntil(purgeWithRetry(cache, tags).then(async (result) => result !== null || giveUp(tags).then(() => false)));
  return { backend: cache.name, tags: tags === "everything" ? "everything" : [...tags] };
}

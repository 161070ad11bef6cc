// Purges Cloudflare refuses (tag purges are rate-limited) are not lost: after the quick retries they go to the
// purge queue, whose consumer merges every purge waiting into one and retries it with backoff until it lands.
import { describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index.ts";
import { MAX_MERGED_TAGS, PURGE_QUEUE, type PurgeMessage, enqueuePurge } from "../src/cache/purge-queue.ts";
import { PURGE_QUEUED_DELAY_SECONDS } from "../src/websub/pings.ts";
import { makeArticles, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

const ORIGIN = "http://localhost";

type PurgeCall = { tags?: string[]; purgeEverything?: boolean };

/** A stand-in ctx.cache (nothing local provides Workers Cache) that refuses its first `refusals` purges, as a rate limit does. */
function workersCache(refusals = 0) {
  const calls: PurgeCall[] = [];
  return {
    calls,
    cache: {
      purge: async (options: PurgeCall) => {
        calls.push(options);
        return calls.length <= refusals
          ? { success: false, errors: [{ code: 429, message: "Too many purge requests" }] }
          : { success: true, errors: [] };
      },
      invalidate: async () => ({ success: true, errors: [] }),
    },
  };
}

/** A queue binding that keeps what it is sent (bodies, and each message's delay). */
function recordingQueue() {
  const sent: unknown[] = [];
  const delays: (number | undefined)[] = [];
  const queue = {
    send: async (body: unknown, options?: QueueSendOptions) => {
      sent.push(body);
      delays.push(options?.delaySeconds);
    },
    sendBatch: async (messages: MessageSendRequest[]) => {
      sent.push(...messages.map((m) => m.body));
      delays.push(...messages.map((m) => m.delaySeconds));
    },
  };
  return { sent, delays, queue: queue as unknown as Queue };
}

const message = (body: unknown, attempts = 1) => ({ id: crypto.randomUUID(), timestamp: new Date(), attempts, body });

/** Runs the queue handler on `messages` with Workers Cache; the pool's result leaves out each retry's delay, so it is noted here. */
async function consume(messages: ReturnType<typeof message>[], cache: object) {
  const batch = createMessageBatch(PURGE_QUEUE, messages);
  const delays: (number | undefined)[] = [];
  for (const msg of batch.messages) {
    const retry = msg.retry.bind(msg);
    vi.spyOn(msg, "retry").mockImplementation((options?: QueueRetryOptions) => {
      delays.push(options?.delaySeconds);
      retry(options);
    });
  }
  const ctx = Object.assign(createExecutionContext(), { cache });
  await worker.queue(batch, { ...env, EDGE_CACHE: "workers" }, ctx);
  return { ...(await getQueueResult(batch, ctx)), delays };
}

describe("a purge Cloudflare refuses", () => {
  it("is queued, with its tags, once the quick retries have failed; the write stands", async () => {
    const section = uniqueSlug("rl");
    const [article] = await makeArticles(section, 1);
    const editor = await makeKey("editor");
    const limited = workersCache(Infinity);
    const purges = recordingQueue();
    const pings = recordingQueue();
    const ctx = Object.assign(createExecutionContext(), { cache: limited.cache });
    const res = await worker.fetch(
      new Request(`${ORIGIN}/api/v1/admin/articles/${article?.id}/unpublish`, { method: "POST", headers: editor.headers }),
      { ...env, EDGE_CACHE: "workers", PURGES: purges.queue, WEBSUB_HUB: "http://hub.test/limited/", WEBSUB_PINGS: pings.queue },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    const { purge } = (await res.json()) as { purge: { tags: string[] } };
    expect(limited.calls).toHaveLength(3);
    expect(purges.sent).toEqual([{ tags: purge.tags }]);
    expect(purge.tags).toEqual(expect.arrayContaining([`a:${article?.id}`, `l:${section}`, "l:"]));
    // The hub is told a minute later, once the queued purge has had its chance: not straight into the old copy.
    expect(pings.sent.length).toBeGreaterThan(0);
    expect(new Set(pings.delays)).toEqual(new Set([PURGE_QUEUED_DELAY_SECONDS]));
  });

  it("is not queued when it succeeds, and the hub is told at once", async () => {
    const section = uniqueSlug("ok");
    const [article] = await makeArticles(section, 1);
    const editor = await makeKey("editor");
    const purges = recordingQueue();
    const pings = recordingQueue();
    const ok = workersCache();
    const ctx = Object.assign(createExecutionContext(), { cache: ok.cache });
    await worker.fetch(
      new Request(`${ORIGIN}/api/v1/admin/articles/${article?.id}/unpublish`, { method: "POST", headers: editor.headers }),
      { ...env, EDGE_CACHE: "workers", PURGES: purges.queue, WEBSUB_HUB: "http://hub.test/ok/", WEBSUB_PINGS: pings.queue },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(ok.calls).toHaveLength(1);
    expect(purges.sent).toEqual([]);
    expect(pings.sent.length).toBeGreaterThan(0);
    expect(new Set(pings.delays)).toEqual(new Set([undefined]));
  });

  it("from the admin purge endpoint is queued too", async () => {
    const admin = await makeKey("admin");
    const purges = recordingQueue();
    const ctx = Object.assign(createExecutionContext(), { cache: workersCache(Infinity).cache });
    const res = await worker.fetch(
      new Request(`${ORIGIN}/api/v1/admin/cache/purge`, {
        method: "POST",
        headers: { ...admin.headers, "Content-Type": "application/json" },
        body: JSON.stringify({ everything: true }),
      }),
      { ...env, EDGE_CACHE: "workers", PURGES: purges.queue },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(202);
    expect(purges.sent).toEqual([{ everything: true }]);
  });

  it("splits a purge of more tags than a message holds", async () => {
    const purges = recordingQueue();
    const tags = Array.from({ length: 2500 }, (_, i) => `a:${i}`);
    await enqueuePurge(purges.queue as Queue<PurgeMessage>, tags);
    expect((purges.sent as { tags: string[] }[]).map((m) => m.tags.length)).toEqual([1000, 1000, 500]);
  });
});

describe("the purge queue's consumer", () => {
  it("merges every purge waiting into one call and acknowledges them all when it lands", async () => {
    const ok = workersCache();
    const messages = [message({ tags: ["a:1", "l:xw"] }), message({ tags: ["a:2", "L:XW"] }), message({ tags: ["l:"] })];
    const result = await consume(messages, ok.cache);
    expect(ok.calls).toHaveLength(1);
    expect(new Set(ok.calls[0]?.tags)).toEqual(new Set(["a:1", "a:2", "l:xw", "l:"]));
    expect(new Set(result.explicitAcks)).toEqual(new Set(messages.map((m) => m.id)));
    expect(result.retryMessages).toEqual([]);
  });

  it("retries every message, later each time, while Cloudflare still refuses, then lands", async () => {
    const limited = workersCache(2);
    const messages = [message({ tags: ["a:1"] }), message({ tags: ["a:2"] })];
    const first = await consume(messages, limited.cache);
    expect(first.explicitAcks).toEqual([]);
    expect(new Set(first.retryMessages.map((r) => r.msgId))).toEqual(new Set(messages.map((m) => m.id)));
    expect(first.delays).toEqual([15, 15]);
    const second = await consume(messages.map((m) => ({ ...m, attempts: 3 })), limited.cache);
    expect(second.delays).toEqual([60, 60]);
    const third = await consume(messages.map((m) => ({ ...m, attempts: 4 })), limited.cache);
    expect(third.retryMessages).toEqual([]);
    expect(third.explicitAcks).toHaveLength(2);
    expect(limited.calls).toHaveLength(3);
  });

  it("purges everything when any message asks for it, or when the tags are too many to be worth naming", async () => {
    const ok = workersCache();
    await consume([message({ tags: ["a:1"] }), message({ everything: true })], ok.cache);
    const many = Array.from({ length: MAX_MERGED_TAGS + 1 }, (_, i) => `a:${i}`);
    await consume([message({ tags: many.slice(0, 300) }), message({ tags: many.slice(300) })], ok.cache);
    expect(ok.calls).toEqual([{ purgeEverything: true }, { purgeEverything: true }]);
  });

  it("drops a message that is no purge, and purges the rest", async () => {
    const ok = workersCache();
    const junk = [message("not a purge"), message({ tags: [] }), message({ tags: ["a:1"], extra: 1 }), message({ tags: ["x".repeat(1025)] })];
    const good = message({ tags: ["a:9"] });
    const result = await consume([...junk, good], ok.cache);
    expect(ok.calls).toEqual([{ tags: ["a:9"] }]);
    expect(new Set(result.explicitAcks)).toEqual(new Set([...junk, good].map((m) => m.id)));
  });
});

describe("through the local queue", () => {
  it("a queued purge reaches the cached page", async () => {
    const section = uniqueSlug("q");
    await makeArticles(section, 1);
    const path = `${ORIGIN}/html/${section}/`;
    await settledFetch(path);
    expect((await settledFetch(path)).headers.get("X-Cache")).toBe("HIT");
    await enqueuePurge(env.PURGES as Queue<PurgeMessage>, [`l:${section}`]);
    // The queue delivers in its own time (its batch timeout is 5 s).
    let served: string | null = "HIT";
    for (let i = 0; i < 150 && served === "HIT"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      served = (await settledFetch(path)).headers.get("X-Cache");
    }
    expect(served).toBe("MISS");
  }, 30_000);
});

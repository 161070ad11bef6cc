// WebSub: feeds name the configured hub (and no hub when none is), every change pings the hub once for each
// feed it altered and for no other, through the queue, and a hub that fails is retried with backoff until
// the pings are delivered or end up where an operator can see them. The hub is a stand-in (test/stand-in-hub.ts).
import { describe, expect, it, vi } from "vitest";
import { env } from "cloudflare:workers";
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from "feedsmith";
import worker from "../src/index.ts";
import { listWebsubFailures } from "../src/db/websub-failures.ts";
import { FAILED_PING_QUEUE, PING_QUEUE } from "../src/websub/consumer.ts";
import { makeArticle, makeArticles, uniqueSlug } from "./fixtures.ts";
import { type TestKey, makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

const ORIGIN = "http://localhost";
const SITE = env.SITE_URL;

/** A hub of this test's own at the stand-in, with the behaviour its path names. */
const hubFor = (behaviour = "") => `http://hub.test/${crypto.randomUUID()}/${behaviour ? `${behaviour}/` : ""}`;

type Received = { mode: string | null; url: string | null; status: number };
const received = async (hub: string): Promise<Received[]> => (await fetch(`${hub}received`)).json();

/** Polls the stand-in until it holds at least `count` pings (the queue delivers in its own time), then a little longer. */
async function receivedAtLeast(hub: string, count: number): Promise<Received[]> {
  for (let i = 0; i < 100; i++) {
    const got = await received(hub);
    if (got.length >= count) {
      // Past the queue's batch timeout: anything more would have arrived by now.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return received(hub);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return received(hub);
}

const feedsOf = (base: string) => ["rss.xml", "atom.xml", "feed.json"].map((f) => `${SITE}${base}/${f}`);

async function change(key: TestKey, hub: string, method: string, path: string, body?: unknown) {
  const res = await settledFetch(
    `${ORIGIN}/api/v1/admin/articles${path}`,
    {
      method,
      headers: { ...key.headers, ...(body !== undefined && { "Content-Type": "application/json" }), ...(method === "PATCH" && { "If-Match": "*" }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    },
    { WEBSUB_HUB: hub },
  );
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as { pings: { hub: string | null; feeds: string[] } };
}

describe("hub discovery", () => {
  it("names no hub, in no format and no header, when none is configured", async () => {
    const section = uniqueSlug("ws");
    await makeArticles(section, 1);
    for (const file of ["rss.xml", "atom.xml", "feed.json"]) {
      const res = await settledFetch(`${ORIGIN}/html/${section}/${file}`);
      expect(res.headers.get("Link")).toBeNull();
      expect(await res.text()).not.toMatch(/rel="hub"|"hubs"/);
    }
  });

  it("advertises the configured hub and the feed itself in every format and in Link headers", async () => {
    const hub = "https://pubsubhubbub.appspot.com/";
    const section = uniqueSlug("ws");
    await makeArticles(section, 1);
    const get = (file: string) => settledFetch(`${ORIGIN}/html/${section}/${file}`, {}, { WEBSUB_HUB: hub, EDGE_CACHE: "off" });
    const [rss, atom, json] = await Promise.all(["rss.xml", "atom.xml", "feed.json"].map(get));
    expect(rss?.headers.get("Link")).toBe(`<${hub}>; rel="hub", <${SITE}/html/${section}/rss.xml>; rel="self"`);
    expect(atom?.headers.get("Link")).toBe(`<${hub}>; rel="hub", <${SITE}/html/${section}/atom.xml>; rel="self"`);
    expect(parseRssFeed(await (rss as Response).text()).atom?.links).toEqual([
      { rel: "self", type: "application/rss+xml", href: `${SITE}/html/${section}/rss.xml` },
      { rel: "hub", href: hub },
    ]);
    expect(parseAtomFeed(await (atom as Response).text()).links).toContainEqual({ rel: "hub", href: hub });
    expect(parseJsonFeed(await (json as Response).json()).hubs).toEqual([{ type: "WebSub", url: hub }]);
  });
});

describe("pings", () => {
  it("tell the hub once for each feed a publish altered — its section's, each ancestor's, the site's — and for no other", async () => {
    const root = uniqueSlug("wp");
    const [target] = await makeArticles(`${root}/a`, 2);
    await makeArticles(`${root}/b`, 1);
    const hub = hubFor();
    const editor = await makeKey("editor");
    const { pings } = await change(editor, hub, "PATCH", `/${target?.id}`, { title: "推送的新标题" });
    const expected = [...feedsOf(""), ...feedsOf(`/html/${root}/a`), ...feedsOf(`/html/${root}`)];
    expect(pings.hub).toBe(hub);
    expect(new Set(pings.feeds)).toEqual(new Set(expected));
    expect(pings.feeds).toHaveLength(9);
    const got = await receivedAtLeast(hub, 9);
    expect(got.map((r) => r.url).sort()).toEqual([...expected].sort());
    expect(got.every((r) => r.mode === "publish" && r.status === 204)).toBe(true);
    expect(got.some((r) => r.url?.includes(`/html/${root}/b/`))).toBe(false);
  });

  it("after a move, tell both sections' feeds; a draft's edit tells none", async () => {
    const root = uniqueSlug("wm");
    const [moving] = await makeArticles(`${root}/a`, 1);
    await makeArticles(`${root}/b`, 1);
    const editor = await makeKey("editor");
    const moved = await change(editor, hubFor(), "PATCH", `/${moving?.id}`, { section: `${root}/b` });
    expect(new Set(moved.pings.feeds)).toEqual(new Set([...feedsOf(""), ...feedsOf(`/html/${root}`), ...feedsOf(`/html/${root}/a`), ...feedsOf(`/html/${root}/b`)]));
    await change(editor, hubFor(), "POST", `/${moving?.id}/unpublish`);
    const draftEdit = await change(editor, hubFor(), "PATCH", `/${moving?.id}`, { title: "草稿改标题" });
    expect(draftEdit.pings.feeds).toEqual([]);
  });

  it("follow the cron's scheduled publication exactly as an editor's publish", async () => {
    const section = uniqueSlug("wc");
    const when = Date.now() + 2_000;
    await makeArticle({ section, status: "scheduled", publish_at: when, title: "定时推送" });
    const hub = hubFor();
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: when + 500, cron: "* * * * *" }), { ...env, WEBSUB_HUB: hub }, ctx);
    await waitOnExecutionContext(ctx);
    const got = await receivedAtLeast(hub, 6);
    // Another test's article due at the same moment would be published by the same run: only ours are counted.
    const ours = got.map((r) => r.url ?? "").filter((url) => !url.includes("/html/") || url.includes(`/html/${section}/`));
    expect(ours.sort()).toEqual([...feedsOf(""), ...feedsOf(`/html/${section}`)].sort());
  });

  it("are not sent at all without a hub", async () => {
    const [a] = await makeArticles(uniqueSlug("wn"), 1);
    const editor = await makeKey("editor");
    const { pings } = await change(editor, "", "PATCH", `/${a?.id}`, { title: "无推送" });
    expect(pings).toEqual({ hub: null, feeds: [] });
  });
});

describe("the queue consumer", () => {
  const message = (hub: string, feed: string, attempts = 1) => ({ id: crypto.randomUUID(), timestamp: new Date(1_700_000_000_000), attempts, body: { hub, feed } });

  /** Runs the queue handler on `messages`; the pool's result leaves out each retry's delay, so it is noted here. */
  async function consume(queue: string, messages: ReturnType<typeof message>[]) {
    const batch = createMessageBatch(queue, messages);
    const delays: (number | undefined)[] = [];
    for (const msg of batch.messages) {
      const retry = msg.retry.bind(msg);
      vi.spyOn(msg, "retry").mockImplementation((options?: QueueRetryOptions) => {
        delays.push(options?.delaySeconds);
        retry(options);
      });
    }
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    return { ...(await getQueueResult(batch, ctx)), delays };
  }

  it("retries a ping the hub answered with a 5xx, later each time, and acknowledges it once delivered", async () => {
    const hub = hubFor("fail-2");
    const feed = `${SITE}/rss.xml`;
    const first = message(hub, feed, 1);
    const firstTry = await consume(PING_QUEUE, [first]);
    expect(firstTry.retryMessages).toEqual([{ msgId: first.id }]);
    expect(firstTry.delays).toEqual([30]);
    expect(firstTry.explicitAcks).toEqual([]);
    const secondTry = await consume(PING_QUEUE, [{ ...first, attempts: 2 }]);
    expect(secondTry.retryMessages).toEqual([{ msgId: first.id }]);
    expect(secondTry.delays).toEqual([60]);
    const third = await consume(PING_QUEUE, [{ ...first, attempts: 3 }]);
    expect(third.retryMessages).toEqual([]);
    expect(third.explicitAcks).toEqual([first.id]);
    expect((await received(hub)).map((r) => r.status)).toEqual([503, 503, 204]);
  });

  it("gives up at once on a hub's 4xx, recording it; and records what the dead-letter queue receives", async () => {
    const refusing = hubFor("refuse");
    const feed = `${SITE}/html/${uniqueSlug("wf")}/atom.xml`;
    const refused = message(refusing, feed, 1);
    const result = await consume(PING_QUEUE, [refused]);
    expect(result.explicitAcks).toEqual([refused.id]);
    expect(result.retryMessages).toEqual([]);
    const dead = message(hubFor("fail-99"), `${SITE}/html/${uniqueSlug("wf")}/rss.xml`, 11);
    const deadResult = await consume(FAILED_PING_QUEUE, [dead]);
    expect(deadResult.ackAll).toBe(true);
    const failures = await listWebsubFailures(env.DB, 1000);
    expect(failures.find((f) => f.feed === feed)).toEqual({
      hub: refusing, feed, attempts: 1, reason: "HTTP 400", enqueuedAt: 1_700_000_000_000, failedAt: expect.any(Number),
    });
    expect(failures.find((f) => f.feed === dead.body.feed)).toMatchObject({ hub: dead.body.hub, attempts: 11, reason: "retries exhausted" });
  });

  it("backs off from 30 seconds, doubling, to at most an hour", async () => {
    const { backoffSeconds } = await import("../src/websub/notify.ts");
    expect([1, 2, 3, 4, 7, 8, 12].map(backoffSeconds)).toEqual([30, 60, 120, 240, 1920, 3600, 3600]);
  });
});

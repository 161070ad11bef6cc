// Which feeds a change altered, and the pings that tell the hub: one queue message per feed, sent after the
// response (in waitUntil) and after the edge cache has been purged, so the hub fetching the feed gets the new one.
import * as v from "valibot";
import type { ChangeReport, CurationReport } from "../domain/change.ts";
import { FEED_FORMATS, feedUrl, topicFeedUrl } from "../content/urls.ts";

/** A queue message: tell `hub` that the feed at `feed` changed (WebSub §7: hub.mode=publish, hub.url=feed). */
export const Ping = v.object({ hub: v.pipe(v.string(), v.url()), feed: v.pipe(v.string(), v.url()) });
export type Ping = v.InferOutput<typeof Ping>;

export type PingPlan = { hub: string | null; feeds: string[] };

/** How long pings wait when the purge before them had to be queued: past the purge queue's first retries. */
export const PURGE_QUEUED_DELAY_SECONDS = 60;

/** Queues take at most 100 messages a send. */
const PER_SEND = 100;

/**
 * The absolute URL of every feed whose content the changes altered: for each changed listing (the sections a
 * report names, before and after a move) and the whole site's, and each topic a report names, all three
 * formats. Once each.
 */
export function feedsChangedBy(reports: readonly (ChangeReport | CurationReport)[], siteUrl: string): string[] {
  const listings = new Set<string>();
  const topics = new Set<string>();
  for (const r of reports) {
    if (!r.changed) continue;
    for (const slug of r.topics) topics.add(slug);
    if (!("sectionPaths" in r) || r.sectionPaths.length === 0) continue;
    listings.add("");
    for (const path of r.sectionPaths) listings.add(path);
  }
  return [
    ...[...listings].flatMap((path) => FEED_FORMATS.map((format) => `${siteUrl}${feedUrl(path, format)}`)),
    ...[...topics].flatMap((slug) => FEED_FORMATS.map((format) => `${siteUrl}${topicFeedUrl(slug, format)}`)),
  ];
}

/**
 * Enqueues one ping per feed once `after` (the purge) has settled — a minute later if it resolves to false,
 * the purge having been queued — and says what it will send. Without a hub,
 * nothing. The send is retried a few times; if the queue itself stays down the pings are logged and lost, and
 * subscribers see the change at their next poll.
 */
export function schedulePings(
  queue: Queue<Ping>,
  hub: string | null,
  feeds: string[],
  after: Promise<unknown>,
  waitUntil: (promise: Promise<unknown>) => void,
): PingPlan {
  if (!hub || feeds.length === 0) return { hub, feeds: [] };
  waitUntil(
    after.then(async (purged) => {
      // A purge refused now waits in the purge queue: the hub is told later, so it does not fetch the old copy.
      const delay = purged === false ? { delaySeconds: PURGE_QUEUED_DELAY_SECONDS } : {};
      const messages = feeds.map((feed) => ({ body: { hub, feed }, contentType: "json" as const, ...delay }));
      for (let i = 0; i < messages.length; i += PER_SEND) await sendWithRetry(queue, messages.slice(i, i + PER_SEND));
    }),
  );
  return { hub, feeds };
}

async function sendWithRetry(queue: Queue<Ping>, batch: MessageSendRequest<Ping>[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await queue.sendBatch(batch);
      return;
    } catch (err) {
      if (attempt >= 3) {
        console.error(`websub: could not enqueue pings for ${batch.map((m) => m.body.feed).join(", ")}`, err);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

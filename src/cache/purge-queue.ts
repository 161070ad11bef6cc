// Purges that failed are not dropped. Cloudflare limits tag purges (the Free plan, and Workers Cache on every
// plan, to a few requests a minute), so a morning of breaking-news edits meets 429s; each purge that still
// fails after its quick retries goes to a queue, whose consumer merges every purge waiting into one and tries
// again with backoff. Twenty edits in a minute become one purge a few seconds later, not nineteen lost ones.
import * as v from "valibot";
import type { EdgeCache } from "./backend.ts";

export const PURGE_QUEUE = "masthead-purges";

/** Cloudflare's own bounds on a tag; a message holds at most a response's worth of them. */
const Tag = v.pipe(v.string(), v.minLength(1), v.maxLength(1024));
const TAGS_PER_MESSAGE = 1000;

export const PurgeMessage = v.union([
  v.strictObject({ tags: v.pipe(v.array(Tag), v.minLength(1), v.maxLength(TAGS_PER_MESSAGE)) }),
  v.strictObject({ everything: v.literal(true) }),
]);
export type PurgeMessage = v.InferOutput<typeof PurgeMessage>;

/**
 * Past this many distinct tags, one purge of everything costs less of the rate limit than the tags would
 * (the zone API takes 100 a request) and reaches the same copies and more.
 */
export const MAX_MERGED_TAGS = 500;

/** Seconds before a merged purge is tried again: 15 s, doubling, at most 5 minutes (the limits refill by the minute). */
const purgeBackoffSeconds = (attempts: number) => Math.min(300, 15 * 2 ** Math.max(0, attempts - 1));

/** Hands a purge that kept failing to the queue; if even the queue refuses it, it is logged and the copies expire. */
export async function enqueuePurge(queue: Queue<PurgeMessage>, tags: readonly string[] | "everything"): Promise<void> {
  const messages: PurgeMessage[] = [];
  if (tags === "everything") messages.push({ everything: true });
  else for (let i = 0; i < tags.length; i += TAGS_PER_MESSAGE) messages.push({ tags: tags.slice(i, i + TAGS_PER_MESSAGE) });
  try {
    // A message per thousand tags, at most a hundred a send: far more than any change purges.
    for (let i = 0; i < messages.length; i += 100) await queue.sendBatch(messages.slice(i, i + 100).map((body) => ({ body, contentType: "json" as const })));
  } catch (err) {
    console.error(`edge cache: could not queue the purge of ${tags === "everything" ? "everything" : tags.join(",")}; its copies expire by their TTL`, err);
  }
}

/** The one purge that does the work of every message: their tags, or everything when any asks for it or they are too many. */
function mergedPurge(messages: readonly PurgeMessage[]): string[] | "everything" | null {
  const tags = new Set<string>();
  for (const m of messages) {
    if ("everything" in m) return "everything";
    for (const tag of m.tags) tags.add(tag.toLowerCase());
  }
  if (tags.size === 0) return null;
  return tags.size > MAX_MERGED_TAGS ? "everything" : [...tags];
}

/**
 * The queue handler: one purge for the whole batch (the consumer runs one batch at a time, wrangler.toml's
 * max_concurrency = 1, so purges never race each other for the limit). On failure every message comes back
 * after the backoff, to merge with whatever has arrived since.
 */
export async function handlePurges(batch: MessageBatch, cache: EdgeCache): Promise<void> {
  const readable: { msg: Message; body: PurgeMessage }[] = [];
  for (const msg of batch.messages) {
    const parsed = v.safeParse(PurgeMessage, msg.body);
    if (parsed.success) readable.push({ msg, body: parsed.output });
    else {
      console.error("edge cache: dropped a purge message that is not one", JSON.stringify(msg.body)?.slice(0, 500));
      msg.ack();
    }
  }
  const tags = mergedPurge(readable.map((r) => r.body));
  if (!tags) return;
  const result = await cache.purge(tags).catch((err: unknown) => ({ success: false, errors: [{ message: String(err) }] }));
  if (result.success) {
    for (const { msg } of readable) msg.ack();
    return;
  }
  const attempts = Math.max(...readable.map((r) => r.msg.attempts));
  const delaySeconds = purgeBackoffSeconds(attempts);
  console.warn(`edge cache: queued purge of ${tags === "everything" ? "everything" : `${tags.length} tags`} failed (try ${attempts}); again in ${delaySeconds} s`, result.errors);
  for (const { msg } of readable) msg.retry({ delaySeconds });
}

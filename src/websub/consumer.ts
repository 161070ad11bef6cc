// The queue handler: pings from the write path go to the hub, each retried with backoff while it fails; what
// the dead-letter queue receives after the last retry, and what a hub refused outright, is written to D1
// (websub_failures) for an operator to see. Queue names are wrangler.toml's (test/config.test.ts checks).
import * as v from "valibot";
import { type WebsubFailure, recordWebsubFailures } from "../db/websub-failures.ts";
import { backoffSeconds, notifyHub } from "./notify.ts";
import { Ping } from "./pings.ts";

export const PING_QUEUE = "masthead-websub";
export const FAILED_PING_QUEUE = "masthead-websub-failed";

const failure = (msg: Message, ping: Ping, reason: string): WebsubFailure => ({
  hub: ping.hub,
  feed: ping.feed,
  attempts: msg.attempts,
  reason,
  enqueuedAt: msg.timestamp.getTime(),
  failedAt: Date.now(),
});

/** A message whose body is no ping cannot become one: it is recorded as it is and never retried. */
function parsed(msg: Message): Ping | null {
  const result = v.safeParse(Ping, msg.body);
  return result.success ? result.output : null;
}

const unreadable = (msg: Message): WebsubFailure => ({
  hub: "",
  feed: JSON.stringify(msg.body)?.slice(0, 2000) ?? "",
  attempts: msg.attempts,
  reason: "not a ping",
  enqueuedAt: msg.timestamp.getTime(),
  failedAt: Date.now(),
});

async function deliver(batch: MessageBatch, db: D1Database): Promise<void> {
  const refused: WebsubFailure[] = [];
  const done: Message[] = [];
  await Promise.all(
    batch.messages.map(async (msg) => {
      const ping = parsed(msg);
      if (!ping) {
        refused.push(unreadable(msg));
        done.push(msg);
        return;
      }
      const delivery = await notifyHub(ping);
      if (delivery.outcome === "retry") {
        console.warn(`websub: ${ping.hub} did not take ${ping.feed} (${delivery.reason}), try ${msg.attempts}; retrying`);
        msg.retry({ delaySeconds: backoffSeconds(msg.attempts) });
        return;
      }
      if (delivery.outcome === "refused") {
        console.error(`websub: ${ping.hub} refused ${ping.feed} (${delivery.reason})`);
        refused.push(failure(msg, ping, delivery.reason));
      }
      done.push(msg);
    }),
  );
  // Acknowledged only once recorded: should D1 fail, the messages come back rather than vanish.
  await recordWebsubFailures(db, refused);
  for (const msg of done) msg.ack();
}

async function recordDeadLetters(batch: MessageBatch, db: D1Database): Promise<void> {
  await recordWebsubFailures(
    db,
    batch.messages.map((msg) => {
      const ping = parsed(msg);
      return ping ? failure(msg, ping, "retries exhausted") : unreadable(msg);
    }),
  );
  batch.ackAll();
}

export async function handleQueue(batch: MessageBatch, db: D1Database): Promise<void> {
  if (batch.queue === PING_QUEUE) return deliver(batch, db);
  if (batch.queue === FAILED_PING_QUEUE) return recordDeadLetters(batch, db);
  throw new Error(`queue: no consumer for ${batch.queue}`);
}

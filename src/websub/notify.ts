// Telling a hub that a feed changed (WebSub §7; the form PubSubHubbub 0.4 hubs take: a POST of
// hub.mode=publish and hub.url=<feed>), and what to do with the answer: done on 2xx, try again later on a 5xx,
// 408, 429 or a network failure, give up at once on any other 4xx, which no retry mends.
import type { Ping } from "./pings.ts";

export type Delivery = { outcome: "delivered" } | { outcome: "retry"; reason: string } | { outcome: "refused"; reason: string };

/** Seconds before the next try: 30 s, doubling, at most an hour (with max_retries = 10, about five hours in all). */
export const backoffSeconds = (attempts: number) => Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));

export async function notifyHub(ping: Ping): Promise<Delivery> {
  let res: Response;
  try {
    res = await fetch(ping.hub, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": ping.feed }).toString(),
      redirect: "manual",
    });
  } catch (err) {
    return { outcome: "retry", reason: err instanceof Error ? err.message : String(err) };
  }
  await res.body?.cancel();
  if (res.ok) return { outcome: "delivered" };
  const reason = `HTTP ${res.status}`;
  return res.status >= 500 || res.status === 408 || res.status === 429 ? { outcome: "retry", reason } : { outcome: "refused", reason };
}

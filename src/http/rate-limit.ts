// Requests that reach D1 are limited per client, cheaply, before they reach it: Cloudflare's Rate Limiting
// binding (wrangler.toml [[ratelimits]]: per data centre, approximate, counted over 10 or 60 seconds) keyed on
// the address Cloudflare saw. Only what the edge cache could not answer is counted; a cached answer never is.
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError } from "../domain/errors.ts";

/**
 * Retry-After on a 429: the longest period a Rate Limiting binding counts over, so a refused client has
 * a fresh allowance by then whichever period wrangler.toml chose.
 */
const RETRY_AFTER_SECONDS = 60;

/** Who a limit counts: CF-Connecting-IP, which Cloudflare sets on every request; local tools, sending none, share one bucket. */
export const clientOf = (c: Context): string => c.req.header("CF-Connecting-IP") ?? "unknown";

/** Counts one request of `client` against `limiter`, or refuses it: 429 too_many_requests with Retry-After. */
export async function spend(limiter: RateLimit, client: string): Promise<void> {
  const { success } = await limiter.limit({ key: client });
  if (!success) {
    throw new DomainError("too_many_requests", "请求过于频繁，请稍后再试 / Too many requests from this address; try again later", {
      retry_after: RETRY_AFTER_SECONDS,
    });
  }
}

/**
 * For reader routes, mounted after the edge cache: it runs only for what the cache did not answer (a miss,
 * a search miss), and counts it against READER_MISSES. A verified editor reading past the cache was counted
 * already, as an authentication. Other methods than GET and HEAD read nothing (405, or 204 to OPTIONS).
 */
export function limitedMisses(): MiddlewareHandler<AppEnv> {
  return async function limitedMisses(c, next) {
    const reads = c.req.method === "GET" || c.req.method === "HEAD";
    if (reads && c.var.actor === undefined) await spend(c.env.READER_MISSES, clientOf(c));
    await next();
  };
}

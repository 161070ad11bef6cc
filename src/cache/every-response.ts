// Every response says how it may be cached. Workers Cache keeps a response without Cache-Control for about
// two hours on a guess (RFC 9111 §4.2.2 heuristics): whatever no route and no cache rule labelled is no-store.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { NO_STORE } from "./freshness.ts";

export function saysItsCacheControl(): MiddlewareHandler<AppEnv> {
  return async function saysItsCacheControl(c, next) {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", NO_STORE);
  };
}

// Tells a wrong method from an unknown path, from the app's own route table: 405 with Allow (RFC 9110
// §15.5.6, §10.2.1) when other methods have a route there, 204 with Allow to OPTIONS (§9.3.7), else 404.
import type { Env, ErrorHandler, NotFoundHandler } from "hono";
import { TrieRouter } from "hono/router/trie-router";
import { DomainError } from "../domain/errors.ts";

type Route = { method: string; path: string };

// Middleware (app.use) is registered as ALL; it says nothing about which methods a path answers.
const MIDDLEWARE = "ALL";
// Every route goes into the lookup under this one name, so a single match returns every method.
const ANY = "ANY";
const ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

const byOrder = (a: string, b: string) => {
  const [i, j] = [ORDER.indexOf(a), ORDER.indexOf(b)];
  if (i !== j) return (i === -1 ? ORDER.length : i) - (j === -1 ? ORDER.length : j);
  return a < b ? -1 : a > b ? 1 : 0;
};

/** For a path, the methods some route answers there (a GET route answers HEAD too); empty for an unknown path. */
export function methodsByPath(routes: readonly Route[]): (path: string) => string[] {
  const router = new TrieRouter<string>();
  for (const { method, path } of routes) if (method !== MIDDLEWARE) router.add(ANY, path, method);
  return (path) => {
    const methods = new Set(router.match(ANY, path)[0].map(([method]) => method));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort(byOrder);
  };
}

/**
 * The app's notFound handler, built from `app.routes` once every route is registered. Mounted middleware
 * runs before it, so on the admin API authentication answers first: without a valid key every admin path
 * is a 401 whatever the method, and only a caller with a key can learn which methods a path has.
 */
export function allowedMethods<E extends Env>(
  routes: readonly Route[],
  handlers: { notFound: NotFoundHandler<E>; onError: ErrorHandler<E> },
): NotFoundHandler<E> {
  if (!routes.some((r) => r.method !== MIDDLEWARE)) throw new Error("allowedMethods: build it after the routes are registered");
  const methodsAt = methodsByPath(routes);
  return function allowedMethods(c) {
    const methods = methodsAt(c.req.path);
    if (methods.length === 0) return handlers.notFound(c);
    const allow = methods.join(", ");
    if (c.req.method === "OPTIONS") return c.body(null, 204, { Allow: allow });
    return handlers.onError(
      new DomainError("method_not_allowed", `${c.req.method} is not allowed here; use ${allow}`, { allow }),
      c,
    );
  };
}

// What "fresh" means to the cache tests: a URL answered through the edge cache gives byte for byte what a
// request past the cache (an editor's, rendered from D1 now) gives. Shared by the tests of every kind of page.
import { expect } from "vitest";
import { env } from "cloudflare:workers";
import { perFile } from "./file-state.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

const ORIGIN = "http://localhost";

export const read = (path: string, headers: Record<string, string> = {}, bindings: Partial<typeof env> = {}) =>
  settledFetch(`${ORIGIN}${path}`, { headers, redirect: "manual" }, bindings);

/** Requests every URL until the cache holds it: the second answer is a hit (a 404 is answered afresh each time). */
export async function warm(paths: string[]) {
  for (const path of paths) {
    const first = await read(path);
    expect((await read(path)).headers.get("X-Cache"), path).toBe(first.status === 404 ? "MISS" : "HIT");
  }
}

/** An editor's key: the one thing that reads past the cache. */
const pastTheCacheKey = perFile(() => makeKey("editor"));
const pastTheCache = async () => (await pastTheCacheKey()).headers;

/** Every URL answers through the cache exactly what a request past the cache gets now. */
export async function expectFresh(paths: string[]) {
  for (const path of paths) {
    const cached = await read(path);
    const direct = await read(path, await pastTheCache());
    expect(direct.headers.get("X-Cache")).toBe("BYPASS");
    expect({ status: cached.status, location: cached.headers.get("Location"), body: await cached.text() }, path).toEqual({
      status: direct.status,
      location: direct.headers.get("Location"),
      body: await direct.text(),
    });
  }
}

// The two ways Masthead caches at the edge, behind one interface, chosen by EDGE_CACHE in wrangler.toml:
// "workers" (Workers Cache in front of the Worker, purged globally by tag), "cache-api" (the Worker keeps
// pages in caches.default itself), or "off".
import type { Freshness } from "./freshness.ts";

/** A stored copy and its times (ms): fresh until `freshUntil`, servable on error until `staleUntil`. */
export type Stored = {
  response: Response;
  storedAt: number;
  freshUntil: number;
  staleUntil: number;
  /** The Cache-Control browsers get with it. */
  browserCacheControl: string;
};

export type StoreEntry = {
  tags: string[];
  freshness: Freshness;
  browserCacheControl: string;
  /** When the render began: a purge of its tags after this makes the copy suspect. */
  renderedAt: number;
};

export type PurgeResult = {
  backend: EdgeCache["name"];
  success: boolean;
  /** URLs deleted in this data centre (the Cache API backend). */
  deleted?: number;
  errors: { code?: number; message: string }[];
};

export interface EdgeCache {
  readonly name: "workers" | "cache-api" | "off";
  /**
   * Whether the Worker itself looks up and stores pages. With Workers Cache the platform does both before
   * and after the Worker runs: the Worker only labels its responses and purges.
   */
  readonly servesInWorker: boolean;
  lookup(url: string): Promise<Stored | null>;
  store(url: string, response: Response, entry: StoreEntry): Promise<void>;
  purge(tags: readonly string[] | "everything"): Promise<PurgeResult>;
}

export const noCache: EdgeCache = {
  name: "off",
  servesInWorker: false,
  lookup: async () => null,
  store: async () => {},
  purge: async () => ({ backend: "off", success: true, errors: [] }),
};

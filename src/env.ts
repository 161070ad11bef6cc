// The Worker's bindings and per-request variables. The bindings are generated from wrangler.toml by
// `npm run types` into worker-configuration.d.ts (`npm test` fails when it is out of date).
import type { Actor } from "./domain/actor.ts";
import type { SignedIn } from "./domain/staff.ts";
import type { Shows } from "./domain/shows.ts";
import type { Db } from "./domain/db.ts";
import type { Section } from "./domain/section.ts";
import type { D1Usage } from "./db/metered.ts";

/** Secrets, set with `wrangler secret put` (locally in .dev.vars). Each is optional: without it, its feature is off. */
type Secrets = {
  /** Signs draft-preview links; without it previews are refused, never signed with a default. */
  PREVIEW_SECRET?: string;
  /** A Cloudflare API token allowed to purge CF_ZONE_ID's cache (Cache API backend only). */
  CF_API_TOKEN?: string;
};

export type Bindings = Env & Secrets;

export type Variables = {
  /** Who is asking: a key or a person, set by the one auth middleware (src/auth/middleware.ts). */
  actor: Actor;
  /** Set when the actor is a signed-in person: their account, and their session or Access identity. */
  signedIn: SignedIn;
  /** What a reader response shows, set by its route: the edge cache tags the response with it. */
  shows: Shows;
  /**
   * Seconds the response stays true with no change to purge it, when that is shorter than the edge would keep
   * it: set by routes whose answer goes out of date by the clock (the news sitemap's two-day window, a feed
   * not yet dated because its last change fell within this second).
   */
  freshFor: number;
  /** The D1 session this request reads and writes through (src/http/d1-session.ts). */
  db: Db;
  /** Set by the edge cache when this answer will be kept: it must then be read from the primary. */
  fillsCache: boolean;
  /**
   * Set by a route whose redirect takes a spelling the site never printed to the one URL it did (an article
   * asked for under another section's path, an old paged URL found by its first page): the Worker neither
   * stores nor registers it, so no reader can mint stored copies by inventing paths (src/cache/middleware.ts).
   */
  spelling: boolean;
  /** The site navigation, when a route read it before finding nothing: the 404 page shows it. */
  nav?: Section[];
  /** What this request has asked of D1 so far (src/http/d1-timing.ts). */
  d1Usage?: D1Usage;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };

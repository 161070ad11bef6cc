// The Worker's bindings and per-request variables. The bindings are generated from wrangler.toml by
// `npm run types` into worker-configuration.d.ts (`npm test` fails when it is out of date).
import type { ApiKey } from "./domain/api-key.ts";

/** Secrets, set with `wrangler secret put` (locally in .dev.vars). Each is optional: without it, its feature is off. */
type Secrets = {
  /** Signs draft-preview links; without it previews are refused, never signed with a default. */
  PREVIEW_SECRET?: string;
};

export type Bindings = Env & Secrets;

export type Variables = {
  /** The authenticated API key, set by the admin auth middleware. */
  apiKey: ApiKey;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };

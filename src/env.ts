// The Worker's bindings and per-request variables, in one place. Mirrors wrangler.toml.
import type { ApiKey } from "./db/keys.ts";

export type Bindings = {
  DB: D1Database;
  MEDIA: R2Bucket;
  SITE_NAME: string;
  SITE_URL: string;
  AUTH_MAX_FAILURES: string;
  AUTH_WINDOW_SECONDS: string;
};

export type Variables = {
  /** The authenticated API key, set by the admin auth middleware. */
  apiKey: ApiKey;
};

export type AppEnv = { Bindings: Bindings; Variables: Variables };

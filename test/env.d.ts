// Test-only typing: the migrations binding, and the main module behind `exports` from cloudflare:workers.
import type { D1Migration } from "cloudflare:test";
import type { Bindings } from "../src/env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      /** The pool's own Rate Limiting binding, 3 a minute (vitest.config.ts). */
      TEST_LIMIT: RateLimit;
      /** The importer's fixture files as base64, by path: dumps/<name>.sql, uploads/<site path>. */
      TEST_IMPORT_FIXTURES: { dumps: Record<string, string>; uploads: Record<string, string> };
      /** The API fuzzer's run: how many times the default number of requests, and its seed (vitest.config.ts). */
      FUZZ_SCALE?: string;
      FUZZ_SEED?: string;
      /** The stand-in Cloudflare Access team (test/stand-in-access.ts) and its private keys, as JWK JSON. */
      TEST_ACCESS: { team: string; keys: { kid: string; privateJwk: string }[] };
    }
    interface GlobalProps {
      mainModule: typeof import("../src/index.ts");
    }
  }
}

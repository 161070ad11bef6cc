// Tests run inside workerd with the Worker's real bindings: local D1 (migrated in test/setup.ts) and R2.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { standInHub } from "./test/stand-in-hub.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        // D1_METER on: tests hold writes to their round-trip budget by the meter's count. EDGE_CACHE: nothing
        // local provides Workers Cache, so the Cache API stands in, as it would unasked (without the warning).
        // outboundService: the Worker's outbound fetches (WebSub pings) go to a stand-in hub, not the network.
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, D1_METER: "on", EDGE_CACHE: "cache-api" },
          outboundService: standInHub(),
        },
      }),
    ],
    test: {
      setupFiles: ["./test/setup.ts"],
      // CommonJS dependencies the pool cannot load as they are (sanitize-html reaches postcss).
      deps: { optimizer: { ssr: { enabled: true, include: ["sanitize-html", "markdown-it"] } } },
    },
  };
});

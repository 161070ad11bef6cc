// What the staff tools need to know of the deployment, read from wrangler.toml's [vars] as the Worker reads
// them: where links point (SITE_URL), how long they last, and whether Cloudflare Access signs people in.
import { signInConfig } from "../../src/config.ts";
import { wranglerConfig } from "../bindings/local-env.ts";

export type StaffSite = { origin: string; linkTtlMs: number; access: boolean };

export function staffSite(): StaffSite {
  const { vars } = wranglerConfig();
  const v = (name: string) => vars[name] ?? "";
  const config = signInConfig({
    SIGN_IN_MAX_FAILURES: v("SIGN_IN_MAX_FAILURES"),
    SIGN_IN_CLIENT_MAX_FAILURES: v("SIGN_IN_CLIENT_MAX_FAILURES"),
    SIGN_IN_WINDOW_SECONDS: v("SIGN_IN_WINDOW_SECONDS"),
    SESSION_IDLE_HOURS: v("SESSION_IDLE_HOURS"),
    SESSION_MAX_DAYS: v("SESSION_MAX_DAYS"),
    LINK_HOURS: v("LINK_HOURS"),
    ACCESS_TEAM_DOMAIN: v("ACCESS_TEAM_DOMAIN"),
    ACCESS_AUD: v("ACCESS_AUD"),
  });
  return { origin: new URL(v("SITE_URL")).origin, linkTtlMs: config.linkTtlMs, access: config.access !== null };
}

// The site as every reader page names it, from configuration: its name, its origin, and its footer's lines.
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { registrationOf } from "../content/registration.ts";
import type { Site } from "../render/layout.ts";

export const siteOf = (c: Context<AppEnv>): Site => ({ name: c.env.SITE_NAME, url: c.env.SITE_URL, registration: registrationOf(c.env) });

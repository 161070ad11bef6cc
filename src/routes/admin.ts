// The publish API: every route under /api/v1/admin needs an actor — an API key, or a signed-in person
// (desk session or Cloudflare Access) — the same for every route; each area checks its role.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { authenticate } from "../auth/middleware.ts";
import { d1Session } from "../http/d1-session.ts";
import { requireRole } from "../auth/roles.ts";
import { adminArticles } from "./admin-articles.ts";
import { adminRevisions } from "./admin-revisions.ts";
import { adminPresence } from "./admin-presence.ts";
import { adminRender } from "./admin-render.ts";
import { adminPaste } from "./admin-paste.ts";
import { adminImages } from "./admin-images.ts";
import { adminKeys } from "./admin-keys.ts";
import { adminCache } from "./admin-cache.ts";
import { adminSearch } from "./search-api.ts";
import { adminMe } from "./admin-me.ts";
import { adminStaff } from "./admin-staff.ts";
import { adminAudit } from "./admin-audit.ts";
import { adminSlots } from "./admin-slots.ts";
import { adminTopics } from "./admin-topics.ts";

export const admin = new Hono<AppEnv>();

// The actor first (it reads the primary itself), then the editor's session, so that nothing but a valid
// credential learns anything about the request — not even that its bookmark is malformed.
admin.use("*", authenticate(), d1Session("editors"));
admin.use("/keys/*", requireRole("admin"));
admin.use("/staff/*", requireRole("admin"));
admin.use("/cache/*", requireRole("admin"));
admin.use("/audit/*", requireRole("editor"));
// Images are for every role: reporters and photographers bring their own pictures. The library only grows (no
// route changes or deletes an image, and a re-upload fills only empty fields), and a picture reaches readers
// only in an article an editor publishes.
// The front page is edited like articles are published: editors and up (admins reshape slots: publish/slots.ts).
admin.use("/slots/*", requireRole("editor"));
admin.use("/topics/*", requireRole("editor"));
admin.route("/keys", adminKeys);
admin.route("/staff", adminStaff);
admin.route("/cache", adminCache);
admin.route("/images", adminImages);
admin.route("/articles", adminArticles);
admin.route("/articles", adminRevisions);
admin.route("/articles", adminPresence);
admin.route("/articles", adminRender);
admin.route("/paste", adminPaste);
admin.route("/search", adminSearch);
admin.route("/me", adminMe);
admin.route("/audit", adminAudit);
admin.route("/slots", adminSlots);
admin.route("/topics", adminTopics);

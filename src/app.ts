// Builds the Hono app: shared middleware, then one sub-app per area, then error mapping.
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env.ts";
import { handleError, handleNotFound } from "./http/errors.ts";
import { pages } from "./routes/pages.ts";
import { topicPages } from "./routes/topics.ts";
import { publicApi } from "./routes/api.ts";
import { admin } from "./routes/admin.ts";
import { auth } from "./routes/auth.ts";
import { media } from "./routes/media.ts";
import { assets, favicon } from "./routes/assets.ts";
import { previews } from "./routes/preview.ts";
import { feeds } from "./routes/feeds.ts";
import { sitemaps } from "./routes/sitemaps.ts";
import { searchPage } from "./routes/search.ts";
import { publicSearch } from "./routes/search-api.ts";
import { openApi } from "./routes/openapi.ts";
import { d1Timing } from "./http/d1-timing.ts";
import { d1Session } from "./http/d1-session.ts";
import { canonicalPath } from "./http/canonical-path.ts";
import { publicCors } from "./http/public-cors.ts";
import { allowedMethods } from "./http/allowed-methods.ts";
import { configuredCache } from "./cache/configured.ts";
import { edgeCache } from "./cache/middleware.ts";
import { saysItsCacheControl } from "./cache/every-response.ts";
import { forLegacyPaths, legacyRedirects } from "./routes/legacy.ts";
import { siteOrigin } from "./http/site-origin.ts";
import { limitedMisses } from "./http/rate-limit.ts";
import { readerCredentials } from "./auth/reader-credentials.ts";
import { deskHeaders, isDeskPath } from "./desk/headers.ts";
import { desk } from "./desk/routes.ts";

export const app = new Hono<AppEnv>();

const siteHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    imgSrc: ["'self'", "https:", "data:"],
    styleSrc: ["'self'"],
    scriptSrc: ["'none'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'self'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
  crossOriginResourcePolicy: "cross-origin",
  // A news site needs none of these powerful features; say so, so no embedded content can ask.
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
});
const desksHeaders = deskHeaders();
// Outermost: the reader site's policy everywhere but the desk, which has its own (scripts, no framing, no store).
app.use((c, next) => (isDeskPath(c.req.path) ? desksHeaders(c, next) : siteHeaders(c, next)));

// Outermost but for the security headers: every answer says how it may be cached, whoever made it.
app.use(saysItsCacheControl());
// Before anything prints a link or makes a cache key: the origin both name (SITE_URL, or locally the one serving).
app.use(siteOrigin());
// Every answer under /api/v1 but the admin API is readable from any origin, redirects and 404s included.
app.use("/api/v1/*", publicCors());
app.use("/api/openapi.json", publicCors());
// Before any route, so none ever sees a second spelling of a path (after secureHeaders, whose headers it keeps).
app.use(canonicalPath());

// Reader routes are served from the edge cache, before anything touches D1; readers read any replica. Only a
// verified editor's key reads past the cache; what the cache cannot answer counts against the client's limit.
const READER_PATHS = [
  "/", "/html/*", "/special/*", "/search", "/api/v1/articles/*", "/api/v1/sections/*", "/api/v1/search",
  "/rss.xml", "/atom.xml", "/feed.json", "/sitemap.xml", "/sitemap-news.xml", "/sitemaps/*", "/robots.txt",
];
const edge = edgeCache((c) => configuredCache(c.env, c.executionCtx));
const reader = [readerCredentials(), edge, limitedMisses()];
for (const path of READER_PATHS) app.use(path, ...reader);
// The API's own description: the same for everyone and made without D1, so no key reads past the cache to it
// and no miss of it is counted.
app.use("/api/openapi.json", edge);
// An imported site's old URLs (/plus/view.php?aid=…, /a/…) are reader URLs too; any path no route serves may be one.
for (const middleware of reader) app.use(forLegacyPaths(middleware));
app.use(d1Timing());
for (const path of READER_PATHS) app.use(path, d1Session("readers"));
app.use(forLegacyPaths(d1Session("readers")));
// A preview checks the version it was made for: it reads the primary, never a replica that lags behind.
app.use("/preview/*", d1Session("editors"));

app.use(legacyRedirects());
app.route("/desk", desk);
app.route("/api/v1/admin", admin);
app.route("/api/v1/auth", auth);
app.route("/api/v1/search", publicSearch);
app.route("/api/v1", publicApi);
app.route("/api", openApi);
app.route("/media", media);
app.route("/assets", assets);
app.route("/", favicon);
app.route("/preview", previews);
app.route("/", feeds);
app.route("/", sitemaps);
// Before the pages, whose routes refuse every query string: a search is its query string.
app.route("/search", searchPage);
app.route("/", topicPages);
app.route("/", pages);

// Last, so it knows every route: 405 with Allow for a known path, 404 otherwise.
app.notFound(allowedMethods(app.routes, { notFound: handleNotFound, onError: handleError }));
app.onError(handleError);

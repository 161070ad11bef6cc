// Which origin a site's links name: its configured SITE_URL, or — for a site configured on this machine and
// asked on this machine — the origin that served the request. Pure, so the Worker (src/http/site-origin.ts) and
// the pre-deploy check (scripts/checks/site-url.ts) apply the same rule.

/** localhost and *.localhost (RFC 6761 §6.3), 127.0.0.0/8 and [::1]: names that reach only this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127(?:\.\d{1,3}){3}$/.test(host) || host === "[::1]";
}

type SiteOrigin = { ok: true; origin: string } | { ok: false; message: string };

/** The origin links name for a request to `requestUrl` on a site configured at `siteUrl`. */
export function siteOriginFor(siteUrl: string, requestUrl: string): SiteOrigin {
  const site = new URL(siteUrl);
  const asked = new URL(requestUrl);
  if (!isLoopbackHost(site.hostname)) return { ok: true, origin: site.origin };
  if (isLoopbackHost(asked.hostname)) return { ok: true, origin: asked.origin };
  return {
    ok: false,
    message: `SITE_URL is ${site.origin}, a local address, but this site is served at ${asked.origin}: set SITE_URL in wrangler.toml to the public origin and deploy again`,
  };
}

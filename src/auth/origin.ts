// The site's origin as sign-in sees it: what an Origin header must say, where links point, and the WebAuthn
// relying party. It is SITE_URL's; but a site configured on a loopback address (the local default,
// http://localhost:8787) follows the origin that served the request, as links do there, so the same checkout
// works at localhost, 127.0.0.1 or any port, and in the tests. A deployed site's SITE_URL is never loopback,
// so no Host header can move its origin.

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export function siteOrigin(siteUrl: string, requestUrl: string): string {
  const configured = new URL(siteUrl);
  if (!LOOPBACK.test(configured.hostname)) return configured.origin;
  const serving = new URL(requestUrl);
  return LOOPBACK.test(serving.hostname) ? serving.origin : configured.origin;
}

/** The WebAuthn relying party ID: the site's host, without port (WebAuthn Level 3 §5.1.4.1 "RP ID"). */
const relyingPartyId = (origin: string): string => new URL(origin).hostname;

/** Who passkeys are made for: the site's host, by its name, at its origin. */
export function relyingParty(site: { SITE_URL: string; SITE_NAME: string }, requestUrl: string) {
  const origin = siteOrigin(site.SITE_URL, requestUrl);
  return { id: relyingPartyId(origin), name: site.SITE_NAME, origin };
}

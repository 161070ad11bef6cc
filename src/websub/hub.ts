// The WebSub hub (W3C WebSub §4, §5) this deployment advertises and notifies, from WEBSUB_HUB in wrangler.toml:
// empty means none, and then no feed names a hub and no change pings one.

/** The hub's URL, or null when none is configured; a value that is not an http(s) URL is a configuration error. */
export function configuredHub(value: string | undefined): string | null {
  if (value === undefined || value.trim() === "") return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`WEBSUB_HUB must be an http(s) URL or empty, not ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`WEBSUB_HUB must be an http(s) URL, not ${JSON.stringify(value)}`);
  return url.href;
}

/** RFC 8288 links a feed answers with, so a subscriber finds the hub from the headers alone (WebSub §4). */
export const hubLinkHeader = (hub: string, self: string) => `<${hub}>; rel="hub", <${self}>; rel="self"`;

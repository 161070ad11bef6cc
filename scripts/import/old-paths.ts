// An old URL as a path: the part of an absolute URL on the old site (or a site-relative one) that the new
// site answers at. Pure.

/**
 * `http://www.qinglan.cn/html/xw/1.html` → `/html/xw/1.html`; `/a/b/` stays; null for other sites' URLs and
 * for junk. `ownHosts` "any" takes every host as the site's own (a column that holds the site's own URLs).
 */
export function sitePath(url: string, ownHosts: ReadonlySet<string> | "any"): string | null {
  const trimmed = url.trim();
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return trimmed.split("#")[0] ?? trimmed;
  try {
    const parsed = new URL(trimmed.startsWith("//") ? `http:${trimmed}` : trimmed);
    if (!/^https?:$/.test(parsed.protocol)) return null;
    return ownHosts === "any" || ownHosts.has(parsed.host.toLowerCase()) ? parsed.pathname + parsed.search : null;
  } catch {
    return null;
  }
}

/** The hosts of a site's origins, as a URL names them (`www.qinglan.cn`, `qinglan.cn:8080`). */
export function hostsOf(origins: readonly string[]): Set<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const value = origin.trim();
    if (!value) continue;
    try {
      hosts.add(new URL(/^[a-z]+:\/\//i.test(value) ? value : `http://${value}`).host.toLowerCase());
    } catch {
      // Not a host at all: nothing to recognise.
    }
  }
  return hosts;
}

// An old URL as a path: the part of an absolute URL on the old site (or a site-relative one) that the new
// site answers at, and the path a client actually asks for when it follows a link printed that way. Pure.
import { pathSpelling } from "../../src/http/canonical-path.ts";

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

/**
 * An old page's URL as the old site printed it, site-relative and left as written (requestedPath decides
 * what a client asks for): `http://www.lanjiang.cn/html/a/../1.html` → `/html/a/../1.html`. Null for a URL
 * that is neither http(s) nor site-relative. For columns that hold the site's own URLs (PHPCMS `url`).
 */
export function printedPath(url: string): string | null {
  const trimmed = url.trim().split("#")[0] ?? "";
  if (trimmed.startsWith("/") && !trimmed.startsWith("//")) return trimmed;
  const rest = /^(?:https?:)?\/\/[^/?#]+(.*)$/i.exec(trimmed)?.[1];
  if (rest === undefined) return null;
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/**
 * RFC 3986 §5.2.4 remove_dot_segments on an absolute path (`/a/b/../c/./d` → `/a/c/d`), as every client does
 * before it sends a request; `aboveRoot` when a `..` had no segment left to remove (the RFC drops it).
 */
export function removeDotSegments(path: string): { path: string; aboveRoot: boolean } {
  const segments = path.split("/").slice(1);
  const out: string[] = [];
  let aboveRoot = false;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "." || segment === "..") {
      if (segment === "..") {
        if (out.length) out.pop();
        else aboveRoot = true;
      }
      // `/a/b/..` and `/a/.` name a directory: the output keeps its slash.
      if (last) out.push("");
      return;
    }
    out.push(segment);
  });
  return { path: `/${out.join("/")}`, aboveRoot };
}

// What a browser escapes in a path before sending it (the WHATWG URL Standard's path percent-encode set:
// controls, space, non-ASCII, " < > ` { }); the site answers 404 to such escapes (canonical-path.ts).
const ESCAPED_BY_BROWSERS = /[^\x21-\x7e]|["<>`{}]/;

/**
 * What a client asks for when it follows an old link printed as `old` (a site path, perhaps with a query):
 * the path with its dot segments removed and in the site's one spelling — the key legacy_paths must hold
 * for the request to find it — or why no request for it can reach the site's old-URL routes.
 */
export function requestedPath(old: string): { path: string } | { unreachable: string } {
  const cut = old.search(/[?#]/);
  const pathname = cut < 0 ? old : old.slice(0, cut);
  const query = cut < 0 ? "" : (old.slice(cut).split("#")[0] ?? "");
  // A browser reads a backslash in an http(s) path as a slash (WHATWG URL), old Windows-made paths included.
  const { path, aboveRoot } = removeDotSegments(pathname.replaceAll("\\", "/"));
  if (aboveRoot) {
    // The old site wrote the page outside its web root; a browser asks for the clamped path, another place.
    return { unreachable: `its ".." climbs above the site's root (a browser asks for ${path}, not where the old site wrote the page)` };
  }
  if (ESCAPED_BY_BROWSERS.test(path)) return { unreachable: "it has characters a browser escapes (beyond ASCII, spaces, quotes), which the site refuses" };
  const spelling = pathSpelling(path);
  if (spelling.kind === "invalid") {
    return { unreachable: path.includes("//") ? "it has an empty segment (//), which the site refuses" : "it has escapes the site refuses" };
  }
  return { path: (spelling.kind === "alias" ? spelling.canonical : path) + query };
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

// Whether the new site answers an old URL, and how: the old URL patterns an import saw, for its report. Pure.
import { parseHtmlPath } from "../../src/content/html-paths.ts";
import { isLegacyPath, legacyRequest } from "../../src/content/legacy-urls.ts";
import { requestedPath } from "./old-paths.ts";

export type Verdict =
  /** It is the canonical URL itself. */
  | { kind: "same" }
  /** A Masthead route or the legacy grammar answers it from the id in it: nothing to store. */
  | { kind: "route" }
  /** Answered from legacy_paths: it must be stored. */
  | { kind: "stored" }
  | { kind: "unserved"; reason: string };

export type Target = { kind: "article"; id: number; url: string } | { kind: "section"; url: string };

/** How the new site answers an old URL, and the path a client asks for when it follows it. */
function judge(old: string, target: Target): { verdict: Verdict; asked: string | null } {
  const requested = requestedPath(old);
  if ("unreachable" in requested) return { verdict: { kind: "unserved", reason: `unreachable: ${requested.unreachable}` }, asked: null };
  const path = requested.path;
  if (path === target.url) return { verdict: { kind: "same" }, asked: path };
  const unserved = (reason: string) => ({ verdict: { kind: "unserved" as const, reason }, asked: path });
  const page = path.startsWith("/html/") ? parseHtmlPath(path) : null;
  if (page) {
    if (target.kind === "article" && page.kind === "article" && page.id === target.id) return { verdict: { kind: "route" }, asked: path };
    return unserved(`it reads as another page of this site (${path})`);
  }
  const [pathname = path, search = ""] = path.split("?");
  if (!path.startsWith("/html/") && !isLegacyPath(pathname)) return unserved("Masthead keeps paths like it for itself, or it is not a page");
  const asked = legacyRequest(pathname, new URLSearchParams(search));
  if (asked?.kind === "article") {
    return target.kind === "article" && asked.id === target.id ? { verdict: { kind: "route" }, asked: path } : unserved("it reads as another article's old URL");
  }
  if (asked?.kind === "section") return unserved("it reads as an old list page");
  if (asked?.kind === "topic") return unserved("it reads as an old 专题's URL");
  if (path.includes("?")) return unserved("it has a query string");
  return { verdict: { kind: "stored" }, asked: path };
}

/**
 * How the new site would answer `path`, an old URL of `target` as the old site printed it, once the import
 * has stored what it must. A client removes dot segments before it asks (`/a/b/../1.html` is asked as
 * `/a/1.html`), so the path is judged as asked; one no request can reach is unserved, never stored.
 */
export const verdictFor = (path: string, target: Target): Verdict => judge(path, target).verdict;

/** Paths to store for a target, as clients ask for them: those only legacy_paths can answer. */
export function pathsToStore(paths: readonly string[], target: Target): string[] {
  const stored = paths.map((p) => judge(p, target)).flatMap((j) => (j.verdict.kind === "stored" && j.asked !== null ? [j.asked] : []));
  return [...new Set(stored)];
}

export type UrlPattern = { pattern: string; example: string; count: number; served: string | null; unserved: string | null };

/** The old URL patterns an import saw, with how many URLs of each and whether the new site answers them. */
export class UrlPatterns {
  private readonly seen = new Map<string, UrlPattern>();

  /** Notes `count` URLs of a pattern the new site answers (`served` says how) or not (`unserved` says why). */
  add(pattern: string, example: string, outcome: { served: string } | { unserved: string }, count = 1) {
    // A fixed pattern of an import that brought nothing in (0 articles by id) answers nothing.
    if (count <= 0) return;
    const key = `${pattern}\u0000${"served" in outcome ? "" : outcome.unserved}`;
    const known = this.seen.get(key);
    if (known) known.count += count;
    else {
      this.seen.set(key, {
        pattern,
        example,
        count,
        served: "served" in outcome ? outcome.served : null,
        unserved: "unserved" in outcome ? outcome.unserved : null,
      });
    }
  }

  /** Notes one old URL by its verdict. */
  addVerdict(pattern: string, example: string, verdict: Verdict) {
    if (verdict.kind === "unserved") this.add(pattern, example, { unserved: verdict.reason });
    else this.add(pattern, example, { served: verdict.kind === "stored" ? "301, from the paths the import stored" : verdict.kind === "same" ? "unchanged: it is the new URL" : "301, by the id it holds" });
  }

  list(): UrlPattern[] {
    return [...this.seen.values()].sort((a, b) => b.count - a.count);
  }
}

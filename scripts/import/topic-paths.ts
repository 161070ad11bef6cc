// Whether the new site answers an old 专题 page's URL, and the path to store for it: /special/ is Masthead's
// own room (its topics), so an old path there is looked up only when it is no topic URL. Pure.
import { parseHtmlPath } from "../../src/content/html-paths.ts";
import { isLegacyPath, legacyRequest } from "../../src/content/legacy-urls.ts";
import { parseSpecialPath } from "../../src/content/special-paths.ts";
import { requestedPath } from "./old-paths.ts";

/** `store`: the key legacy_topic_paths must hold (null: the topic's own URL, or one its route redirects). */
export type TopicPathVerdict = { store: string | null } | { unserved: string };

export function topicPathVerdict(old: string, slug: string): TopicPathVerdict {
  const requested = requestedPath(old);
  if ("unreachable" in requested) return { unserved: `unreachable: ${requested.unreachable}` };
  const path = requested.path;
  if (path.includes("?")) return { unserved: "it has a query string" };
  if (path.startsWith("/special/")) {
    const own = parseSpecialPath(path);
    if (own === null) return storedAs(path);
    return own.kind !== "feed" && own.slug === slug ? { store: null } : { unserved: `it reads as another topic's URL (${path})` };
  }
  if (path.startsWith("/html/")) return parseHtmlPath(path) === null ? storedAs(path) : { unserved: `it reads as another page of this site (${path})` };
  if (!isLegacyPath(path)) return { unserved: "Masthead keeps paths like it for itself, or it is not a page" };
  return storedAs(path);
}

/** The path as the legacy routes look it up (a directory with its slash, index.html left out). */
function storedAs(path: string): TopicPathVerdict {
  const asked = legacyRequest(path, new URLSearchParams());
  if (asked?.kind !== "path") return { unserved: "it reads as another old URL (an article's, a list's, the home page)" };
  return { store: asked.path };
}

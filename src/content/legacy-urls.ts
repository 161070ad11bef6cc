// The URLs of the portals Masthead imports (DedeCMS 5.7, PHPCMS v9), as their templates printed them: what
// an old link asks for, or null when it cannot be one. Pure; src/routes/legacy.ts answers each with a 301.
//
//   /plus/view.php?aid=88594                              DedeCMS article (dynamic)    → article 88594
//   /plus/view-88594-1.html                               DedeCMS article (rewritten)  → article 88594
//   /plus/list.php?tid=5, …/list_5_2.html                 DedeCMS section 5            → its section
//   /index.php?m=content&c=index&a=show&catid=6&id=123    PHPCMS article               → article 123
//   /index.php?m=content&c=index&a=lists&catid=6          PHPCMS category 6            → its section
//   /show-6-123-1.html, /list-6-1.html                    PHPCMS pseudo-static forms
//   /index.php?m=special&c=index&id=2                     PHPCMS 专题 2                → its topic
//   /index.html, /index.php, /index.php?a=init, /default.htm   either portal's home page  → /
//   anything else that looks like a page                  an old static path, looked up as the import stored it
import type { LegacySystem } from "../domain/legacy.ts";
import { parseHtmlPath } from "./html-paths.ts";
import { parseSpecialPath } from "./special-paths.ts";

export type LegacyRequest =
  | { kind: "article"; id: number }
  | { kind: "section"; system: LegacySystem; legacyId: number }
  /** An old 专题 by its id (a DedeCMS one is an archive: its id asks for an article first). */
  | { kind: "topic"; system: LegacySystem; legacyId: number }
  /** `path` as asked; `unpaged` without a page suffix (`88594_2.html` → `88594.html`) when it had one. */
  | { kind: "path"; path: string; unpaged: string | null }
  /** The old home page, the most linked of all: Masthead's is `/`. */
  | { kind: "home" };

const HOME: LegacyRequest = { kind: "home" };

/** Ids as both systems store them: unsigned 32-bit, written without leading zeros. */
const ID = /^[1-9][0-9]{0,9}$/;
const LARGEST_ID = 4_294_967_295;

function idOf(value: string | null | undefined): number | null {
  if (value == null || !ID.test(value)) return null;
  const id = Number(value);
  return id <= LARGEST_ID ? id : null;
}

/** The one value of a parameter: a URL that names it twice means nothing we can trust. */
function single(query: URLSearchParams, name: string): string | null {
  const values = query.getAll(name);
  return values.length === 1 ? (values[0] ?? null) : null;
}

// Masthead's own rooms: nothing under them is an old URL (the pages route hands /html/ and /special/ ones —
// DedeCMS kept its 专题 there too — over itself). test/legacy-urls.test.ts checks every route the app serves is one of them.
const OWN = /^\/(?:html|special|api|media|assets|preview|search|sitemaps|desk|cdn-cgi)(?:\/|$)/;
// What an old page's last segment looks like: a directory, a name without an extension, or a page file.
const PAGE_LIKE = /(?:^|\/)(?:[^/.]*|[^/]+\.(?:html?|shtml|php))$/i;

/** Whether `path` may be an old site's URL that no Masthead route serves: the only paths the legacy routes read D1 for. */
export const isLegacyPath = (path: string): boolean => path !== "/" && !OWN.test(path) && PAGE_LIKE.test(path);

const DEDE_VIEW_REWRITE = /^\/plus\/view-([0-9]+)-[0-9]+\.html$/;
const PHPCMS_SHOW = /^\/show-([0-9]+)-([0-9]+)(?:-[0-9]+)?\.html$/;
const PHPCMS_LIST = /^\/list-([0-9]+)(?:-[0-9]+)?\.html$/;
// DedeCMS list pages (`namerule2` {typedir}/list_{tid}_{page}.html), under whatever directory they were made.
const DEDE_LIST_FILE = /\/list_([0-9]+)(?:_[0-9]+)?\.html$/;
const LIST_FORMS: ReadonlyArray<readonly [RegExp, LegacySystem]> = [
  [PHPCMS_LIST, "phpcms"],
  [DEDE_LIST_FILE, "dedecms"],
];
const INDEX_FILE = /\/(?:index|default)\.(?:html?|shtml)$/;
const ROOT_INDEX_FILE = /^\/(?:index|default)\.(?:html?|shtml)$/;
const PAGED_FILE = /^(.*\/[^/]+)_[0-9]+(\.(?:html?|shtml))$/;

/**
 * PHPCMS's special module: a 专题's page (`id`, the action left out or `special`) and its groups' list pages
 * (`a=type&specialid=`) all lead to the topic.
 */
function phpcmsSpecial(query: URLSearchParams): LegacyRequest | null {
  const c = single(query, "c");
  if (c !== null && c !== "index") return null;
  const a = single(query, "a");
  const raw = a === "type" ? single(query, "specialid") : a === null || a === "init" || a === "special" ? (single(query, "id") ?? single(query, "specialid")) : null;
  const id = idOf(raw);
  return id === null ? null : { kind: "topic", system: "phpcms", legacyId: id };
}

function phpcmsIndex(query: URLSearchParams): LegacyRequest | null {
  const m = single(query, "m");
  const c = single(query, "c");
  if (m === "special") return phpcmsSpecial(query);
  // PHPCMS's router defaults m to content and c to index when they are left out.
  if ((m !== null && m !== "content") || (c !== null && c !== "index")) return null;
  const a = single(query, "a");
  // The home page is content/index/init, and what PHPCMS shows for a bare /index.php.
  if (a === "init" || (a === null && !query.has("a"))) return HOME;
  if (a === "show") {
    const id = idOf(single(query, "id"));
    return id === null ? null : { kind: "article", id };
  }
  if (a === "lists") {
    const catid = idOf(single(query, "catid"));
    return catid === null ? null : { kind: "section", system: "phpcms", legacyId: catid };
  }
  return null;
}

/** An old static path as the importer stored it: a directory with its slash, a page without its page number. */
function staticPath(path: string): LegacyRequest {
  if (ROOT_INDEX_FILE.test(path)) return HOME;
  if (INDEX_FILE.test(path)) return { kind: "path", path: path.replace(INDEX_FILE, "/"), unpaged: null };
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (last !== "" && !last.includes(".")) return { kind: "path", path: `${path}/`, unpaged: null };
  const paged = PAGED_FILE.exec(path);
  const unpaged = paged ? `${paged[1]}${paged[2]}` : null;
  // A paged page of an article whose first page is a Masthead URL (/html/xw/dzyw/88594_2.html): that article.
  const asPage = unpaged !== null ? parseHtmlPath(unpaged) : null;
  if (asPage?.kind === "article") return { kind: "article", id: asPage.id };
  return { kind: "path", path, unpaged };
}

/** What an old link asks for (`path` as Hono decodes it, `query` its parameters), or null when it is none. */
export function legacyRequest(path: string, query: URLSearchParams): LegacyRequest | null {
  if (path === "/plus/view.php") {
    const id = idOf(single(query, "aid"));
    return id === null ? null : { kind: "article", id };
  }
  if (path === "/plus/list.php") {
    const tid = idOf(single(query, "tid"));
    return tid === null ? null : { kind: "section", system: "dedecms", legacyId: tid };
  }
  if (path === "/index.php") return phpcmsIndex(query);
  const view = DEDE_VIEW_REWRITE.exec(path);
  if (view) {
    const id = idOf(view[1]);
    return id === null ? null : { kind: "article", id };
  }
  const show = PHPCMS_SHOW.exec(path);
  if (show) {
    const id = idOf(show[2]);
    return id === null ? null : { kind: "article", id };
  }
  for (const [pattern, system] of LIST_FORMS) {
    const list = pattern.exec(path);
    if (!list) continue;
    const legacyId = idOf(list[1]);
    return legacyId === null ? null : { kind: "section", system, legacyId };
  }
  return staticPath(path);
}

/**
 * The one URL of what an old link asks for: every spelling of the same request (`?aid=88594&from=timeline`,
 * `/plus/view-88594-3.html`, `/show-6-88594.html`, `/a/xinwen/index.html`) is answered exactly as this URL
 * is, so the edge cache keeps one copy for all of them, not one per query string or page number.
 */
function legacyRequestUrl(request: LegacyRequest): string {
  switch (request.kind) {
    case "article":
      return `/plus/view.php?aid=${request.id}`;
    case "section":
      return request.system === "dedecms" ? `/plus/list.php?tid=${request.legacyId}` : `/index.php?m=content&c=index&a=lists&catid=${request.legacyId}`;
    case "topic":
      return `/index.php?m=special&c=index&id=${request.legacyId}`;
    case "path":
      return request.path;
    case "home":
      return "/index.html";
  }
}

/**
 * For an old URL — a path no Masthead route serves, or an /html/ path the pages read as none of theirs — the
 * path and query of the one URL that answers it the same way (legacyRequestUrl); null for any other URL.
 */
export function legacyCacheKey(path: string, query: URLSearchParams): string | null {
  const old =
    isLegacyPath(path) ||
    (path.startsWith("/html/") && parseHtmlPath(path) === null) ||
    (path.startsWith("/special/") && parseSpecialPath(path) === null);
  const request = old ? legacyRequest(path, query) : null;
  return request ? legacyRequestUrl(request) : null;
}

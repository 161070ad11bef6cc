// The old portals' URL grammar (src/content/legacy-urls.ts) and how the importer decides which old URLs it
// must store (scripts/import/old-urls.ts): pure rules, checked case by case.
import { describe, expect, it } from "vitest";
import { isLegacyPath, legacyCacheKey, legacyRequest } from "../src/content/legacy-urls.ts";
import { verdictFor } from "../scripts/import/old-urls.ts";
import { app } from "../src/app.ts";

const ask = (url: string) => {
  const u = new URL(url, "http://localhost");
  return legacyRequest(u.pathname, u.searchParams);
};

describe("what an old URL asks for", () => {
  it("reads DedeCMS's dynamic and rewritten forms by id", () => {
    expect(ask("/plus/view.php?aid=88594")).toEqual({ kind: "article", id: 88594 });
    expect(ask("/plus/view.php?aid=88594&pageno=2")).toEqual({ kind: "article", id: 88594 });
    expect(ask("/plus/view-88594-2.html")).toEqual({ kind: "article", id: 88594 });
    expect(ask("/plus/list.php?tid=5&TotalResult=90&PageNo=3")).toEqual({ kind: "section", system: "dedecms", legacyId: 5 });
    expect(ask("/a/xinwen/list_5_3.html")).toEqual({ kind: "section", system: "dedecms", legacyId: 5 });
  });

  it("reads PHPCMS's index.php and pseudo-static forms", () => {
    expect(ask("/index.php?m=content&c=index&a=show&catid=6&id=123")).toEqual({ kind: "article", id: 123 });
    expect(ask("/index.php?a=show&id=123")).toEqual({ kind: "article", id: 123 });
    expect(ask("/index.php?m=content&c=index&a=lists&catid=6&page=2")).toEqual({ kind: "section", system: "phpcms", legacyId: 6 });
    expect(ask("/show-6-123-1.html")).toEqual({ kind: "article", id: 123 });
    expect(ask("/list-6-2.html")).toEqual({ kind: "section", system: "phpcms", legacyId: 6 });
  });

  it("reads PHPCMS's 专题 pages and their group lists by the 专题's id, and nothing else of its special module", () => {
    for (const url of ["/index.php?m=special&c=index&id=2", "/index.php?m=special&id=2", "/index.php?m=special&c=index&a=special&specialid=2", "/index.php?m=special&c=index&a=type&specialid=2&typeid=53"]) {
      expect(ask(url), url).toEqual({ kind: "topic", system: "phpcms", legacyId: 2 });
    }
    for (const url of ["/index.php?m=special&c=index&a=show&id=3", "/index.php?m=special&c=admin&id=2", "/index.php?m=special&c=index&id=02", "/index.php?m=special&id=2&id=3", "/index.php?m=special"]) {
      expect(ask(url), url).toBeNull();
    }
  });

  it("refuses ids that are not one: zero, leading zeros, past 32 bits, given twice, other modules", () => {
    for (const url of [
      "/plus/view.php?aid=0", "/plus/view.php?aid=088", "/plus/view.php?aid=4294967296", "/plus/view.php?aid=1&aid=2",
      "/plus/view.php", "/index.php?m=member&a=show&id=1", "/index.php?a=show&id=x", "/index.php?a=init&a=init", "/plus/list.php?tid=x",
    ]) {
      expect(ask(url), url).toBeNull();
    }
  });

  it("reads either portal's home page, the most linked old URL of all, as Masthead's home", () => {
    for (const url of ["/index.html", "/index.htm", "/index.shtml", "/default.htm", "/index.php", "/index.php?from=timeline", "/index.php?m=content&c=index&a=init", "/index.php?a=init"]) {
      expect(ask(url), url).toEqual({ kind: "home" });
    }
    // A section's index page is that section's old directory, not the home page.
    expect(ask("/a/index.html")).toEqual({ kind: "path", path: "/a/", unpaged: null });
  });

  it("normalises static paths as the importer stores them: directories with their slash, pages without their number", () => {
    expect(ask("/a/xinwen/")).toEqual({ kind: "path", path: "/a/xinwen/", unpaged: null });
    expect(ask("/a/xinwen")).toEqual({ kind: "path", path: "/a/xinwen/", unpaged: null });
    expect(ask("/a/xinwen/index.html")).toEqual({ kind: "path", path: "/a/xinwen/", unpaged: null });
    expect(ask("/a/xinwen/2023/0602/88594_3.html")).toEqual({ kind: "path", path: "/a/xinwen/2023/0602/88594_3.html", unpaged: "/a/xinwen/2023/0602/88594.html" });
    expect(ask("/html/xw/dzyw/88594_2.html")).toEqual({ kind: "article", id: 88594 });
  });

  it("takes only paths no Masthead route serves, and only ones that look like pages", () => {
    for (const path of ["/a/xinwen/", "/a/xinwen", "/plus/view.php", "/index.php", "/news/1.shtml", "/a/b.htm"]) expect(isLegacyPath(path), path).toBe(true);
    for (const path of ["/", "/html/xw/", "/api/v1/articles", "/media/x.jpg", "/assets/site.css", "/preview/1", "/favicon.ico", "/robots.txt", "/a/b.asp"]) {
      expect(isLegacyPath(path), path).toBe(false);
    }
  });

  it("never takes a path one of Masthead's own routes serves", () => {
    // Each route's path with its parameters and wildcards filled in as a request would.
    const served = app.routes.filter((r) => r.method === "GET").map((r) => r.path.replace(/:[^/{]+(\{[^}]*\})?/g, "1").replace(/\*/g, "x"));
    expect(served).toContain("/search");
    for (const path of new Set(served)) expect(isLegacyPath(path), path).toBe(false);
  });
});

describe("the one URL of an old link, for the edge cache", () => {
  const keyOf = (url: string) => {
    const u = new URL(url, "http://localhost");
    return legacyCacheKey(u.pathname, u.searchParams);
  };

  it("gives every spelling of the same request one URL, which asks for exactly that request", () => {
    const spellings: [string, string[]][] = [
      ["/plus/view.php?aid=88594", ["/plus/view.php?aid=88594&from=timeline", "/plus/view.php?pageno=2&aid=88594", "/plus/view-88594-1.html", "/plus/view-88594-7.html",
        "/show-6-88594.html", "/show-9-88594-2.html?x=1", "/index.php?m=content&c=index&a=show&catid=6&id=88594", "/html/xw/dzyw/88594_2.html"]],
      ["/plus/list.php?tid=3", ["/plus/list.php?tid=3&PageNo=2", "/a/xinwen/Min_Sheng/list_3_2.html", "/html/xw/dzyw/list_3_9.html"]],
      ["/index.php?m=content&c=index&a=lists&catid=6", ["/index.php?a=lists&catid=6&page=4", "/list-6-2.html"]],
      ["/index.php?m=special&c=index&id=2", ["/index.php?m=special&id=2&from=timeline", "/index.php?m=special&c=index&a=type&specialid=2&typeid=53"]],
      ["/a/xinwen/", ["/a/xinwen", "/a/xinwen/index.html?from=timeline", "/a/xinwen/?utm_source=x"]],
      ["/a/xinwen/2023/0602/88597.html", ["/a/xinwen/2023/0602/88597.html?from=singlemessage"]],
    ];
    for (const [one, others] of spellings) {
      expect(keyOf(one), one).toBe(one);
      expect(ask(one), one).toEqual(ask(others[0] as string));
      for (const other of others) expect(keyOf(other), other).toBe(one);
    }
  });

  it("leaves every other URL to be its own key", () => {
    for (const url of ["/", "/html/xw/", "/html/xw/dzyw/88594.html", "/html/xw/rss.xml", "/search?q=1", "/api/v1/articles/1", "/rss.xml", "/index.php?m=member&a=show&id=1", "/plus/view.php?aid=0"]) {
      expect(keyOf(url), url).toBeNull();
    }
  });
});

describe("which old URLs an import must store", () => {
  const article = { kind: "article" as const, id: 88594, url: "/html/xw/dzyw/88594.html" };

  it("stores nothing for the canonical URL or one the article route reads by its id", () => {
    expect(verdictFor("/html/xw/dzyw/88594.html", article)).toEqual({ kind: "same" });
    expect(verdictFor("/html/xw/dzyw/202306/88594.html", article)).toEqual({ kind: "route" });
    expect(verdictFor("/plus/view.php?aid=88594", article)).toEqual({ kind: "route" });
  });

  it("stores paths only the table can answer", () => {
    expect(verdictFor("/a/xinwen/2023/0602/88594.html", article)).toEqual({ kind: "stored" });
    expect(verdictFor("/html/News_Center/88594.html", article)).toEqual({ kind: "stored" });
    expect(verdictFor("/a/wenlv/202306/yangmei-jie.html", article)).toEqual({ kind: "stored" });
  });

  it("says why it cannot serve an old URL that reads as another page", () => {
    expect(verdictFor("/html/xw/dzyw/1685664600.html", article)).toMatchObject({ kind: "unserved" });
    expect(verdictFor("/api/v1/x.html", article)).toMatchObject({ kind: "unserved" });
    expect(verdictFor("/a/xinwen/list_5_1.html", article)).toMatchObject({ kind: "unserved", reason: "it reads as an old list page" });
    expect(verdictFor("/a/新闻/88594.html", article)).toMatchObject({ kind: "unserved" });
  });
});

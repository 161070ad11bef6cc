// Old static paths as clients ask for them: a typedir or URL with dot segments (`/a/b/../xinwen`) is stored
// the way a browser requests it after removing them (RFC 3986 §5.2.4), and one no request can reach is
// reported as such, never listed as served.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { printedPath, removeDotSegments, requestedPath } from "../scripts/import/old-paths.ts";
import { get } from "./html.ts";
import { dedeDump, utf8 } from "./import-dumps.ts";
import { importDump } from "./import-fixture.ts";

describe("the path a client asks for", () => {
  it("removes dot segments as RFC 3986 §5.2.4 does", () => {
    expect(removeDotSegments("/a/b/c/./../../g")).toEqual({ path: "/a/g", aboveRoot: false });
    expect(removeDotSegments("/a/b/../xinwen/1.html")).toEqual({ path: "/a/xinwen/1.html", aboveRoot: false });
    expect(removeDotSegments("/a/xinwen/.")).toEqual({ path: "/a/xinwen/", aboveRoot: false });
    expect(removeDotSegments("/a/xinwen/..")).toEqual({ path: "/a/", aboveRoot: false });
    expect(removeDotSegments("/a/../../../xinwen/1.html")).toEqual({ path: "/xinwen/1.html", aboveRoot: true });
    expect(removeDotSegments("/a..b/.c/1.html")).toEqual({ path: "/a..b/.c/1.html", aboveRoot: false });
  });

  it("is the site's one spelling of the path, or says why no request reaches it", () => {
    expect(requestedPath("/dede/../html/news/./1.html")).toEqual({ path: "/html/news/1.html" });
    expect(requestedPath("/a/%7Eold/1.html")).toEqual({ path: "/a/~old/1.html" });
    expect(requestedPath("/a/b/../x.php?id=1")).toEqual({ path: "/a/x.php?id=1" });
    expect(requestedPath("/a/../../xinwen/1.html")).toEqual({
      unreachable: `its ".." climbs above the site's root (a browser asks for /xinwen/1.html, not where the old site wrote the page)`,
    });
    expect(requestedPath("/a//1.html")).toEqual({ unreachable: "it has an empty segment (//), which the site refuses" });
    expect(requestedPath("/a/新闻/1.html")).toMatchObject({ unreachable: expect.stringMatching(/characters a browser escapes/) });
    expect(requestedPath("/a/my page.html")).toMatchObject({ unreachable: expect.stringMatching(/characters a browser escapes/) });
    expect(requestedPath('/a/"quoted".html')).toMatchObject({ unreachable: expect.stringMatching(/characters a browser escapes/) });
    // What a browser sends as it is, and a backslash it reads as a slash.
    expect(requestedPath("/a/b|c.html")).toEqual({ path: "/a/b|c.html" });
    expect(requestedPath("/a\\b\\..\\c.html")).toEqual({ path: "/a/c.html" });
  });

  it("takes a PHPCMS url as printed, dot segments and all, so they are judged like any other", () => {
    expect(printedPath("http://www.lanjiang.cn/html/a/../news/1.html")).toBe("/html/a/../news/1.html");
    expect(printedPath("//www.lanjiang.cn/html/../../1.html#top")).toBe("/html/../../1.html");
    expect(printedPath("/html/news/")).toBe("/html/news/");
    expect(printedPath("http://www.lanjiang.cn")).toBe("/");
    expect(printedPath("javascript:void(0)")).toBeNull();
  });
});

describe("an import whose sections' typedirs have dot segments", () => {
  const sections = [
    // Within the root: the old site wrote /a/xinwen/801.html, which is what a browser asked for.
    { id: 1, name: "新闻", typedir: "{cmspath}/a/b/../xinwen" },
    // Above it: the old site wrote its pages outside its web root; /tiyu/802.html was never one of them.
    { id: 2, name: "体育", typedir: "{cmspath}/a/../../../tiyu" },
    { id: 3, name: "财经", typedir: "{cmspath}/caijing", namerule: "{typedir}//{aid}.html" },
  ];
  const dump = utf8(dedeDump([{ id: 801, typeid: 1 }, { id: 802, typeid: 2 }, { id: 803, typeid: 3 }], { sections }));

  it("answers a link printed with them as a browser requests it, and stores nothing with a dot segment", async () => {
    const summary = await importDump("dedecms", dump);
    expect(summary.articles).toMatchObject({ published: 3, skipped: [] });
    // Request() removes the dot segments, as a browser does before it sends the request.
    for (const [printed, canonical] of [
      ["/a/b/../xinwen/801.html", "/html/xinwen/801.html"],
      ["/a/xinwen/801.html", "/html/xinwen/801.html"],
      ["/a/b/../xinwen/", "/html/xinwen/"],
      ["/a/xinwen/index.html", "/html/xinwen/"],
    ] as const) {
      const res = await get(printed);
      expect([printed, res.status, res.headers.get("Location")]).toEqual([printed, 301, canonical]);
    }
    expect((await get("/a/../../../tiyu/802.html")).status).toBe(404);
    const stored = await env.DB.prepare("SELECT path FROM legacy_paths WHERE path LIKE '%/./%' OR path LIKE '%/../%' OR path LIKE '%//%'").all();
    expect(stored.results).toEqual([]);
  });

  it("reports the paths no request can reach as unreachable, not served", async () => {
    const summary = await importDump("dedecms", dump);
    const patterns = summary.urls.map((u) => [u.example, u.served === null ? u.unserved : "served"]);
    expect(patterns).toContainEqual(["/a/b/../xinwen/801.html", "served"]);
    expect(patterns).toContainEqual([
      "/a/../../../tiyu/802.html",
      `unreachable: its ".." climbs above the site's root (a browser asks for /tiyu/802.html, not where the old site wrote the page)`,
    ]);
    expect(patterns).toContainEqual(["/caijing//803.html", "unreachable: it has an empty segment (//), which the site refuses"]);
    expect(patterns).toContainEqual(["/a/../../../tiyu/", expect.stringMatching(/^unreachable: its "\.\." climbs above the site's root/)]);
  });
});

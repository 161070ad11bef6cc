// Old URLs at the edge cache: every spelling of one old link is one copy, registered once, and purged with
// the article or section it leads to.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeArticle, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { admin } from "./admin-fixture.ts";
import { settledFetch } from "./settle.ts";

const ORIGIN = "http://localhost";
const read = (path: string, method = "GET") => settledFetch(`${ORIGIN}${path}`, { method, redirect: "manual" });

/** The cached URLs the Cache API's registry holds under `tag`: what a purge of it would delete. */
async function registered(tag: string): Promise<string[]> {
  const { results } = await env.DB.prepare(`SELECT url FROM cache_entries WHERE tag = ? ORDER BY url`).bind(tag).all<{ url: string }>();
  return results.map((r) => r.url);
}

describe("an old link at the edge cache", () => {
  it("is one cached copy however its query string and page number are spelt, and follows the article's move", async () => {
    const root = uniqueSlug("lc");
    await makeSection(`${root}/a`);
    await makeSection(`${root}/b`);
    const editor = await makeKey("editor");
    const article = await makeArticle({ section: `${root}/a`, title: "老链接还能打开" });
    const spellings = [
      `/plus/view.php?aid=${article.id}`,
      `/plus/view.php?aid=${article.id}&from=timeline`,
      `/plus/view.php?from=singlemessage&aid=${article.id}`,
      `/plus/view-${article.id}-1.html`,
      `/plus/view-${article.id}-2.html?isappinstalled=0`,
      `/show-6-${article.id}.html`,
      `/show-7-${article.id}-3.html`,
    ];
    const first = await read(spellings[0] as string);
    expect(first.status).toBe(301);
    expect(first.headers.get("X-Cache")).toBe("MISS");
    for (const path of spellings.slice(1)) {
      const res = await read(path);
      expect([res.status, res.headers.get("Location"), res.headers.get("X-Cache")], path).toEqual([301, `/html/${root}/a/${article.id}.html`, "HIT"]);
    }
    // HEAD is answered from the same copy.
    expect((await read(spellings[4] as string, "HEAD")).headers.get("X-Cache")).toBe("HIT");
    expect(await registered(`a:${article.id}`)).toEqual([new URL(`/plus/view.php?aid=${article.id}`, env.SITE_URL).href]);

    await admin(editor, "PATCH", `/${article.id}`, { section: `${root}/b` });
    for (const path of spellings) expect((await read(path)).headers.get("Location"), path).toBe(`/html/${root}/b/${article.id}.html`);
    await admin(editor, "POST", `/${article.id}/unpublish`);
    for (const path of spellings) expect((await read(path)).status, path).toBe(404);
  });

  it("sends the old home page's every spelling to /, without reading D1 or registering a copy", async () => {
    for (const path of ["/index.php?m=content&c=index&a=init", "/index.html", "/index.php", "/index.php?from=timeline", "/default.htm"]) {
      const res = await read(path);
      expect([res.status, res.headers.get("Location")], path).toEqual([301, "/"]);
      expect(res.headers.get("Server-Timing"), path).not.toMatch(/\bd1;/);
    }
    expect(await registered("site")).not.toContain(`${env.SITE_URL}/index.html`);
  });
});

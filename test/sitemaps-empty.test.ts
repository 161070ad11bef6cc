// A site with nothing in it yet (this file's database is its own, and empty): no sitemap would be valid — the
// schemas require a <sitemap> in an index and a <url> in a url set — so each answers 404 until there is
// something to list, and then the document.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { makeArticle, uniqueSlug } from "./fixtures.ts";
import { settledFetch } from "./settle.ts";

const read = (path: string) => settledFetch(`http://localhost${path}`);

describe("the sitemaps of an empty site", () => {
  it("are 404s, then list the first section and article once there are some", async () => {
    for (const path of ["/sitemap.xml", "/sitemaps/sections.xml", "/sitemap-news.xml"]) {
      const res = await read(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toMatch(/<urlset|<sitemapindex/);
    }
    const section = uniqueSlug("first");
    const article = await makeArticle({ section });
    const index = await (await read("/sitemap.xml")).text();
    expect(index).toContain(`<loc>${env.SITE_URL}/sitemaps/sections.xml</loc>`);
    expect(await (await read("/sitemaps/sections.xml")).text()).toContain(`<loc>${env.SITE_URL}/html/${section}/</loc>`);
    expect(await (await read("/sitemap-news.xml")).text()).toContain(`<loc>${env.SITE_URL}/html/${section}/${article.id}.html</loc>`);
  });
});

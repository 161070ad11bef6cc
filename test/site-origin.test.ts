// Links follow where the site is served: locally the origin that served the page, deployed the configured
// public origin whatever Host a request carries, and a deployment still configured for localhost refuses to
// print links to it.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { isLoopbackHost, siteOriginFor } from "../src/content/site-origin.ts";
import { makeArticle, uniqueSlug } from "./fixtures.ts";
import { settledFetch } from "./settle.ts";

const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];

describe("links", () => {
  it("name the origin that served a local site, and its copies stay apart", async () => {
    const section = uniqueSlug("so");
    const article = await makeArticle({ section });
    const path = `/html/${section}/${article.id}.html`;
    const local = { SITE_URL: "http://localhost:8787" };
    const on8790 = await settledFetch(`http://127.0.0.1:8790${path}`, {}, local);
    expect(canonicalOf(await on8790.text())).toBe(`http://127.0.0.1:8790${path}`);
    const on8787 = await settledFetch(`http://localhost:8787${path}`, {}, local);
    // Not 8790's copy: a miss of its own, with its own links.
    expect(on8787.headers.get("X-Cache")).toBe("MISS");
    expect(canonicalOf(await on8787.text())).toBe(`http://localhost:8787${path}`);
    const feed = await (await settledFetch(`http://127.0.0.1:8790/html/${section}/rss.xml`, {}, local)).text();
    expect(feed).toContain(`<link>http://127.0.0.1:8790/html/${section}/</link>`);
  });

  it("name the configured origin on a deployed site, whatever host was asked", async () => {
    const section = uniqueSlug("sd");
    const article = await makeArticle({ section });
    const path = `/html/${section}/${article.id}.html`;
    const res = await settledFetch(`https://other.example${path}`, {}, { SITE_URL: "https://news.example" });
    expect(canonicalOf(await res.text())).toBe(`https://news.example${path}`);
  });

  it("are never to localhost from a deployed site: the Worker refuses, naming SITE_URL", async () => {
    const res = await settledFetch("https://news.example/", {}, { SITE_URL: "http://localhost:8787" });
    expect(res.status).toBe(500);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.text()).toContain("SITE_URL");
    expect(env.SITE_URL).toBe("http://localhost");
  });
});

describe("the rule the Worker and the pre-deploy check share", () => {
  it("knows loopback hosts", () => {
    for (const host of ["localhost", "LOCALHOST", "masthead.localhost", "127.0.0.1", "127.1.2.3", "[::1]"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["news.example", "localhost.example", "128.0.0.1", "10.0.0.1", "[::2]"]) expect(isLoopbackHost(host), host).toBe(false);
  });

  it("follows the request only when both the site and the request are local", () => {
    expect(siteOriginFor("http://localhost:8787", "http://localhost:8790/x")).toEqual({ ok: true, origin: "http://localhost:8790" });
    expect(siteOriginFor("https://news.example/", "http://localhost:8790/x")).toEqual({ ok: true, origin: "https://news.example" });
    expect(siteOriginFor("http://localhost:8787", "https://news.example/x")).toMatchObject({ ok: false, message: expect.stringContaining("SITE_URL") });
  });
});

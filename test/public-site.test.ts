// The public site never changes for a signed-in person: a browser holding a desk session reads every reader
// URL as anyone does — the same cached copy (X-Cache: HIT), no Set-Cookie — and no response anywhere but
// sign-in and /api/v1/admin/me sets a cookie.
import { describe, expect, it } from "vitest";
import { makeArticle, uniqueSlug } from "./fixtures.ts";
import { settledFetch } from "./settle.ts";
import { makeKey } from "./keys-fixture.ts";
import { DESK_HEADERS, ORIGIN, authPost, makePerson } from "./staff-fixture.ts";

async function readerPaths() {
  const section = uniqueSlug("pub");
  const article = await makeArticle({ section, title: "公开页面测试", body: "青岚湖的早晨" });
  return [
    "/",
    `/html/${section}/`,
    `/html/${section}/${article.id}.html`,
    `/api/v1/articles/${article.id}`,
    `/api/v1/articles?section=${section}`,
    "/api/v1/sections",
    "/api/v1/search?q=%E9%9D%92%E5%B2%9A",
    "/search?q=%E9%9D%92%E5%B2%9A",
    "/rss.xml",
    "/atom.xml",
    "/feed.json",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/robots.txt",
    `/plus/view.php?aid=${article.id}`,
  ];
}

describe("a signed-in browser on the public site", () => {
  it("gets the very copy everyone gets, from the cache, with no cookie set", async () => {
    const person = await makePerson("admin");
    for (const path of await readerPaths()) {
      const anyone = await settledFetch(`${ORIGIN}${path}`, { redirect: "manual" });
      const signedIn = await settledFetch(`${ORIGIN}${path}`, { redirect: "manual", headers: { Cookie: person.cookie } });
      expect(signedIn.headers.get("X-Cache"), path).toBe("HIT");
      expect(signedIn.headers.getSetCookie(), path).toEqual([]);
      expect(anyone.headers.getSetCookie(), path).toEqual([]);
      expect(signedIn.headers.get("Vary") ?? "", path).not.toMatch(/cookie/i);
      expect({ status: signedIn.status, etag: signedIn.headers.get("ETag"), body: await signedIn.text() }, path).toEqual({
        status: anyone.status,
        etag: anyone.headers.get("ETag"),
        body: await anyone.text(),
      });
    }
  });
});

describe("cookies", () => {
  it("are set only by sign-in and /api/v1/admin/me: never by the admin API, errors, or anything else", async () => {
    const person = await makePerson("admin");
    const { headers } = await makeKey("admin");
    const requests: [string, RequestInit][] = [
      ["/api/v1/admin/articles", { headers: { Cookie: person.cookie } }],
      ["/api/v1/admin/staff", { headers: { Cookie: person.cookie } }],
      ["/api/v1/admin/articles", { headers: { Cookie: "__Host-masthead_session=expired-or-forged" } }],
      ["/api/v1/admin/articles", { method: "POST", headers: { Cookie: person.cookie, ...DESK_HEADERS, Origin: "https://evil.example" }, body: "{}" }],
      ["/api/v1/admin/keys", { headers }],
      ["/media/nothing.jpg", { headers: { Cookie: person.cookie } }],
      ["/no-such-page", { headers: { Cookie: person.cookie } }],
      ["/desk", { headers: { Cookie: person.cookie } }],
    ];
    for (const [path, init] of requests) {
      const res = await settledFetch(`${ORIGIN}${path}`, { redirect: "manual", ...init });
      expect(res.headers.getSetCookie(), path).toEqual([]);
    }
    // Where cookies are set, they are the session's alone.
    const signedIn = await authPost("/login", { login: person.login, password: person.password });
    expect(signedIn.headers.getSetCookie().map((c) => c.split("=")[0])).toEqual(["__Host-masthead_session"]);
  });
});

// One URL per resource: escaped unreserved characters redirect to the plain spelling, any other escape
// and empty segments are 404, and canonical URLs are served as they always were.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { pathSpelling } from "../src/http/canonical-path.ts";
import { contentKey } from "../src/media/key.ts";
import * as images from "./fixtures/images.ts";
import { makeArticle, makeSection, uniqueSlug } from "./fixtures.ts";
import { get } from "./html.ts";

/** `text` with the character at `index` percent-encoded, in upper- or lowercase hex. */
const escapeAt = (text: string, index: number, hex: "upper" | "lower" = "upper") => {
  const code = text.charCodeAt(index).toString(16).padStart(2, "0");
  return `${text.slice(0, index)}%${hex === "upper" ? code.toUpperCase() : code}${text.slice(index + 1)}`;
};

/** Every character of `text` percent-encoded. */
const escapeAll = (text: string) => [...text].map((char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`).join("");

describe("pathSpelling", () => {
  it.each([
    ["/", { kind: "canonical" }],
    ["/html/xw/dzyw/88594.html", { kind: "canonical" }],
    ["/html/%78w/dzyw/88594.html", { kind: "alias", canonical: "/html/xw/dzyw/88594.html" }],
    ["/html/xw/dzyw/%38%38594.html", { kind: "alias", canonical: "/html/xw/dzyw/88594.html" }],
    ["/html/xw/dzyw/88594%2ehtml", { kind: "alias", canonical: "/html/xw/dzyw/88594.html" }],
    ["/html/xw/dzyw/88594%2Ehtml", { kind: "alias", canonical: "/html/xw/dzyw/88594.html" }],
    ["/%68tml/xw/", { kind: "alias", canonical: "/html/xw/" }],
    ["/%7e%5F%2D", { kind: "alias", canonical: "/~_-" }],
    ["/html/%58W/", { kind: "alias", canonical: "/html/XW/" }],
  ])("reads %s as %o", (raw, spelling) => {
    expect(pathSpelling(raw)).toEqual(spelling);
  });

  it.each([
    "/html/xw%2Fdzyw/", "/html/xw%2fdzyw/", "/%2F%2Fexample.com/", "/html/%00/", "/html/xw/%E6%96%B0.html",
    "/html/xw/%ff.html", "/html/%3A/", "/html/%40/", "/html/%2B/", "/html/%20/", "/html/%25/", "/html/%zz/",
    "/html/%4", "/html/%", "/html/%78w%2F/", "/html//xw/", "//html/xw/", "/html/xw//", "//%65xample.com/",
    "/html/%2e/", "/html/%2e%2e/", "/html/.%2e/x",
  ])("refuses %s", (raw) => {
    expect(pathSpelling(raw)).toEqual({ kind: "invalid" });
  });
});

describe("a second spelling of a URL", () => {
  async function article() {
    const root = uniqueSlug("cp");
    await makeSection(root, "新闻");
    const a = await makeArticle({ section: `${root}/dzyw` });
    return { root, id: String(a.id), url: `/html/${root}/dzyw/${a.id}.html` };
  }

  async function expectRedirect(path: string, location: string, init: RequestInit = {}, status = 301) {
    const res = await exports.default.fetch(`http://localhost${path}`, { redirect: "manual", ...init });
    expect(res.status, path).toBe(status);
    expect(res.headers.get("Location"), path).toBe(location);
    expect(res.headers.get("Cache-Control"), path).toBe("public, max-age=3600");
  }

  it("redirects escaped letters, digits and dots in an article URL with 301 to the canonical one", async () => {
    const { root, id, url } = await article();
    expect((await get(url)).status).toBe(200);
    for (const alias of [
      `/html/${escapeAt(root, 0)}/dzyw/${id}.html`,
      `/html/${escapeAt(root, 0, "lower")}/dzyw/${id}.html`,
      `/html/${root}/dzyw/${escapeAll(id)}.html`,
      `/html/${root}/dzyw/${id}%2ehtml`,
      `/html/${root}/dzyw/${id}%2Ehtml`,
      `/${escapeAt("html", 0)}/${root}/dzyw/${id}.html`,
    ]) {
      await expectRedirect(alias, url);
    }
  });

  it("redirects section pages, the API and media the same way, keeping the query string", async () => {
    const { root, id } = await article();
    await expectRedirect(`/%68tml/${root}/`, `/html/${root}/`);
    await expectRedirect(`/%68tml/${root}/?from=feed`, `/html/${root}/?from=feed`);
    await expectRedirect(`/api/v1/articles/${escapeAll(id)}`, `/api/v1/articles/${id}`);
    await expectRedirect(`/api/v1/%61rticles?limit=1`, `/api/v1/articles?limit=1`);
    const bytes = images.png();
    const key = await contentKey(bytes, "png");
    await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: "image/png" } });
    await expectRedirect(`/media/${escapeAt(key, 0)}`, `/media/${key}`);
    expect((await get(`/media/${key}`)).status).toBe(200);
  });

  it("answers 308 to other methods, so the redirect keeps the method and body", async () => {
    await expectRedirect("/api/v1/admin/%61rticles", "/api/v1/admin/articles", { method: "POST", body: "{}" }, 308);
  });

  it("answers 404 to escaped slashes, reserved characters, control bytes, UTF-8 and malformed escapes", async () => {
    const { root, id } = await article();
    for (const path of [
      `/html/${root}%2Fdzyw/${id}.html`,
      `/html/${root}%2fdzyw/${id}.html`,
      `/html/${root}/dzyw/${id}.html%00`,
      `/html/${root}/dzyw/%00${id}.html`,
      `/html/${root}/dzyw/${id}%3Bhtml`,
      `/html/${root}/dzyw/${id}.html%3F`,
      `/html/%E6%96%B0/`,
      `/html/${root}/dzyw/${id}%zz.html`,
      `/html/${root}/dzyw/${id}.html%`,
      `/${escapeAt("html", 0)}/${root}%2F`,
      `/api/v1/articles/%F0%9F%98%80`,
      `/api/v1/articles/${id}%00`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Location"), path).toBeNull();
    }
  });

  it("answers 404 to empty segments rather than redirecting, so no protocol-relative Location can be made", async () => {
    const { root, id } = await article();
    for (const path of [
      `/html//${root}/dzyw/${id}.html`,
      `/html/${root}//dzyw/${id}.html`,
      `//html/${root}/`,
      `/api/v1//articles/${id}`,
      "//%65xample.com/",
      "//example.com/%2e",
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Location"), path).toBeNull();
    }
  });

  it("answers the 404 in the form the path asks for: JSON on the API, the site's page elsewhere", async () => {
    const api = await get("/api/v1/articles/%F0%9F%98%80");
    expect(api.headers.get("Content-Type")).toMatch(/^application\/json/);
    const page = await get("/html/%E6%96%B0/");
    expect(page.headers.get("Content-Type")?.toLowerCase()).toBe("text/html; charset=utf-8");
  });
});

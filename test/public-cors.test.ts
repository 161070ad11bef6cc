// The public API is readable from any origin, its errors and preflights included; the admin API is not.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeArticle, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";

const ORIGIN = "https://reader.example";

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`http://localhost${path}`, { method, headers: { Origin: ORIGIN, ...headers }, redirect: "manual" });

const preflight = (path: string, headers: Record<string, string> = {}) =>
  request("OPTIONS", path, { "Access-Control-Request-Method": "GET", ...headers });

describe("CORS on the public API", () => {
  it("answers a preflight with 204, the methods it takes, how long to remember them, and Allow", async () => {
    for (const path of ["/api/v1/articles", "/api/v1/articles/1", "/api/v1/sections"]) {
      const res = await preflight(path);
      expect(res.status, path).toBe(204);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(res.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
      expect(res.headers.get("Access-Control-Max-Age")).toBe("86400");
      expect(res.headers.get("Allow")).toBe("GET, HEAD");
    }
  });

  it("sends Access-Control-Allow-Origin on answers and on 400, 404 and 405 errors alike", async () => {
    const a = await makeArticle({ section: uniqueSlug("cors") });
    for (const [path, status, method] of [
      [`/api/v1/articles/${a.id}`, 200, "GET"],
      ["/api/v1/sections", 200, "GET"],
      ["/api/v1/articles?limit=0", 400, "GET"],
      ["/api/v1/articles/abc", 400, "GET"],
      ["/api/v1/articles/999999999999", 404, "GET"],
      [`/api/v1/articles?section=${uniqueSlug("none")}`, 404, "GET"],
      ["/api/v1/articles", 405, "POST"],
    ] as const) {
      const res = await request(method, path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
      if (status !== 200) expect(res.headers.get("Content-Type"), path).toMatch(/^application\/json/);
    }
  });

  it("sends none on the admin API: not on answers, refusals, unknown paths or preflights", async () => {
    const editor = await makeKey("editor");
    for (const [method, path, headers] of [
      ["GET", "/api/v1/admin/articles", editor.headers],
      ["GET", "/api/v1/admin/articles", {}],
      ["GET", "/api/v1/admin/nothing-here", editor.headers],
      ["GET", "/api/v1/admin/articles/999999999", editor.headers],
      ["OPTIONS", "/api/v1/admin/articles", editor.headers],
      ["OPTIONS", "/api/v1/admin/articles", {}],
    ] as const) {
      const res = await request(method, path, { "Access-Control-Request-Method": "POST", ...headers });
      expect(res.headers.get("Access-Control-Allow-Origin"), `${method} ${path}`).toBeNull();
      expect(res.headers.get("Access-Control-Allow-Methods"), `${method} ${path}`).toBeNull();
    }
  });
});

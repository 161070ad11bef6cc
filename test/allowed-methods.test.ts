// A wrong method on a known path is 405 with Allow, OPTIONS answers Allow, and an unknown path stays 404.
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { methodsByPath } from "../src/http/allowed-methods.ts";
import { makeSection, uniqueSlug } from "./fixtures.ts";
import type { ErrorJson } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(`http://localhost${path}`, { method, headers, redirect: "manual" });

describe("methodsByPath", () => {
  const methodsAt = methodsByPath([
    { method: "ALL", path: "/*" },
    { method: "GET", path: "/" },
    { method: "GET", path: "/html/*" },
    { method: "GET", path: "/a/:id{[1-9][0-9]*}" },
    { method: "DELETE", path: "/a/:id{[1-9][0-9]*}" },
    { method: "PATCH", path: "/a/:id{[1-9][0-9]*}" },
    { method: "POST", path: "/a/:id{[1-9][0-9]*}/publish" },
    { method: "POST", path: "/b" },
    { method: "POST", path: "/b" },
  ]);

  it("lists the methods of every route that matches, GET with HEAD, in a fixed order, each once", () => {
    expect(methodsAt("/")).toEqual(["GET", "HEAD"]);
    expect(methodsAt("/html/xw/")).toEqual(["GET", "HEAD"]);
    expect(methodsAt("/a/7")).toEqual(["GET", "HEAD", "PATCH", "DELETE"]);
    expect(methodsAt("/a/7/publish")).toEqual(["POST"]);
    expect(methodsAt("/b")).toEqual(["POST"]);
  });

  it("knows nothing of paths only middleware matches, or that a route's pattern refuses", () => {
    expect(methodsAt("/nowhere")).toEqual([]);
    expect(methodsAt("/a/07")).toEqual([]);
    expect(methodsAt("/a/x/publish")).toEqual([]);
  });
});

describe("a method a known path does not answer", () => {
  it("is 405 with Allow on the reader site, as the site's error page", async () => {
    const section = uniqueSlug("am");
    await makeSection(section);
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      const res = await request(method, `/html/${section}/`);
      expect(res.status, method).toBe(405);
      expect(res.headers.get("Allow"), method).toBe("GET, HEAD");
      expect(res.headers.get("Content-Type")?.toLowerCase()).toBe("text/html; charset=utf-8");
    }
    expect((await request("POST", "/")).headers.get("Allow")).toBe("GET, HEAD");
  });

  it("is 405 with Allow and a JSON error on the public API", async () => {
    for (const [method, path] of [
      ["PUT", "/api/v1/articles"],
      ["POST", "/api/v1/articles"],
      ["DELETE", "/api/v1/sections"],
      ["PATCH", "/api/v1/articles/1"],
    ] as const) {
      const res = await request(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.get("Allow")).toBe("GET, HEAD");
      expect(((await res.json()) as ErrorJson).error.code).toBe("method_not_allowed");
    }
  });

  it("is 405 on a path that only takes POST, for GET and HEAD alike", async () => {
    const editor = await makeKey("editor");
    for (const method of ["GET", "HEAD"]) {
      const res = await request(method, "/api/v1/admin/articles/1/publish", editor.headers);
      expect(res.status, method).toBe(405);
      expect(res.headers.get("Allow")).toBe("POST");
    }
    const article = await request("PUT", "/api/v1/admin/articles/1", editor.headers);
    expect(article.status).toBe(405);
    expect(article.headers.get("Allow")).toBe("GET, HEAD, PATCH, DELETE");
  });

  it("answers 401 first on the admin API, so only a caller with a key learns which methods a path has", async () => {
    const anonymous = await request("GET", "/api/v1/admin/articles/1/publish");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("Allow")).toBeNull();
    expect((await request("OPTIONS", "/api/v1/admin/articles")).status).toBe(401);
  });

  it("stays 404 on a path no route has", async () => {
    for (const method of ["GET", "POST", "DELETE"]) {
      const res = await request(method, "/no/such/place");
      expect(res.status, method).toBe(404);
      expect(res.headers.get("Allow")).toBeNull();
    }
    expect((await request("POST", "/api/v1/admin/articles/007/publish", (await makeKey("editor")).headers)).status).toBe(404);
  });
});

describe("OPTIONS", () => {
  it("answers 204 with Allow for any known path", async () => {
    const section = uniqueSlug("opt");
    await makeSection(section);
    const page = await request("OPTIONS", `/html/${section}/`);
    expect(page.status).toBe(204);
    expect(page.headers.get("Allow")).toBe("GET, HEAD");
    expect(await page.text()).toBe("");
    const editor = await makeKey("editor");
    const admin = await request("OPTIONS", "/api/v1/admin/articles", editor.headers);
    expect(admin.status).toBe(204);
    expect(admin.headers.get("Allow")).toBe("GET, HEAD, POST");
  });

  it("answers 404 for an unknown path", async () => {
    expect((await request("OPTIONS", "/no/such/place")).status).toBe(404);
  });
});

// The API document does not drift from the API: every route under /api/ is in it and nothing else is, every
// operation answered a real request with what its schemas say, every example is valid, and the document is
// valid JSON Schema where it embeds it. It is served at /api/openapi.json like any reader's answer.
import { describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { apiDocument } from "../src/openapi/api.ts";
import type { OpenApiDocument } from "../src/openapi/document.ts";
import { makeArticle, makeImage, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";
import * as images from "./fixtures/images.ts";
import { answerOf, answerProblems, operationsOf, validate } from "./openapi-check.ts";

const ORIGIN = "http://localhost";
const doc = apiDocument();

/** `/api/v1/admin/articles/:id{[1-9][0-9]{0,15}}/revisions/:n{…}/restore` as OpenAPI writes it. */
const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z_]+)(?:\{(?:[^{}]|\{[^{}]*\})*\})?/g, "{$1}");

describe("the document and the routes", () => {
  const routes = new Set(
    app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/")).map((r) => `${r.method} ${openApiPath(r.path)}`),
  );
  const documented = new Set(operationsOf(doc).map((o) => `${o.method} ${o.path}`));

  it("describes every route under /api/ (add a route's operation to src/openapi/operations/)", () => {
    expect([...routes].filter((r) => !documented.has(r))).toEqual([]);
  });

  it("describes no route that does not exist", () => {
    expect([...documented].filter((d) => !routes.has(d))).toEqual([]);
  });
});

describe("the document itself", () => {
  it("has an example for every answer it shows one for that is valid against that answer's schema", () => {
    const problems = operationsOf(doc).flatMap(({ method, path, op }) =>
      Object.entries(op.responses).flatMap(([status, r]) => {
        const media = r.content?.["application/json"];
        if (!media || media.example === undefined) return [];
        return validate(doc, media.schema, media.example).map((p) => `${method} ${path} ${status}: ${p}`);
      }),
    );
    expect(problems).toEqual([]);
  });

  it("documents a JSON error body for every error status, and no answer without a description", () => {
    for (const { method, path, op } of operationsOf(doc)) {
      for (const [status, r] of Object.entries(op.responses)) {
        expect(r.description, `${method} ${path} ${status}`).not.toBe("");
        if (Number(status) >= 400) expect(r.content?.["application/json"], `${method} ${path} ${status}`).toBeDefined();
      }
    }
  });
});

type Case = { path: string; init?: RequestInit; bindings?: Record<string, string>; status: number };

/** One valid request per operation, on data made through the write path, and the status it must get. */
async function validRequests(): Promise<Record<string, Case>> {
  const section = `${uniqueSlug("oa")}/news`;
  await makeSection(section, "新闻");
  const published = await makeArticle({ section, title: "开放接口文档", body: "岚江两岸灯火璀璨。" });
  const draft = await makeArticle({ section, title: "草稿", status: "draft" });
  const image = await makeImage(images.png(), { alt: "图" });
  const admin = await makeKey("admin");
  const spare = await makeKey("editor");
  const json = (body: unknown, extra: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { ...admin.headers, "Content-Type": "application/json", ...extra },
    body: JSON.stringify(body),
  });
  const as = (method: string, extra: Record<string, string> = {}): RequestInit => ({ method, headers: { ...admin.headers, ...extra } });
  const a = `/api/v1/admin/articles/${draft.id}`;
  return {
    listArticles: { path: `/api/v1/articles?section=${section}&limit=1`, status: 200 },
    getArticle: { path: `/api/v1/articles/${published.id}`, status: 200 },
    listSections: { path: "/api/v1/sections", status: 200 },
    search: { path: `/api/v1/search?${new URLSearchParams({ q: "岚江", section })}`, status: 200 },
    getOpenApiDocument: { path: "/api/openapi.json", status: 200 },
    listAdminArticles: { path: `/api/v1/admin/articles?status=draft&section=${section}`, init: as("GET"), status: 200 },
    createArticle: { path: "/api/v1/admin/articles", init: json({ section, title: "新稿", bylines: [{ name: "林晓", role: "记者" }] }), status: 201 },
    getAdminArticle: { path: a, init: as("GET"), status: 200 },
    editArticle: { path: a, init: { ...json({ subtitle: "副题" }, { "If-Match": `"${draft.version}"` }), method: "PATCH" }, status: 200 },
    publishArticle: { path: `${a}/publish`, init: as("POST"), status: 200 },
    unpublishArticle: { path: `${a}/unpublish`, init: as("POST"), status: 200 },
    archiveArticle: { path: `${a}/archive`, init: as("POST"), status: 200 },
    trashArticle: { path: a, init: as("DELETE"), status: 200 },
    restoreArticle: { path: `${a}/restore`, init: as("POST"), status: 200 },
    restoreRevision: { path: `${a}/revisions/1/restore`, init: as("POST"), status: 200 },
    listRevisions: { path: `${a}/revisions`, init: as("GET"), status: 200 },
    previewArticle: { path: `${a}/preview`, init: json({ expires_in: 3600 }), bindings: { PREVIEW_SECRET: "a long random test secret" }, status: 201 },
    searchAdmin: { path: `/api/v1/admin/search?q=${encodeURIComponent("草稿")}&status=draft`, init: as("GET"), status: 200 },
    uploadImage: { path: "/api/v1/admin/images?alt=%E5%9B%BE", init: { ...as("POST", { "Content-Type": "image/gif" }), body: images.gif() }, status: 201 },
    listImages: { path: "/api/v1/admin/images?limit=1", init: as("GET"), status: 200 },
    getImage: { path: `/api/v1/admin/images/${image.key}`, init: as("GET"), status: 200 },
    listKeys: { path: "/api/v1/admin/keys", init: as("GET"), status: 200 },
    createKey: { path: "/api/v1/admin/keys", init: json({ name: "接口文档", role: "author" }), status: 201 },
    getKey: { path: `/api/v1/admin/keys/${spare.key.id}`, init: as("GET"), status: 200 },
    rotateKey: { path: `/api/v1/admin/keys/${spare.key.id}/rotate`, init: as("POST"), status: 200 },
    revokeKey: { path: `/api/v1/admin/keys/${spare.key.id}/revoke`, init: as("POST"), status: 200 },
    purgeCache: { path: "/api/v1/admin/cache/purge", init: json({ tags: [`l:${section}`] }), status: 202 },
  };
}

describe("every operation answers what the document says", () => {
  it("answers a valid request with its documented success and a body its schema allows", async () => {
    const cases = await validRequests();
    const operations = new Map(operationsOf(doc).map((o) => [o.op.operationId, o]));
    // Adding an operation means adding a request for it here.
    expect(Object.keys(cases).sort()).toEqual([...operations.keys()].sort());
    const problems: string[] = [];
    // In the order above, which is an article's life: edited, published, withdrawn, trashed, restored.
    for (const [id, c] of Object.entries(cases)) {
      const documented = operations.get(id);
      if (!documented) continue;
      const answer = await answerOf(await settledFetch(`${ORIGIN}${c.path}`, { redirect: "manual", ...c.init }, c.bindings));
      if (answer.status !== c.status) problems.push(`${id}: ${answer.status}, not ${c.status}: ${answer.body.slice(0, 300)}`);
      problems.push(...answerProblems(doc, documented, answer));
    }
    expect(problems).toEqual([]);
  });
});

describe("GET /api/openapi.json", () => {
  const get = (path = "/api/openapi.json", headers: Record<string, string> = {}) => settledFetch(`${ORIGIN}${path}`, { headers });

  it("serves the document, readable from any origin", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const served = await res.json<OpenApiDocument>();
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(served.openapi).toBe("3.1.0");
  });

  it("is kept at the edge like a reader's answer, and a purge of the site's tag clears it", async () => {
    await get();
    const hit = await get();
    expect(hit.headers.get("X-Cache")).toBe("HIT");
    expect(hit.headers.get("Cache-Control")).toMatch(/public/);
    const etag = hit.headers.get("ETag") ?? "";
    expect((await get("/api/openapi.json", { "If-None-Match": etag })).status).toBe(304);
    const admin = await makeKey("admin");
    const purge = await settledFetch(`${ORIGIN}/api/v1/admin/cache/purge`, {
      method: "POST",
      headers: { ...admin.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ tags: ["site"] }),
    });
    expect(purge.status).toBe(202);
    expect((await get()).headers.get("X-Cache")).toBe("MISS");
  });

  it("takes no query string", async () => {
    const res = await get("/api/openapi.json?format=yaml");
    expect(res.status).toBe(400);
  });
});

// The API document does not drift from the API: every route under /api/ is in it and nothing else is, every
// operation answered a real request with what its schemas say, every example is valid, and the document is
// valid JSON Schema where it embeds it. It is served at /api/openapi.json like any reader's answer.
import { describe, expect, it } from "vitest";
import { app } from "../src/app.ts";
import { apiDocument } from "../src/openapi/api.ts";
import type { OpenApiDocument } from "../src/openapi/document.ts";
import { makeArticle, makeImage, makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { DESK_HEADERS, ORIGIN as STAFF_ORIGIN, invitePerson, makePerson, uniqueLogin } from "./staff-fixture.ts";
import { SoftwareAuthenticator } from "./software-authenticator.ts";
import { settledFetch } from "./settle.ts";
import { IMAGES_HOST } from "./stand-in-images.ts";
import * as images from "./fixtures/images.ts";
import { answerOf, answerProblems, operationsOf, validate } from "./openapi-check.ts";
import { uniqueName } from "./curation-fixture.ts";

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

type Request = { path: string; init?: RequestInit; bindings?: Record<string, string> };
/** A request and the status it must get; a function when it needs something fetched just before (a challenge, an id). */
type Case = { status: number; request: Request | (() => Promise<Request>) };

const HERE = { origin: STAFF_ORIGIN, rpId: "localhost" };

/** One valid request per operation, on data made through the write path, in an order that is an article's and a person's life. */
async function validRequests(): Promise<[string, Case][]> {
  const section = `${uniqueSlug("oa")}/news`;
  await makeSection(section, "新闻");
  const published = await makeArticle({ section, title: "开放接口文档", body: "岚江两岸灯火璀璨。" });
  const draft = await makeArticle({ section, title: "草稿", status: "draft" });
  const image = await makeImage(images.png(), { alt: "图" });
  const admin = await makeKey("admin");
  const spare = await makeKey("editor");
  const person = await makePerson("editor");
  const leaving = await makePerson("author");
  const invited = await invitePerson("author");
  const authenticator = new SoftwareAuthenticator();
  const json = (body: unknown, extra: Record<string, string> = {}): RequestInit => ({
    method: "POST",
    headers: { ...admin.headers, "Content-Type": "application/json", ...extra },
    body: JSON.stringify(body),
  });
  const as = (method: string, extra: Record<string, string> = {}): RequestInit => ({ method, headers: { ...admin.headers, ...extra } });
  /** As the desk sends it for `who`: the cookie, and on a change the desk's header, JSON and Origin. */
  const deskInit = (who: { cookie: string }, method: string, body?: unknown): RequestInit => ({
    method,
    headers: { Cookie: who.cookie, ...(method !== "GET" && DESK_HEADERS) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const signInInit = (body: unknown): RequestInit => ({ method: "POST", headers: DESK_HEADERS, body: JSON.stringify(body) });
  const post = async (path: string, init: RequestInit) => (await settledFetch(`${ORIGIN}${path}`, init)).json<Record<string, unknown>>();
  const a = `/api/v1/admin/articles/${draft.id}`;
  const [slot, topic] = [uniqueName("oa"), uniqueName("oa")];
  const s = `/api/v1/admin/staff/${leaving.staff.id}`;
  return [
    ["listArticles", { status: 200, request: { path: `/api/v1/articles?section=${section}&limit=1` } }],
    ["getArticle", { status: 200, request: { path: `/api/v1/articles/${published.id}` } }],
    ["listSections", { status: 200, request: { path: "/api/v1/sections" } }],
    ["search", { status: 200, request: { path: `/api/v1/search?${new URLSearchParams({ q: "岚江", section })}` } }],
    ["getOpenApiDocument", { status: 200, request: { path: "/api/openapi.json" } }],
    ["listAdminArticles", { status: 200, request: { path: `/api/v1/admin/articles?status=draft&section=${section}`, init: as("GET") } }],
    ["createArticle", { status: 201, request: { path: "/api/v1/admin/articles", init: json({ section, title: "新稿", bylines: [{ name: "林晓", role: "记者" }] }) } }],
    ["getAdminArticle", { status: 200, request: { path: a, init: as("GET") } }],
    ["editArticle", { status: 200, request: { path: a, init: { ...json({ subtitle: "副题" }, { "If-Match": `"${draft.version}"` }), method: "PATCH" } } }],
    ["submitArticle", { status: 200, request: { path: `${a}/submit`, init: json({ note: "请核对数字" }) } }],
    ["returnArticle", { status: 200, request: { path: `${a}/return`, init: json({ note: "数字不符，请核实" }) } }],
    ["recallArticle", { status: 200, request: { path: `${a}/recall`, init: as("POST") } }],
    ["getRevision", { status: 200, request: { path: `${a}/revisions/1`, init: as("GET") } }],
    ["editingHeartbeat", { status: 200, request: { path: `${a}/presence`, init: as("PUT") } }],
    ["editingGoodbye", { status: 204, request: { path: `${a}/presence`, init: as("DELETE") } }],
    ["takeOverEditing", { status: 200, request: { path: `${a}/presence/takeover`, init: as("POST") } }],
    ["renderArticle", { status: 200, request: { path: "/api/v1/admin/articles/render", init: json({ section, title: "", body: "第一段**加粗**。" }) } }],
    ["pasteHtml", { status: 200, request: { path: "/api/v1/admin/paste", init: json({ html: '<p class=MsoNormal>全市<b>防汛</b><img src="https://img.example.com/a.jpg"></p>' }) } }],
    ["publishArticle", { status: 200, request: { path: `${a}/publish`, init: as("POST") } }],
    ["unpublishArticle", { status: 200, request: { path: `${a}/unpublish`, init: as("POST") } }],
    ["archiveArticle", { status: 200, request: { path: `${a}/archive`, init: as("POST") } }],
    ["trashArticle", { status: 200, request: { path: a, init: as("DELETE") } }],
    ["restoreArticle", { status: 200, request: { path: `${a}/restore`, init: as("POST") } }],
    ["restoreRevision", { status: 200, request: { path: `${a}/revisions/1/restore`, init: as("POST") } }],
    ["listRevisions", { status: 200, request: { path: `${a}/revisions`, init: as("GET") } }],
    ["previewArticle", { status: 201, request: { path: `${a}/preview`, init: json({ expires_in: 3600 }), bindings: { PREVIEW_SECRET: "a long random test secret" } } }],
    ["searchAdmin", { status: 200, request: { path: `/api/v1/admin/search?q=${encodeURIComponent("草稿")}&status=draft`, init: as("GET") } }],
    ["uploadImage", { status: 201, request: { path: "/api/v1/admin/images?alt=%E5%9B%BE", init: { ...as("POST", { "Content-Type": "image/gif" }), body: images.gif() } } }],
    ["fetchImage", { status: 201, request: { path: "/api/v1/admin/images/fetch", init: json({ url: `http://${IMAGES_HOST}/${uniqueSlug("oa")}/photo.png?salt=${uniqueSlug("s")}`, alt: "远处的图" }) } }],
    ["listImages", { status: 200, request: { path: "/api/v1/admin/images?limit=1", init: as("GET") } }],
    ["getImage", { status: 200, request: { path: `/api/v1/admin/images/${image.key}`, init: as("GET") } }],
    ["listKeys", { status: 200, request: { path: "/api/v1/admin/keys", init: as("GET") } }],
    ["createKey", { status: 201, request: { path: "/api/v1/admin/keys", init: json({ name: "接口文档", role: "author" }) } }],
    ["getKey", { status: 200, request: { path: `/api/v1/admin/keys/${spare.key.id}`, init: as("GET") } }],
    ["rotateKey", { status: 200, request: { path: `/api/v1/admin/keys/${spare.key.id}/rotate`, init: as("POST") } }],
    ["revokeKey", { status: 200, request: { path: `/api/v1/admin/keys/${spare.key.id}/revoke`, init: as("POST") } }],
    ["purgeCache", { status: 202, request: { path: "/api/v1/admin/cache/purge", init: json({ tags: [`l:${section}`] }) } }],
    ["listSlots", { status: 200, request: { path: "/api/v1/admin/slots", init: as("GET") } }],
    ["createSlot", { status: 201, request: { path: "/api/v1/admin/slots", init: json({ slug: slot, name: "测试位", capacity: 3 }) } }],
    ["getSlot", { status: 200, request: { path: `/api/v1/admin/slots/${slot}`, init: as("GET") } }],
    ["editSlot", { status: 200, request: { path: `/api/v1/admin/slots/${slot}`, init: { ...json({ name: "改名" }, { "If-Match": "*" }), method: "PATCH" } } }],
    ["addSlotItem", { status: 200, request: { path: `/api/v1/admin/slots/${slot}/items`, init: json({ article_id: published.id, title: "推荐位上的标题" }) } }],
    ["setSlotItems", { status: 200, request: { path: `/api/v1/admin/slots/${slot}/items`, init: { ...json({ items: [{ article_id: published.id }] }, { "If-Match": "*" }), method: "PUT" } } }],
    ["removeSlotItem", { status: 200, request: { path: `/api/v1/admin/slots/${slot}/items/${published.id}`, init: as("DELETE") } }],
    ["deleteSlot", { status: 204, request: { path: `/api/v1/admin/slots/${slot}`, init: as("DELETE", { "If-Match": "*" }) } }],
    ["listTopics", { status: 200, request: { path: "/api/v1/admin/topics?limit=1", init: as("GET") } }],
    ["createTopic", { status: 201, request: { path: "/api/v1/admin/topics", init: json({ slug: topic, title: "接口专题", groups: [{ name: "最新" }] }) } }],
    ["getTopic", { status: 200, request: { path: `/api/v1/admin/topics/${topic}`, init: as("GET") } }],
    ["editTopic", { status: 200, request: { path: `/api/v1/admin/topics/${topic}`, init: { ...json({ intro: "导语" }, { "If-Match": "*" }), method: "PATCH" } } }],
    ["placeTopicArticle", { status: 200, request: { path: `/api/v1/admin/topics/${topic}/articles/${published.id}`, init: as("PUT") } }],
    ["listTopicArticles", { status: 200, request: { path: `/api/v1/admin/topics/${topic}/articles`, init: as("GET") } }],
    ["removeTopicArticle", { status: 200, request: { path: `/api/v1/admin/topics/${topic}/articles/${published.id}`, init: as("DELETE") } }],
    ["deleteTopic", { status: 204, request: { path: `/api/v1/admin/topics/${topic}`, init: as("DELETE", { "If-Match": "*" }) } }],
    ["listAudit", { status: 200, request: { path: `/api/v1/admin/audit?article=${draft.id}`, init: as("GET") } }],

    ["signIn", { status: 200, request: { path: "/api/v1/auth/login", init: signInInit({ login: person.login, password: person.password }) } }],
    ["inspectLink", { status: 200, request: { path: "/api/v1/auth/links/inspect", init: signInInit({ token: invited.token }) } }],
    ["completeLink", { status: 200, request: { path: "/api/v1/auth/links/complete", init: signInInit({ token: invited.token, password: "一个足够长的新密码 2026" }) } }],
    ["getMe", { status: 200, request: { path: "/api/v1/admin/me", init: deskInit(person, "GET") } }],
    ["passkeyRegistrationOptions", { status: 200, request: { path: "/api/v1/admin/me/passkeys/options", init: deskInit(person, "POST", {}) } }],
    [
      "addPasskey",
      {
        status: 201,
        request: async () => {
          const options = await post("/api/v1/admin/me/passkeys/options", deskInit(person, "POST", {}));
          const response = await authenticator.register(options as { challenge: string; user: { id: string } }, HERE);
          return { path: "/api/v1/admin/me/passkeys", init: deskInit(person, "POST", { response, name: "办公室电脑" }) };
        },
      },
    ],
    ["passkeySignInOptions", { status: 200, request: { path: "/api/v1/auth/passkey/options", init: signInInit({}) } }],
    [
      "passkeySignIn",
      {
        status: 200,
        request: async () => {
          const options = await post("/api/v1/auth/passkey/options", signInInit({}));
          return { path: "/api/v1/auth/passkey/verify", init: signInInit({ response: await authenticator.assert(options as { challenge: string }, HERE) }) };
        },
      },
    ],
    ["listPasskeys", { status: 200, request: { path: "/api/v1/admin/me/passkeys", init: deskInit(person, "GET") } }],
    ["renamePasskey", { status: 200, request: async () => ({ path: `/api/v1/admin/me/passkeys/${await firstId(person, "passkeys")}`, init: deskInit(person, "PATCH", { name: "手机" }) }) }],
    ["removePasskey", { status: 204, request: async () => ({ path: `/api/v1/admin/me/passkeys/${await firstId(person, "passkeys")}`, init: deskInit(person, "DELETE") }) }],
    ["listSessions", { status: 200, request: { path: "/api/v1/admin/me/sessions", init: deskInit(person, "GET") } }],
    ["endSession", { status: 204, request: async () => ({ path: `/api/v1/admin/me/sessions/${await firstId(person, "sessions", false)}`, init: deskInit(person, "DELETE") }) }],
    ["changePassword", { status: 204, request: { path: "/api/v1/admin/me/password", init: deskInit(leaving, "POST", { current_password: leaving.password, new_password: "另一个足够长的密码 2027" }) } }],
    ["signOut", { status: 204, request: { path: "/api/v1/auth/logout", init: { ...deskInit(person, "POST") } } }],

    ["listStaff", { status: 200, request: { path: "/api/v1/admin/staff?role=author", init: as("GET") } }],
    ["inviteStaff", { status: 201, request: { path: "/api/v1/admin/staff", init: json({ login: uniqueLogin(), display_name: "李娜", role: "author" }) } }],
    ["getStaff", { status: 200, request: { path: s, init: as("GET") } }],
    ["editStaff", { status: 200, request: { path: s, init: { ...json({ display_name: "张伟" }, { "If-Match": "*" }), method: "PATCH" } } }],
    ["issueResetLink", { status: 201, request: { path: `${s}/reset-link`, init: as("POST") } }],
    ["listStaffSessions", { status: 200, request: { path: `${s}/sessions`, init: as("GET") } }],
    ["endStaffSessions", { status: 204, request: { path: `${s}/sessions`, init: as("DELETE") } }],
    ["signOutEverywhere", { status: 204, request: async () => ({ path: "/api/v1/admin/me/sessions", init: deskInit(await makePerson("author"), "DELETE") }) }],
  ];
}

/** The id of `who`'s first passkey, or first session (`current` false: another than this request's). */
async function firstId(who: { cookie: string }, what: "passkeys" | "sessions", current?: boolean): Promise<number> {
  const res = await settledFetch(`${ORIGIN}/api/v1/admin/me/${what}`, { headers: { Cookie: who.cookie } });
  const { items } = await res.json<{ items: { id: number; current?: boolean }[] }>();
  const found = items.find((i) => current === undefined || i.current === current);
  if (!found) throw new Error(`no ${what} to act on`);
  return found.id;
}

describe("the checker these tests rely on", () => {
  const sections = operationsOf(doc).find((o) => o.op.operationId === "listSections");
  if (!sections) throw new Error("no listSections in the document");
  const answer = (status: number, body: unknown) => ({ status, contentType: "application/json", body: JSON.stringify(body) });

  it("refuses an undocumented status, a member the schema does not name, a wrong type and an unknown error code", () => {
    expect(answerProblems(doc, sections, answer(200, { items: [] }))).toEqual([]);
    expect(answerProblems(doc, sections, answer(201, { items: [] }))).toHaveLength(1);
    expect(answerProblems(doc, sections, answer(200, { items: [], total: 1 })).length).toBeGreaterThan(0);
    expect(answerProblems(doc, sections, answer(200, { items: [{ path: "xw", name: 1, url: "/html/xw/", children: [] }] })).length).toBeGreaterThan(0);
    expect(answerProblems(doc, sections, answer(400, { error: { code: "bad_request", message: "x" } }))).toEqual([]);
    expect(answerProblems(doc, sections, answer(400, { error: { code: "version_conflict", message: "x" } })).length).toBeGreaterThan(0);
  });
});

describe("every operation answers what the document says", () => {
  it("answers a valid request with its documented success and a body its schema allows, and refuses it with an unknown parameter", async () => {
    const cases = await validRequests();
    const operations = new Map(operationsOf(doc).map((o) => [o.op.operationId, o]));
    // Adding an operation means adding a request for it here.
    expect(cases.map(([id]) => id).sort()).toEqual([...operations.keys()].sort());
    const problems: string[] = [];
    for (const [id, c] of cases) {
      const documented = operations.get(id);
      if (!documented) continue;
      const { path, init, bindings } = typeof c.request === "function" ? await c.request() : c.request;
      // First with a parameter the operation does not take: refused before anything is done (the list contract).
      const unknown = await settledFetch(`${ORIGIN}${path}${path.includes("?") ? "&" : "?"}colour=red`, { redirect: "manual", ...init }, bindings);
      if (unknown.status !== 400) problems.push(`${id} with ?colour=red: ${unknown.status}, not 400`);
      const answer = await answerOf(await settledFetch(`${ORIGIN}${path}`, { redirect: "manual", ...init }, bindings));
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

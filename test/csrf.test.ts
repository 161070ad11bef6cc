// A browser's credential (the session cookie) changes something only as the desk sends it: JSON (or
// multipart), the desk's header and the site's Origin. A page on another site can send none of those.
// A key needs none of it.
import { beforeAll, describe, expect, it } from "vitest";
import { type ErrorJson, makeSection } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { DESK_HEADERS, ORIGIN, authPost, fetchApp, makePerson, signIn } from "./staff-fixture.ts";

const draft = { section: "csrf", title: "跨站请求测试" };

beforeAll(async () => {
  await makeSection("csrf", "跨站");
});

async function expectCsrf(res: Response) {
  expect(res.status).toBe(403);
  expect(((await res.json()) as ErrorJson).error.code).toBe("csrf");
}

describe("changes on a session cookie", () => {
  const post = (cookie: string, headers: Record<string, string>, body = JSON.stringify(draft)) =>
    fetchApp("/api/v1/admin/articles", { method: "POST", headers: { Cookie: cookie, ...headers }, body });

  it("go through as the desk sends them", async () => {
    const person = await makePerson("author");
    expect((await post(person.cookie, DESK_HEADERS)).status).toBe(201);
  });

  it("are refused from another origin, or with no Origin at all", async () => {
    const person = await makePerson("author");
    await expectCsrf(await post(person.cookie, { ...DESK_HEADERS, Origin: "https://evil.example" }));
    await expectCsrf(await post(person.cookie, { ...DESK_HEADERS, Origin: `${ORIGIN}.evil.example` }));
    await expectCsrf(await post(person.cookie, { ...DESK_HEADERS, Origin: "null" }));
    const { Origin: _origin, ...withoutOrigin } = DESK_HEADERS;
    await expectCsrf(await post(person.cookie, withoutOrigin));
  });

  it("are refused without the desk's header, or with another value", async () => {
    const person = await makePerson("author");
    const { "X-Masthead-Desk": _desk, ...withoutHeader } = DESK_HEADERS;
    await expectCsrf(await post(person.cookie, withoutHeader));
    await expectCsrf(await post(person.cookie, { ...DESK_HEADERS, "X-Masthead-Desk": "yes" }));
  });

  it("are refused with a form's content type, text/plain, or none", async () => {
    const person = await makePerson("author");
    await expectCsrf(await post(person.cookie, { ...DESK_HEADERS, "Content-Type": "application/x-www-form-urlencoded" }, "title=x"));
    await expectCsrf(await post(person.cookie, { ...DESK_HEADERS, "Content-Type": "text/plain" }));
    const { "Content-Type": _type, ...withoutType } = DESK_HEADERS;
    await expectCsrf(await post(person.cookie, withoutType));
  });

  it("are refused for every method that changes something, before anything is looked up", async () => {
    const person = await makePerson("editor");
    for (const [method, path] of [
      ["PATCH", "/api/v1/admin/articles/1"],
      ["DELETE", "/api/v1/admin/articles/1"],
      ["POST", "/api/v1/admin/articles/1/publish"],
      ["DELETE", "/api/v1/admin/me/sessions"],
      ["PUT", "/api/v1/admin/articles/1"],
    ] as const) {
      const res = await fetchApp(path, { method, headers: { Cookie: person.cookie, Origin: "https://evil.example" } });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // The session survived all of that.
    expect((await fetchApp("/api/v1/admin/me", { headers: { Cookie: person.cookie } })).status).toBe(200);
  });

  it("leave reads alone: a GET needs only the cookie", async () => {
    const person = await makePerson("author");
    expect((await fetchApp("/api/v1/admin/articles", { headers: { Cookie: person.cookie } })).status).toBe(200);
  });
});

describe("signing in", () => {
  it("is refused without the desk's header, from another origin, or as a form", async () => {
    const person = await makePerson("author");
    const body = { login: person.login, password: person.password };
    await expectCsrf(await authPost("/login", body, { "X-Masthead-Desk": "" }));
    await expectCsrf(await authPost("/login", body, { Origin: "https://evil.example" }));
    await expectCsrf(await authPost("/login", body, { "Content-Type": "application/x-www-form-urlencoded" }));
    await expectCsrf(await authPost("/logout", {}, { Origin: "https://evil.example", Cookie: person.cookie }));
    expect((await signIn(person.login, person.password)).status).toBe(200);
  });
});

describe("keys", () => {
  it("need none of it: no desk header, no Origin, from anywhere", async () => {
    const { headers } = await makeKey("author");
    const res = await fetchApp("/api/v1/admin/articles", {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json", Origin: "https://tools.example" },
      body: JSON.stringify(draft),
    });
    expect(res.status).toBe(201);
  });

  it("win over a cookie sent alongside: the key is the actor", async () => {
    const person = await makePerson("admin");
    const { headers, key } = await makeKey("author");
    const res = await fetchApp("/api/v1/admin/staff", { headers: { ...headers, Cookie: person.cookie } });
    expect(res.status).toBe(403);
    const created = await fetchApp("/api/v1/admin/articles", {
      method: "POST",
      headers: { ...headers, Cookie: person.cookie, "Content-Type": "application/json" },
      body: JSON.stringify(draft),
    });
    expect(created.status).toBe(201);
    expect(key.role).toBe("author");
  });
});

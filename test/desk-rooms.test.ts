// The desk's rooms for signed-in people: who gets in where, what each list shows and filters, and signing in
// and out with the plain forms (no JavaScript). People are made as the newsroom makes them (staff-fixture.ts).
import { describe, expect, it } from "vitest";
import { makeSection, uniqueSlug } from "./fixtures.ts";
import { makeKey, uniqueClientIp } from "./keys-fixture.ts";
import { ORIGIN, type Person, desk, fetchApp, makePerson, sessionCookieOf } from "./staff-fixture.ts";
import { one, select, texts } from "./html.ts";

/** A desk page as a browser asks for it, redirects not followed. */
const page = (person: Person | null, path: string) =>
  fetchApp(path, { redirect: "manual", headers: { Accept: "text/html", ...(person && { Cookie: person.cookie }) } });

/** Posts the sign-in form as a browser does: urlencoded, from this site's page. */
const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetchApp(path, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: ORIGIN, "CF-Connecting-IP": uniqueClientIp(), ...headers },
    body: new URLSearchParams(fields).toString(),
  });

/** An article written by `person` through the admin API, as the desk's editor will. */
async function write(person: Person, section: string, title: string): Promise<number> {
  const res = await desk(person, "POST", "/api/v1/admin/articles", { section, title, body: "正文。" });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

describe("getting into the desk", () => {
  it("sends someone not signed in to 登录, and back to the page afterwards", async () => {
    const res = await page(null, "/desk/audit?action=article.publish");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe(`/desk/login?next=${encodeURIComponent("/desk/audit?action=article.publish")}`);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("says a session ended when its cookie no longer names one", async () => {
    const res = await fetchApp("/desk", { headers: { Cookie: `__Host-masthead_session=${"A".repeat(43)}` }, redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/desk/login?next=%2Fdesk&expired=1");
  });

  it("opens no desk page to an API key: keys are for tools, the desk for people", async () => {
    const { headers } = await makeKey("admin");
    const res = await fetchApp("/desk/keys", { headers, redirect: "manual" });
    expect(res.status).toBe(303);
  });

  it("answers a room the role does not open with a 403 page inside the desk's frame", async () => {
    const author = await makePerson("author", { displayName: "李记者" });
    for (const path of ["/desk/staff", "/desk/keys", "/desk/audit"]) {
      const res = await page(author, path);
      expect(res.status, path).toBe(403);
      const html = await res.text();
      expect((await one(html, "h1")).text).toBe("没有权限");
      expect((await one(html, ".who span")).text).toBe("李记者（作者）");
    }
  });

  it("keeps every other desk path for signed-in people, and answers one that is not there inside the frame", async () => {
    expect((await page(null, "/desk/articles/new")).status).toBe(303);
    const editor = await makePerson("editor", { displayName: "孙编辑" });
    const res = await page(editor, "/desk/articles/new");
    expect(res.status).toBe(404);
    const html = await res.text();
    expect((await one(html, "h1")).text).toBe("找不到这个页面");
    expect((await one(html, ".who form button")).text).toBe("退出登录");
  });

  it("sends a signed-in person asking for 登录 straight on", async () => {
    const editor = await makePerson("editor");
    const res = await page(editor, "/desk/login?next=%2Fdesk%2Faudit");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/desk/audit");
  });
});

describe("登录 and 退出登录 as plain forms", () => {
  it("signs in with 登录名 and 密码 and goes on to the page asked for, with the session cookie", async () => {
    const person = await makePerson("author");
    const res = await postForm("/desk/login", { login: person.login.toUpperCase(), password: person.password, next: "/desk/account" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/desk/account");
    const cookie = sessionCookieOf(res);
    expect(cookie).not.toBeNull();
    expect(res.headers.get("Set-Cookie")).toMatch(/HttpOnly.*Secure|Secure.*HttpOnly/);
    expect((await fetchApp("/desk/account", { headers: { Cookie: cookie ?? "" } })).status).toBe(200);
  });

  it("says a wrong password plainly, keeps the 登录名, and never goes elsewhere than the desk", async () => {
    const person = await makePerson("author");
    const res = await postForm("/desk/login", { login: person.login, password: "not the password", next: "https://evil.example/" });
    expect(res.status).toBe(401);
    expect(sessionCookieOf(res)).toBeNull();
    const html = await res.text();
    expect((await one(html, "[role=alert]")).text).toBe("登录名或密码不正确。");
    expect((await one(html, "#login")).attrs.value).toBe(person.login);
    expect((await one(html, "input[name=next]")).attrs.value).toBe("/desk");
  });

  it("says an account is locked, and until when, after too many wrong passwords", async () => {
    const person = await makePerson("author");
    // Each from its own address: it is the account that locks (SIGN_IN_MAX_FAILURES = 10).
    for (let i = 0; i < 10; i++) expect((await postForm("/desk/login", { login: person.login, password: `wrong ${i}` })).status).toBe(401);
    const res = await postForm("/desk/login", { login: person.login, password: person.password });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await one(await res.text(), "[role=alert]")).text).toMatch(/^登录失败的次数过多，已暂时锁定。请在 \d{4}年\d{2}月\d{2}日 \d{2}:\d{2} 之后再试。$/);
  });

  it("refuses a form posted from another site", async () => {
    const person = await makePerson("author");
    const res = await postForm("/desk/login", { login: person.login, password: person.password }, { Origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(sessionCookieOf(res)).toBeNull();
    const out = await fetchApp("/desk/logout", { method: "POST", redirect: "manual", headers: { Cookie: person.cookie, Origin: "https://evil.example" } });
    expect(out.status).toBe(403);
    expect((await page(person, "/desk")).status).toBe(200);
  });

  it("退出登录 ends the session and clears the cookie; the page then asks to sign in again", async () => {
    const person = await makePerson("author");
    const res = await fetchApp("/desk/logout", { method: "POST", redirect: "manual", headers: { Cookie: person.cookie, Origin: ORIGIN } });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/desk/login?signed_out=1");
    expect(res.headers.get("Set-Cookie")).toMatch(/^__Host-masthead_session=;/);
    const after = await page(person, "/desk");
    expect(after.status).toBe(303);
    expect(after.headers.get("Location")).toContain("expired=1");
  });
});

describe("文章", () => {
  it("lists what was written, newest change first, with its author and who changed it last", async () => {
    const section = uniqueSlug("dk");
    await makeSection(section, "桌面测试");
    const author = await makePerson("author", { displayName: "李记者" });
    const first = await write(author, section, "第一篇");
    const second = await write(author, section, "第二篇");
    const html = await (await page(author, `/desk?section=${section}`)).text();
    expect((await select(html, ".row h3 a")).map((a) => a.attrs.href)).toEqual([`/desk/articles/${second}`, `/desk/articles/${first}`]);
    expect(await texts(html, ".row:first-child .facts dd")).toEqual([
      "草稿",
      "桌面测试",
      "李记者",
      expect.stringMatching(/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}（李记者）$/),
    ]);
  });

  it("filters by status, section and author, all at once, as a plain GET form sends them", async () => {
    const section = uniqueSlug("df");
    await makeSection(section, "筛选");
    const one_ = await makePerson("author", { displayName: "甲" });
    const two = await makePerson("author", { displayName: "乙" });
    await write(one_, section, "甲的稿子");
    await write(two, section, "乙的稿子");
    const html = await (await page(one_, `/desk?q=&status=draft&section=${section}&author=${one_.staff.id}`)).text();
    expect(await texts(html, ".row h3")).toEqual(["甲的稿子"]);
    expect((await one(html, "#f-author option[selected]")).text).toBe("甲");
    const none = await (await page(one_, `/desk?status=published&section=${section}`)).text();
    expect(await texts(none, ".empty")).toEqual(["没有符合条件的文章。"]);
  });

  it("searches with the admin search, every state", async () => {
    const section = uniqueSlug("ds");
    await makeSection(section, "搜索");
    const editor = await makePerson("editor");
    const word = `桌面${crypto.randomUUID().slice(0, 6)}`;
    await write(editor, section, `${word}新闻`);
    const html = await (await page(editor, `/desk?q=${encodeURIComponent(word)}`)).text();
    expect(await texts(html, ".row h3")).toEqual([`${word}新闻`]);
    expect((await one(html, "p.hint")).text).toBe("找到 1 篇，按相关度排列。");
  });

  it("pages forward by cursor, and refuses a cursor it did not make", async () => {
    const section = uniqueSlug("dp");
    await makeSection(section, "翻页");
    const editor = await makePerson("editor");
    for (let i = 0; i < 31; i++) await write(editor, section, `第${i}篇`);
    const first = await (await page(editor, `/desk?section=${section}`)).text();
    expect(await select(first, ".row")).toHaveLength(30);
    const next = (await one(first, "a[rel=next]")).attrs.href ?? "";
    const second = await (await page(editor, next)).text();
    expect(await texts(second, ".row h3")).toEqual(["第0篇"]);
    expect(await select(second, "a[rel=next]")).toEqual([]);
    expect((await page(editor, `/desk?cursor=nonsense`)).status).toBe(400);
    expect((await page(editor, `/desk?colour=red`)).status).toBe(400);
  });
});

describe("员工, API 密钥, 操作日志 and 我的账户", () => {
  it("show an admin the newsroom's people, a person's sessions, the keys and the log", async () => {
    const admin = await makePerson("admin", { displayName: "王管理" });
    const member = await makePerson("editor", { displayName: "赵编辑" });
    const staff = await (await page(admin, `/desk/staff`)).text();
    expect(await texts(staff, ".row h3 a")).toContain("赵编辑");
    const person = await (await page(admin, `/desk/staff/${member.staff.id}`)).text();
    expect((await one(person, "h1")).text).toBe("赵编辑");
    expect(await select(person, "section[aria-labelledby=sessions-title] .row")).toHaveLength(1);
    const { key } = await makeKey("editor", "桌面测试密钥");
    const keys = await (await page(admin, "/desk/keys")).text();
    expect(await texts(keys, ".row h3")).toContain(key.name);
    const audit = await (await page(admin, `/desk/audit?actor=${member.staff.id}`)).text();
    expect(await texts(audit, ".row h3")).toEqual(["赵编辑 接受邀请、设置密码"]);
    expect((await page(admin, "/desk/staff/999999999")).status).toBe(404);
  });

  it("shows me my account: my details, my passkeys (none yet) and this session as the current one", async () => {
    const me = await makePerson("author", { displayName: "钱记者" });
    const html = await (await page(me, "/desk/account")).text();
    expect((await one(html, "#me-title")).text).toBe("钱记者");
    expect(await texts(html, "section[aria-labelledby=passkeys-title] .empty")).toEqual(["还没有通行密钥。"]);
    expect(await texts(html, "section[aria-labelledby=sessions-title] h3")).toEqual([expect.stringMatching(/（当前设备）$/)]);
  });
});

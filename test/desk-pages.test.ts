// The desk's pages as a browser gets them before signing in: 登录 and the link landing, their words and
// controls, and the headers every /desk answer carries (no cache, no index, no frame, scripts only from files).
import { describe, expect, it } from "vitest";
import { MANIFEST } from "../src/desk/scripts.ts";
import { get, one, select, texts } from "./html.ts";

const PRIVATE_NO_STORE = "private, no-store";

describe("every desk answer", () => {
  it.each(["/desk/login", "/desk/welcome", "/desk/no-such-room"])("%s is private, unstored, unindexed and unframeable", async (path) => {
    const res = await get(path);
    expect(res.headers.get("Cache-Control")).toBe(PRIVATE_NO_STORE);
    expect(res.headers.get("X-Robots-Tag")).toBe("noindex, nofollow");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    await res.arrayBuffer();
  });

  it("leaves the reader site's own policy alone: no scripts at all there", async () => {
    const res = await get("/desktop");
    expect(res.headers.get("Content-Security-Policy")).toContain("script-src 'none'");
    expect(res.headers.get("X-Robots-Tag")).toBeNull();
    await res.arrayBuffer();
  });
});

describe("登录", () => {
  it("has 登录名 and 密码, a 登录 button and 使用通行密钥登录, and no inline script or style", async () => {
    const res = await get("/desk/login");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(await texts(html, "label")).toEqual(["登录名", "密码"]);
    expect((await one(html, "#login")).attrs.autocomplete).toBe("username");
    expect((await one(html, "#password")).attrs.type).toBe("password");
    expect(await texts(html, "button")).toEqual(["登录", "使用通行密钥登录"]);
    const form = await one(html, "form");
    expect(form.attrs).toMatchObject({ method: "post", action: "/desk/login" });
    // The page's only script is its hashed module; nothing inline for the CSP to refuse.
    const scripts = await select(html, "script");
    expect(scripts.map((s) => s.attrs.src)).toEqual([MANIFEST.scripts.login?.src]);
    expect(scripts.every((s) => s.text === "")).toBe(true);
    expect(await select(html, "[style]")).toEqual([]);
    expect(await select(html, "[onclick], [onsubmit], [onload]")).toEqual([]);
  });

  it("goes back only into the desk after signing in", async () => {
    const next = async (asked: string) => (await one(await (await get(`/desk/login?next=${encodeURIComponent(asked)}`)).text(), "input[name=next]")).attrs.value;
    expect(await next("/desk/staff?state=active")).toBe("/desk/staff?state=active");
    for (const elsewhere of ["//evil.example/desk", "https://evil.example/", "/deskevil", "/desk\\@evil", "/desk/login", "/"]) {
      expect(await next(elsewhere), elsewhere).toBe("/desk");
    }
  });

  it("says an expired session ended, and a sign-out happened", async () => {
    const expired = await (await get("/desk/login?expired=1")).text();
    expect((await one(expired, "[role=alert]")).text).toBe("登录已过期或已在别处结束，请重新登录。");
    const out = await (await get("/desk/login?signed_out=everywhere")).text();
    expect((await one(out, "[role=status]")).text).toBe("您已退出所有设备上的登录。");
    expect((await one(out, "[role=alert]")).text).toBe("");
  });
});

describe("设置密码 (an invitation's or a reset's link)", () => {
  it("shows the password rule before the fields, and keeps the form for its script (the token is in the fragment)", async () => {
    const html = await (await get("/desk/welcome")).text();
    expect((await one(html, "h1")).text).toBe("设置密码");
    expect((await one(html, "#password-rule")).text).toContain("至少 10 个字符");
    expect((await one(html, "#new-password")).attrs["aria-describedby"]).toBe("password-rule");
    expect(await texts(html, "form label")).toEqual(["新密码", "再输入一次新密码"]);
    expect((await one(html, "noscript")).text).toContain("需要启用 JavaScript");
    expect((await select(html, "script")).map((s) => s.attrs.src)).toEqual([MANIFEST.scripts.welcome?.src]);
  });
});

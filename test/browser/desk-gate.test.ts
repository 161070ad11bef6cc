// The desk's doors in Chromium before anyone signs in: 登录 and the link landing read and work at both widths
// with no accessibility violations, their scripts load under the desk's CSP from the static assets, and only
// the hashed asset paths are served by the assets (everything else by the Worker).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { VIEWPORTS, connect, deskUnderTest, newContext, violations } from "./harness.ts";

const desk = deskUnderTest();

/** Everything the page reported as wrong: script errors, refused loads, CSP violations. */
function complaints(page: Page): string[] {
  const seen: string[] = [];
  page.on("pageerror", (err) => seen.push(`error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.push(`console: ${msg.text()}`);
  });
  return seen;
}

describe.skipIf(desk === null)("the desk's doors", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of VIEWPORTS) {
    it(`登录 and 设置密码 have no WCAG 2.2 AA violations at ${width.width} px`, async () => {
      if (!desk) return;
      const context = await newContext(browser, desk, width);
      const page = await context.newPage();
      await page.goto("/desk/login");
      await expect.poll(() => page.getByRole("button", { name: "使用通行密钥登录" }).isVisible()).toBe(true);
      expect(await violations(page, "登录")).toEqual([]);
      await page.goto("/desk/welcome");
      await page.getByRole("alert").filter({ hasText: "链接无效" }).waitFor();
      expect(await violations(page, "设置密码 without a token")).toEqual([]);
      await context.close();
    });
  }

  it("loads 登录's script from the static assets under the desk's CSP, with nothing refused", async () => {
    if (!desk) return;
    const context = await newContext(browser, desk);
    const page = await context.newPage();
    const seen = complaints(page);
    const scripts: string[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") scripts.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
    await page.goto("/desk/login");
    // The passkey button is hidden until the script has run and found WebAuthn.
    await page.getByRole("button", { name: "使用通行密钥登录" }).waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toMatch(/^200 \/desk\/assets\/[\w-]+\.[A-Z0-9]{8}\.js$/);
    expect(seen).toEqual([]);
    await context.close();
  });

  it("keyboard alone signs in: 登录名, 密码 and 登录 are reached by Tab in that order", async () => {
    if (!desk) return;
    const context = await newContext(browser, desk);
    const page = await context.newPage();
    await page.goto("/desk/login");
    await page.getByRole("button", { name: "使用通行密钥登录" }).waitFor();
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate("(document.activeElement.labels?.[0] ?? document.activeElement).textContent.trim()"));
    }
    expect(order).toEqual(["登录名", "密码", "登录", "使用通行密钥登录"]);
    await context.close();
  });
});

describe.skipIf(desk === null)("what the static assets answer", () => {
  it("serves a hashed script with a year's immutable caching, without the Worker (no desk headers)", async () => {
    if (!desk) return;
    const login = await (await fetch(`${desk.origin}/desk/login`)).text();
    const src = /<script type="module" src="([^"]+)"/.exec(login)?.[1];
    expect(src).toMatch(/^\/desk\/assets\//);
    const res = await fetch(`${desk.origin}${src}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("Content-Security-Policy")).toBeNull();
  });

  it("answers a name no build made with the assets' 404, never the Worker's", async () => {
    if (!desk) return;
    const res = await fetch(`${desk.origin}/desk/assets/login.AAAAAAAA.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Security-Policy")).toBeNull();
  });

  it("leaves every other path, under /desk and elsewhere, to the Worker", async () => {
    if (!desk) return;
    for (const path of ["/desk/login", "/", "/desk/assets"]) {
      const res = await fetch(`${desk.origin}${path}`, { redirect: "manual" });
      expect(res.headers.get("Content-Security-Policy"), path).not.toBeNull();
    }
  });
});

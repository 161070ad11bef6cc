// axe-core's WCAG 2.2 A and AA rules on every desk page, signed in as an admin (who sees every room) and as
// an author turned away from one, at 390 px and 1280 px, each page as its script leaves it, under its CSP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { VIEWPORTS, connect, deskUnderTest, newContext, violations } from "./harness.ts";
import { invite, setPasswordFromLink, signOut } from "./people.ts";

const desk = deskUnderTest();

/** Goes to `path` (answering `status`) and returns the page's violations once it has loaded and run its script. */
async function check(page: Page, path: string, status = 200): Promise<string[]> {
  const res = await page.goto(path, { waitUntil: "load" });
  if (res?.status() !== status) throw new Error(`${path} answered ${res?.status()}, not ${status}`);
  return violations(page, path);
}

describe.skipIf(desk === null)("every desk page, for axe-core", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of VIEWPORTS) {
    it(`has no WCAG 2.2 A/AA violations at ${width.width} px`, async () => {
      if (!desk) return;
      const found: string[] = [];
      const admin = await invite(desk, "admin", "无障碍管理员");
      const context = await newContext(browser, desk, width);
      const page = await context.newPage();

      await page.goto(admin.link);
      await page.getByLabel("新密码", { exact: true }).waitFor();
      found.push(...(await violations(page, "设置密码")));
      await setPasswordFromLink(page, admin);
      found.push(...(await violations(page, "设置密码, done")));

      for (const path of ["/desk", "/desk?q=%E5%B2%9A%E6%B1%9F", "/desk?status=published&section=xw", "/desk/staff", `/desk/staff/${admin.id}`, "/desk/keys", "/desk/audit", "/desk/account"]) {
        found.push(...(await check(page, path)));
      }
      // A secret shown once, and an error said in the alert region.
      await page.goto("/desk/keys");
      await page.getByLabel("名称", { exact: true }).fill("无障碍检查");
      await page.getByRole("button", { name: "新建密钥" }).click();
      await page.getByRole("button", { name: "复制密钥" }).waitFor();
      found.push(...(await violations(page, "/desk/keys, a new secret")));
      await page.goto("/desk/account");
      await page.getByLabel("当前密码").fill("not it");
      await page.getByLabel("新密码", { exact: true }).fill("a new password 1");
      await page.getByLabel("再输入一次新密码").fill("a different one 2");
      await page.getByRole("button", { name: "修改密码" }).click();
      await page.getByRole("alert").filter({ hasText: "两次输入的新密码不一致。" }).waitFor();
      found.push(...(await violations(page, "/desk/account, an error")));
      found.push(...(await check(page, "/desk/no-such-room", 404)));
      // 推荐位 and 专题: the lists, a slot with its items as controls (幻灯: with 图片) and search hits, a topic.
      found.push(...(await check(page, "/desk/slots")));
      await check(page, "/desk/slots/huandeng");
      await page.getByLabel("图片").first().waitFor();
      await page.getByLabel("搜索已发布的文章").fill("岚江");
      await page.getByRole("button", { name: "搜索", exact: true }).click();
      await page.getByRole("status").filter({ hasText: /找到/ }).waitFor();
      found.push(...(await violations(page, "/desk/slots/huandeng, with hits")));
      found.push(...(await check(page, "/desk/topics")));
      await check(page, "/desk/topics/chengshi-gengxin");
      await page.getByRole("button", { name: "保存分组" }).waitFor();
      found.push(...(await violations(page, "/desk/topics/chengshi-gengxin")));

      await signOut(page);
      found.push(...(await violations(page, "/desk/login, signed out")));
      await page.getByLabel("登录名").fill(admin.login);
      await page.getByLabel("密码").fill("wrong password!");
      await page.getByRole("button", { name: "登录", exact: true }).click();
      await page.getByRole("alert").filter({ hasText: "不正确" }).waitFor();
      found.push(...(await violations(page, "/desk/login, a wrong password")));
      await context.close();

      const author = await invite(desk, "author", "无障碍作者");
      const authorContext = await newContext(browser, desk, width);
      const authorPage = await authorContext.newPage();
      await setPasswordFromLink(authorPage, author);
      found.push(...(await check(authorPage, "/desk/staff", 403)));
      found.push(...(await check(authorPage, "/desk/slots", 403)));
      await authorContext.close();

      expect(found).toEqual([]);
    });
  }
});

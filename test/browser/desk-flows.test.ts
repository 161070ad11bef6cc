// The desk as people use it, in Chromium: invited, they set a password from their link and are signed in,
// see the newsroom's articles, sign out and in again; a passkey added on 我的账户 signs them in on 登录
// through Chromium's virtual authenticator; an admin makes and revokes a key. Controls are found by their
// role and accessible name, as a person finds them; every wait is for something on the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connect, deskUnderTest, newContext } from "./harness.ts";
import { type Newcomer, addVirtualAuthenticator, invite, setPasswordFromLink, signInWithForm, signOut } from "./people.ts";

const desk = deskUnderTest();

describe.skipIf(desk === null)("people at the desk", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A page in a fresh context (no cookies): a new person at a new browser. */
  async function freshPage(): Promise<Page> {
    if (!desk) throw new Error("no desk");
    return (await newContext(browser, desk)).newPage();
  }

  it("invite → set password → sign in → see the list → sign out", async () => {
    if (!desk) return;
    const newcomer: Newcomer = await invite(desk, "editor", "周编辑");
    const page = await freshPage();
    await setPasswordFromLink(page, newcomer);
    // Setting the password signed them in: the desk opens.
    await page.getByRole("link", { name: "进入编辑部" }).click();
    await page.getByRole("heading", { level: 1, name: "文章" }).waitFor();
    await signOut(page);
    await expect.poll(() => page.getByRole("status").textContent()).toBe("您已退出登录。");

    // A wrong password is said plainly, and the 登录名 stays.
    await page.getByLabel("登录名").fill(newcomer.login);
    await page.getByLabel("密码").fill("not my password");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await page.getByRole("alert").filter({ hasText: "登录名或密码不正确。" }).waitFor();
    expect(await page.getByLabel("登录名").inputValue()).toBe(newcomer.login);

    await signInWithForm(page, newcomer);
    await page.getByRole("heading", { level: 1, name: "文章" }).waitFor();
    // The demo's articles, each a link to its editor page, with what the newsroom needs to know of it.
    const rows = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.first().getByRole("link").getAttribute("href")).toMatch(/^\/desk\/articles\/\d+$/);
    for (const fact of ["状态", "栏目", "作者", "最后修改"]) expect(await rows.first().getByRole("term").filter({ hasText: fact }).count()).toBe(1);
    await expect.poll(() => page.getByRole("banner").textContent()).toContain("周编辑（编辑）");

    // The filters are a plain form: 已发布 in 新闻's 党政要闻.
    await page.getByLabel("状态").selectOption({ label: "已发布" });
    await page.getByRole("button", { name: "筛选" }).click();
    await page.waitForURL(/status=published/);
    for (const status of await page.locator("dd .status").allTextContents()) expect(status).toBe("已发布");

    await signOut(page);
    await page.goto("/desk");
    await page.waitForURL(/\/desk\/login\?next=%2Fdesk/);
    // The link worked once: opened again, it says so, and offers no form.
    await page.goto(newcomer.link);
    await page.getByRole("alert").filter({ hasText: "这个链接已经用过了" }).waitFor();
    expect(await page.getByLabel("新密码", { exact: true }).isVisible()).toBe(false);
    await page.context().close();
  });

  it("a passkey added on 我的账户 signs in on 登录 (Chromium's virtual authenticator)", async () => {
    if (!desk) return;
    const newcomer = await invite(desk, "author", "吴记者");
    const page = await freshPage();
    await addVirtualAuthenticator(page);
    await setPasswordFromLink(page, newcomer);
    await page.goto("/desk/account");
    await page.getByLabel("新通行密钥的名称").fill("测试电脑");
    await page.getByRole("button", { name: "添加通行密钥" }).click();
    // The page reloads to show it, and says so.
    await page.getByRole("status").filter({ hasText: "通行密钥“测试电脑”已添加。" }).waitFor();
    await page.getByRole("heading", { level: 3, name: "测试电脑" }).waitFor();

    await signOut(page);
    await page.getByRole("button", { name: "使用通行密钥登录" }).click();
    await page.waitForURL((url) => url.pathname === "/desk");
    await page.getByRole("heading", { level: 1, name: "文章" }).waitFor();
    await expect.poll(() => page.getByRole("banner").textContent()).toContain("吴记者（作者）");
    // Its use is recorded: 我的账户 no longer says it was never used.
    await page.goto("/desk/account");
    const passkey = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "测试电脑" }) });
    expect(await passkey.textContent()).not.toContain("从未使用");
    await page.context().close();
  });

  it("an admin makes an API key, sees its secret once, and revokes it", async () => {
    if (!desk) return;
    const admin = await invite(desk, "admin", "郑管理");
    const page = await freshPage();
    await setPasswordFromLink(page, admin);
    await page.goto("/desk/keys");
    const name = `采集脚本 ${admin.login.slice(-4)}`;
    await page.getByLabel("名称").fill(name);
    await page.getByLabel("角色").selectOption({ label: "作者" });
    await page.getByRole("button", { name: "新建密钥" }).click();
    const secret = page.locator("[data-secret] code");
    await secret.waitFor();
    expect(await secret.textContent()).toMatch(/^mh_[a-z0-9]{8}_/);
    await page.getByRole("button", { name: "复制密钥" }).waitFor();

    await page.reload();
    expect(await page.locator("[data-secret] code").count()).toBe(0);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: `吊销“${name}”` }).click();
    await page.getByRole("status").filter({ hasText: `已吊销“${name}”。` }).waitFor();
    const row = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
    expect(await row.textContent()).toContain("已吊销");
    expect(await row.getByRole("button").count()).toBe(0);
    await page.context().close();
  });

  it("an admin invites someone from 员工 and sees the link once, then changes their role", async () => {
    if (!desk) return;
    const admin = await invite(desk, "admin", "冯管理");
    const page = await freshPage();
    await setPasswordFromLink(page, admin);
    await page.goto("/desk/staff");
    const login = `chen${admin.login.slice(-6)}`;
    await page.getByLabel("登录名").fill(login);
    await page.getByLabel("姓名").fill("陈实习");
    await page.getByLabel("角色").selectOption({ label: "作者" });
    await page.getByRole("button", { name: "发送邀请" }).click();
    const link = page.locator("[data-link] code");
    await link.waitFor();
    expect(await link.textContent()).toMatch(new RegExp(`^${desk.origin}/desk/welcome#token=`));

    await page.reload();
    await page.getByRole("link", { name: "陈实习" }).click();
    await page.getByRole("heading", { level: 1, name: "陈实习" }).waitFor();
    await page.getByLabel("角色").selectOption({ label: "编辑" });
    await page.getByRole("button", { name: "保存角色" }).click();
    await page.getByRole("status").filter({ hasText: "角色已更改" }).waitFor();
    expect(await page.getByRole("definition").filter({ hasText: "编辑" }).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

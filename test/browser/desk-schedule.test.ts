// 定时发布 and 立即发布 on the editor's page, as an editor uses them, found by attacking the desk: each button
// must do what its confirmation says — schedule for the Beijing time typed (whatever the browser's own time
// zone), publish a scheduled article now, and after 撤稿 (which says it cancels the schedule) publish now.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connect, deskUnderTest } from "./harness.ts";
import { makeArticle, readArticle, signedIn } from "./editor-people.ts";
import { invite, setPasswordFromLink } from "./people.ts";

const desk = deskUnderTest();

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");

/** What the page said after a step: its first message, good or bad, once there is one (not `before`, an earlier step's). */
async function said(page: Page, before = "\u0000"): Promise<string> {
  const message = page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: /\S/ }).filter({ hasNotText: before }).first();
  await message.waitFor();
  return (await message.textContent()) ?? "";
}

/** Tomorrow's date in Beijing, as a datetime-local input takes it. */
const beijingTomorrow = () => new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);

describe.skipIf(desk === null)("定时发布 on the editor's page", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("schedules the article for the Beijing time typed, from a browser in New York", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "定时发布测试", body: "正文。" });
    // A person whose computer keeps New York time: the input still means Beijing time, as its label says.
    const who = await invite(desk, "editor", "纽约的编辑");
    const context = await browser.newContext({ baseURL: desk.origin, locale: "zh-CN", timezoneId: "America/New_York" });
    const ny = await context.newPage();
    ny.on("dialog", (dialog) => void dialog.accept());
    await setPasswordFromLink(ny, who);
    await ny.goto(`/desk/articles/${article.id}`);
    const day = beijingTomorrow();
    await ny.getByLabel("定时发布时间（北京时间）").fill(`${day}T09:30`);
    await ny.getByRole("button", { name: "定时发布" }).click();
    expect(await said(ny)).toContain("已定时");
    const now = await readArticle(desk, article.id);
    expect(now.status).toBe("scheduled");
    expect((now as unknown as { publish_at: string }).publish_at).toBe(`${day}T09:30:00+08:00`);
  });

  it("立即发布 publishes a scheduled article now", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "定时稿立即发布", body: "正文。", status: "published", publish_at: tomorrow() });
    expect(article.status).toBe("scheduled");
    const { page } = await signedIn(browser, desk, "editor", "立即发布编辑");
    await page.goto(`/desk/articles/${article.id}`);
    await page.getByRole("button", { name: "立即发布" }).click();
    expect(await said(page)).toContain("已发布，读者现在可以看到：");
    expect((await readArticle(desk, article.id)).status).toBe("published");
    expect((await fetch(`${desk.origin}${article.url}`)).status).toBe(200);
  });

  it("发布 after 撤稿 of a scheduled article publishes it now: 撤稿 said the schedule was cancelled", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "撤稿后发布", body: "正文。", status: "published", publish_at: tomorrow() });
    const { page } = await signedIn(browser, desk, "editor", "撤稿编辑");
    await page.goto(`/desk/articles/${article.id}`);
    await page.getByRole("button", { name: "撤稿" }).click();
    await page.getByRole("status").filter({ hasText: "已撤稿" }).waitFor();
    await page.getByRole("button", { name: "发布", exact: true }).click();
    expect(await said(page, "已撤稿")).toContain("已发布，读者现在可以看到：");
    expect((await readArticle(desk, article.id)).status).toBe("published");
    expect((await fetch(`${desk.origin}${article.url}`)).status).toBe(200);
  });
});

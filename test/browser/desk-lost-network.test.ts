// 发布 when the network lets a person down, found by attacking the desk: a publish whose answer was lost on the
// way back, clicked again, and 发布 clicked while offline. What the page says must be true: not that a
// colleague changed the article when it was the person's own click, nor that the article needs a section and
// a title when it has both and the network is what is missing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { connect, deskUnderTest } from "./harness.ts";
import { makeArticle, readArticle, signedIn } from "./editor-people.ts";

const desk = deskUnderTest();

/** What the page says after a step: its first message, good or bad, once there is one. */
async function said(page: Page): Promise<string> {
  const message = page.getByRole("status").or(page.getByRole("alert")).filter({ hasText: /\S/ }).first();
  await message.waitFor();
  return (await message.textContent()) ?? "";
}

describe.skipIf(desk === null)("发布 on a bad network", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a publish whose answer was lost, clicked again, says it is published, not that someone else changed it", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "断网发布", body: "正文。" });
    const { page, who } = await signedIn(browser, desk, "editor", "断网编辑");
    await page.goto(`/desk/articles/${article.id}`);
    // The request reaches the server; its answer never reaches the page.
    await page.route("**/publish", async (route) => {
      await route.fetch();
      await route.abort("internetdisconnected");
    }, { times: 1 });
    await page.getByRole("button", { name: "发布", exact: true }).click();
    expect(await said(page)).toContain("网络");
    expect((await readArticle(desk, article.id)).status).toBe("published");
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await page.getByText(/已发布|修改了这篇文章/).first().waitFor();
    expect(await page.getByText(`${who.displayName} 于`).count()).toBe(0);
    // The conflict box is on the page from the start, hidden: it must stay hidden.
    expect(await page.getByText("别人已修改了这篇文章").isVisible()).toBe(false);
    expect(await page.getByText("已发布，读者现在可以看到：").count()).toBeGreaterThan(0);
  });

  it("发布 while offline says the network is down, not that a section and title are missing", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "离线发布", body: "正文。" });
    const { page } = await signedIn(browser, desk, "editor", "离线编辑");
    await page.goto(`/desk/articles/${article.id}`);
    await page.context().setOffline(true);
    await page.getByLabel("正文（Markdown）").fill("离线时写的一句话。");
    await page.getByRole("button", { name: "发布", exact: true }).click();
    const message = await said(page);
    await page.context().setOffline(false);
    expect(message).not.toContain("栏目和标题");
    expect(message).toContain("网络");
  });
});

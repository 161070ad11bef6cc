// Who else is here, as two people on the desk see it: 王五 has an article open with words not yet saved; 钱编辑
// sees "王五 正在编辑" on the list and in the editor, and takes it over (接管编辑). At 王五's next heartbeat his
// editor says who took over, stops autosaving, and keeps his words in this browser and on the clipboard.
// axe-core on both screens, at both widths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { VIEWPORTS, connect, deskUnderTest, violations } from "./harness.ts";
import { makeArticle, readArticle, signedIn } from "./editor-people.ts";

const desk = deskUnderTest();

describe.skipIf(desk === null)("接管编辑", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of VIEWPORTS) {
    it(`shows who is editing on the list, takes the article over, and the other editor keeps their words (${width.width} px)`, async () => {
      if (!desk) return;
      const title = `接管测试 ${width.width}`;
      // A published article: its editor never autosaves (a half sentence must not go live), so what 王五 types
      // is still only on his screen when the takeover reaches him, whatever the clocks do.
      const article = await makeArticle(desk, { title, body: "原来的正文。", status: "published" });
      const wang = await signedIn(browser, desk, "editor", "王五", width);
      const qian = await signedIn(browser, desk, "editor", "钱编辑", width);
      const found: string[] = [];
      await wang.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
      // 王五's clock is the test's: his next heartbeat comes when the test moves time on.
      await wang.page.clock.install();
      const arrived = wang.page.waitForResponse((r) => r.url().endsWith(`/${article.id}/presence`) && r.request().method() === "PUT");
      await wang.page.goto(`/desk/articles/${article.id}`);
      await arrived;
      await wang.page.getByLabel("正文（Markdown）").fill("原来的正文。王五还没保存的一段。");

      await qian.page.goto("/desk");
      const row = qian.page.getByRole("listitem").filter({ has: qian.page.getByRole("link", { name: title }) });
      await row.getByText("王五 正在编辑").waitFor();
      found.push(...(await violations(qian.page, "the list, someone editing")));
      await row.getByRole("link", { name: title }).click();
      await qian.page.getByText("王五 正在编辑这篇文章。").waitFor();

      await qian.page.getByRole("button", { name: "接管编辑" }).click();
      await qian.page.getByRole("status").filter({ hasText: "已接管编辑：王五 的编辑器会在半分钟内停止自动保存。" }).waitFor();
      expect(await qian.page.getByText("王五 正在编辑这篇文章。").isVisible()).toBe(false);
      found.push(...(await violations(qian.page, "the editor, after 接管编辑")));

      await wang.page.clock.runFor(30_000);
      const banner = wang.page.getByRole("region", { name: "别人接管了这篇文章的编辑" });
      await banner.getByText(/^钱编辑 于 .+ 接管了这篇文章的编辑，您的编辑器已停止自动保存。您还没保存的文字已保存在这台电脑的浏览器里/).waitFor();
      expect(await wang.page.getByText("未保存：钱编辑 已接管编辑，自动保存已停止；内容已保存在本机").isVisible()).toBe(true);
      expect((await readArticle(desk, article.id)).body).toBe("原来的正文。");
      expect(await wang.page.getByLabel("正文（Markdown）").inputValue()).toBe("原来的正文。王五还没保存的一段。");
      found.push(...(await violations(wang.page, "the editor, taken over")));

      await banner.getByRole("button", { name: "复制我的文字" }).click();
      await wang.page.getByRole("status").filter({ hasText: "已把您的文字复制到剪贴板。" }).waitFor();
      expect(await wang.page.evaluate("navigator.clipboard.readText()")).toContain("王五还没保存的一段。");

      // Opened again, the editor offers his words back from this browser.
      await banner.getByRole("link", { name: "重新打开这篇文章" }).click();
      await wang.page.getByRole("heading", { name: "有未保存的内容" }).waitFor();
      await wang.page.getByRole("button", { name: "恢复未保存的内容" }).click();
      expect(await wang.page.getByLabel("正文（Markdown）").inputValue()).toBe("原来的正文。王五还没保存的一段。");
      // A takeover blocks no save: no one saved since, so his 保存 goes through (If-Match decides).
      await wang.page.keyboard.press("Control+s");
      await wang.page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();
      expect((await readArticle(desk, article.id)).body).toBe("原来的正文。王五还没保存的一段。");

      expect(found).toEqual([]);
      expect([...wang.errors, ...qian.errors]).toEqual([]);
      await wang.page.context().close();
      await qian.page.context().close();
    });
  }
});

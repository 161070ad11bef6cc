// 写稿 in Chromium, as reporters use it: an article written in Chinese through an input method's composition,
// autosaved and all there after a reload; the network cut in the middle of a save and the text offered back
// after a reload; two people on one article, the second shown the conflict and neither one's text lost;
// publishing with the public URL shown; axe-core on the editor at both widths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Route } from "playwright-core";
import { VIEWPORTS, connect, deskUnderTest, violations } from "./harness.ts";
import { makeArticle, readArticle, signedIn, typeWithIme, waitSaved } from "./editor-people.ts";

const desk = deskUnderTest();

describe.skipIf(desk === null)("写稿", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("writes an article in Chinese through an input method, autosaves it, and has every word after a reload", async () => {
    if (!desk) return;
    const { page, errors } = await signedIn(browser, desk, "author", "林记者");
    // The page's clock is the test's: the save a moment after typing comes when the test moves time on.
    await page.clock.install();
    const sent: string[] = [];
    const patches: string[] = [];
    page.on("request", (req) => {
      if (!req.url().includes("/api/v1/admin/articles") || req.method() === "GET") return;
      sent.push(req.postData() ?? "");
      if (req.method() === "PATCH") patches.push(req.headers()["x-masthead-autosave"] ?? "explicit");
    });
    await page.goto("/desk");
    await page.getByRole("navigation", { name: "编辑部导航" }).getByRole("link", { name: "写稿" }).click();
    await page.getByRole("heading", { level: 1, name: "写稿" }).waitFor();
    await page.getByLabel("栏目").selectOption("xw/dzyw");
    await page.getByLabel("标题").focus();
    // The composition is open while time passes: nothing is saved with half-typed pinyin in it.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.imeSetComposition", { text: "shizhengfu", selectionStart: 10, selectionEnd: 10 });
    await page.clock.runFor(5000);
    expect(await page.getByLabel("标题").inputValue()).toBe("shizhengfu");
    expect(sent.filter((body) => body.includes("shizhengfu"))).toEqual([]);
    await cdp.send("Input.insertText", { text: "市政府召开常务会议" });
    await cdp.detach();
    expect(await page.getByLabel("标题").inputValue()).toBe("市政府召开常务会议");
    await page.getByLabel("正文（Markdown）").focus();
    await typeWithIme(page, "benwangxun", "本网讯 12月1日，市政府召开常务会议。");
    await page.keyboard.insertText("\n\n会议强调，要**巩固**安全生产形势稳定向好的态势。𠀀");
    await page.getByLabel("第 1 位的姓名").fill("林晓");
    await page.getByLabel("引题").fill("研究部署冬季安全生产");
    await page.clock.runFor(3000);
    await waitSaved(page);
    await page.waitForURL(/\/desk\/articles\/\d+$/);
    expect(sent.filter((body) => body.includes("shizhengfu") || body.includes("benwangxun"))).toEqual([]);
    // The count is in characters: 𠀀 is one.
    await expect.poll(() => page.getByText(/^\d+ \/ 200000 字/).textContent()).toBe("49 / 200000 字，还可输入 199951 字");

    await page.reload();
    expect(await page.getByLabel("标题").inputValue()).toBe("市政府召开常务会议");
    expect(await page.getByLabel("引题").inputValue()).toBe("研究部署冬季安全生产");
    expect(await page.getByLabel("正文（Markdown）").inputValue()).toBe(
      "本网讯 12月1日，市政府召开常务会议。\n\n会议强调，要**巩固**安全生产形势稳定向好的态势。𠀀",
    );
    expect(await page.getByLabel("第 1 位的姓名").inputValue()).toBe("林晓");
    expect(await page.getByText("有未保存的内容").isVisible()).toBe(false);
    // Ctrl+S saves at once, whatever the clock says.
    await page.getByLabel("副题").fill("副题也在");
    await page.keyboard.press("Control+s");
    await page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    expect((await readArticle(desk, id)).title).toBe("市政府召开常务会议");
    // Saves after a pause say they are autosaves (the server folds them into one working revision); Ctrl+S does not.
    expect(patches.at(-1)).toBe("explicit");
    expect(patches.slice(0, -1).every((h) => h === "1")).toBe(true);

    // 实时预览: the server's render of what is on screen, as readers will see it: in a sandboxed frame (no
    // scripts, an origin of its own) with the reader site's stylesheet, not the desk's.
    await page.getByRole("button", { name: "显示实时预览" }).click();
    const frame = page.getByRole("region", { name: "实时预览" }).getByTitle("实时预览：读者看到的样子");
    expect(await frame.getAttribute("sandbox")).toBe("");
    const preview = frame.contentFrame();
    await preview.getByRole("heading", { name: "市政府召开常务会议" }).waitFor();
    const home = await (await fetch(`${desk.origin}/`)).text();
    const readerSheet = /<link rel="stylesheet" href="(\/assets\/site\.[^"]+\.css)">/.exec(home)?.[1];
    expect(readerSheet).toBeDefined();
    expect(await preview.locator('link[rel="stylesheet"]').getAttribute("href")).toBe(readerSheet);
    // The sheet loaded under the desk's CSP: the reader pages' body has no margin, a bare page's has 8px.
    const inside = await (await frame.elementHandle())?.contentFrame();
    await expect.poll(() => inside?.evaluate("getComputedStyle(document.body).marginTop")).toBe("0px");
    await page.getByLabel("正文（Markdown）").focus();
    await page.keyboard.press("Control+End");
    await page.keyboard.insertText("\n\n## 新的小标题");
    await page.clock.runFor(2000);
    await preview.getByRole("heading", { name: "新的小标题" }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps what was typed when the network goes in the middle of a save, and offers it back after a reload", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "断网测试", body: "第一段。" });
    const { page, errors } = await signedIn(browser, desk, "editor", "断网编辑");
    await page.goto(`/desk/articles/${article.id}`);
    const body = page.getByLabel("正文（Markdown）");
    // The save goes out and hangs; the network is cut while it is out, and stays cut until the test says.
    let held: (route: Route) => void = () => undefined;
    const out = new Promise<Route>((resolve) => (held = resolve));
    let network: "hold" | "cut" | "up" = "hold";
    await page.route(`**/api/v1/admin/articles/${article.id}`, async (route) => {
      if (route.request().method() !== "PATCH" || network === "up") return route.continue();
      if (network === "hold") return held(route);
      return route.abort("internetdisconnected");
    });
    await body.focus();
    await page.keyboard.press("End");
    await page.keyboard.insertText("\n\n第二段，断网前写的。");
    const hanging = await out;
    await page.getByText("保存中…").waitFor();
    await page.keyboard.insertText("\n\n第三段，保存途中写的。");
    network = "cut";
    await hanging.abort("internetdisconnected");
    await page.getByText(/^未保存：网络断开/).waitFor();
    // What was typed during the save is still there: the failed answer wrote nothing over it.
    expect(await body.inputValue()).toBe("第一段。\n\n第二段，断网前写的。\n\n第三段，保存途中写的。");
    expect((await readArticle(desk, article.id)).body).toBe("第一段。");

    await page.reload();
    await page.getByRole("heading", { name: "有未保存的内容" }).waitFor();
    expect(await body.inputValue()).toBe("第一段。");
    network = "up";
    await page.getByRole("button", { name: "恢复未保存的内容" }).click();
    expect(await body.inputValue()).toBe("第一段。\n\n第二段，断网前写的。\n\n第三段，保存途中写的。");
    await expect.poll(async () => (await readArticle(desk, article.id)).body, { timeout: 15_000 }).toBe("第一段。\n\n第二段，断网前写的。\n\n第三段，保存途中写的。");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the second person who saves on one article the conflict, and loses neither person's text", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "两人同改", body: "原来的正文。" });
    const a = await signedIn(browser, desk, "editor", "王五");
    const b = await signedIn(browser, desk, "editor", "赵六");
    await a.page.goto(`/desk/articles/${article.id}`);
    await b.page.goto(`/desk/articles/${article.id}`);

    // 正在编辑: each sees the other.
    await b.page.getByText("王五 正在编辑这篇文章。").waitFor();
    await a.page.getByLabel("正文（Markdown）").fill("原来的正文。王五加的一句。");
    await a.page.keyboard.press("Control+s");
    await a.page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();

    await b.page.getByLabel("标题").fill("两人同改：赵六的标题");
    await b.page.keyboard.press("Control+s");
    const banner = b.page.getByRole("region", { name: "别人已修改了这篇文章" });
    await banner.waitFor();
    expect(await banner.textContent()).toContain("王五 于");
    // The diff: their sentence (which I do not have) and my title (which they do not have).
    expect(await banner.getByRole("deletion").allTextContents()).toContain("王五加的一句。");
    expect(await banner.getByRole("insertion").allTextContents()).toContain("：赵六的标题");
    expect(await b.page.getByLabel("标题").inputValue()).toBe("两人同改：赵六的标题");
    expect((await readArticle(desk, article.id)).title).toBe("两人同改");
    expect(await violations(b.page, "the editor, a conflict")).toEqual([]);

    await banner.getByRole("button", { name: "保留我的" }).click();
    await b.page.getByRole("status").filter({ hasText: "已保存" }).waitFor();
    const now = await readArticle(desk, article.id);
    expect(now.title).toBe("两人同改：赵六的标题");
    expect(now.body).toBe("原来的正文。王五加的一句。");
    expect(await b.page.getByLabel("正文（Markdown）").inputValue()).toBe("原来的正文。王五加的一句。");
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.page.context().close();
    await b.page.context().close();
  });

  it("takes their version on 采用对方的, and offers mine back the next time the article is opened", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "采用对方", body: "原文。" });
    const b = await signedIn(browser, desk, "editor", "钱七");
    await b.page.goto(`/desk/articles/${article.id}`);
    const res = await fetch(`${desk.origin}/api/v1/admin/articles/${article.id}`, {
      method: "PATCH",
      headers: { Authorization: `Bearer ${desk.adminKey}`, "Content-Type": "application/json", "If-Match": `"${article.version}"` },
      body: JSON.stringify({ body: "原文。编辑部改过。" }),
    });
    expect(res.status).toBe(200);
    const body = b.page.getByLabel("正文（Markdown）");
    await body.fill("原文。钱七写的。");
    await b.page.keyboard.press("Control+s");
    const banner = b.page.getByRole("region", { name: "别人已修改了这篇文章" });
    await banner.getByRole("button", { name: "采用对方的" }).click();
    expect(await body.inputValue()).toBe("原文。编辑部改过。");
    expect(await banner.isVisible()).toBe(false);

    await b.page.reload();
    await b.page.getByRole("heading", { name: "有未保存的内容" }).waitFor();
    expect(await b.page.getByText(/冲突时搁置的版本/).textContent()).toContain("正文");
    await b.page.getByRole("button", { name: "恢复未保存的内容" }).click();
    expect(await body.inputValue()).toBe("原文。钱七写的。");
    expect(b.errors).toEqual([]);
    await b.page.context().close();
  });

  it("lists the revisions with who and when, and brings one back with 恢复此版本", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "版本测试", body: "第一版的正文。" });
    const { page, errors } = await signedIn(browser, desk, "editor", "孙编辑");
    await page.goto(`/desk/articles/${article.id}`);
    await page.getByLabel("正文（Markdown）").fill("第二版的正文。");
    await page.keyboard.press("Control+s");
    await page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();
    await page.getByRole("button", { name: "显示版本记录" }).click();
    const first = page.getByRole("listitem").filter({ hasText: /^第 1 版 · 新建 · browser tests · \d{4}年/ });
    await first.waitFor();
    expect(await page.getByRole("listitem").filter({ hasText: "第 2 版 · 修改 · 孙编辑" }).getByText("当前版本").count()).toBe(1);
    await first.getByRole("button", { name: "恢复此版本（第 1 版）" }).click();
    await page.getByRole("status").filter({ hasText: "已恢复第 1 版的内容（现在是第 3 版）" }).waitFor();
    expect(await page.getByLabel("正文（Markdown）").inputValue()).toBe("第一版的正文。");
    expect((await readArticle(desk, article.id)).body).toBe("第一版的正文。");
    await page.getByRole("listitem").filter({ hasText: "第 3 版 · 恢复旧版本 · 孙编辑" }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("compares any two revisions side by side, character by character, and restores from there by keyboard", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "对比测试", body: "市政府召开常务会议。" });
    const { page, errors } = await signedIn(browser, desk, "editor", "对比编辑");
    await page.goto(`/desk/articles/${article.id}`);
    await page.getByLabel("正文（Markdown）").fill("市政府今天召开常务会议𠀀。");
    await page.keyboard.press("Control+s");
    await page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();
    await page.getByLabel("标题").fill("对比测试（修订）");
    await page.keyboard.press("Control+s");
    await page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();
    await page.getByRole("button", { name: "显示版本记录" }).click();
    await page.getByRole("button", { name: "与当前版本对比（第 1 版）" }).focus();
    await page.keyboard.press("Enter");
    const diff = page.getByRole("region", { name: "版本对比" });
    await diff.getByText(/有 2 处字段不同：标题、正文。/).waitFor();
    // Focus moved to the comparison, so a keyboard user is where it opened.
    expect(await page.locator(":focus").textContent()).toBe("版本对比");
    expect(await diff.getByLabel("左栏：较早的版本").inputValue()).toBe("1");
    expect(await diff.getByLabel("右栏：较新的版本").inputValue()).toBe("3");
    // Character-level: only what was added is marked, and its mark says so in words; 𠀀 is whole.
    const field = (name: string) => diff.getByRole("region", { name, exact: true });
    expect(await field("标题").getByRole("insertion").allTextContents()).toEqual(["［新增：（修订）］"]);
    expect(await field("正文").getByRole("insertion").allTextContents()).toEqual(["［新增：今天］", "［新增：𠀀］"]);
    expect(await field("正文").getByRole("deletion").count()).toBe(0);
    // Any two: the middle version against the first, the other way round.
    await diff.getByLabel("右栏：较新的版本").selectOption("1");
    await diff.getByLabel("左栏：较早的版本").selectOption("2");
    await diff.getByText(/有 1 处字段不同：正文。/).waitFor();
    expect(await field("正文").getByRole("deletion").allTextContents()).toEqual(["［删去：今天］", "［删去：𠀀］"]);
    expect(await field("标题").count()).toBe(0);
    await diff.getByRole("button", { name: "恢复此版本（第 2 版）" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "已恢复第 2 版的内容（现在是第 4 版）" }).waitFor();
    expect(await page.getByLabel("标题").inputValue()).toBe("对比测试");
    expect(await diff.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("goes to review with a note, comes back with the editor's, and is the editors' while it waits", async () => {
    if (!desk) return;
    const author = await signedIn(browser, desk, "author", "审核记者");
    const page = author.page;
    await page.goto("/desk/articles/new");
    await page.getByLabel("栏目").selectOption("xw/dzyw");
    await page.getByLabel("标题").fill("全市防汛物资储备情况通报");
    await page.getByLabel("正文（Markdown）").fill("本网讯 截至6月1日。");
    await page.keyboard.press("Control+s");
    await page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();
    expect(await page.getByRole("button", { name: "发布", exact: true }).count()).toBe(0);
    await page.getByLabel("审核意见").fill("请核对第二段的数字");
    await page.getByRole("button", { name: "提交审核" }).click();
    await page.getByRole("status").filter({ hasText: "已提交审核" }).waitFor();
    expect(await page.getByLabel("标题").isEditable()).toBe(false);
    await page.getByRole("button", { name: "撤回审核" }).waitFor();
    const url = new URL(page.url()).pathname;

    const editor = await signedIn(browser, desk, "editor", "审核编辑");
    await editor.page.goto(url);
    await editor.page.getByText(/^提交审核时的说明（审核记者，.+）：请核对第二段的数字$/).waitFor();
    await editor.page.getByRole("button", { name: "退回" }).click();
    await editor.page.getByRole("alert").filter({ hasText: "写明原因" }).waitFor();
    await editor.page.getByLabel("审核意见").fill("数字与防汛办通报不符，请核实");
    await editor.page.getByRole("button", { name: "退回" }).click();
    await editor.page.getByRole("status").filter({ hasText: "已退回" }).waitFor();

    await page.reload();
    await page.getByText(/^退回意见（审核编辑，.+）：数字与防汛办通报不符，请核实$/).waitFor();
    expect(await page.getByLabel("标题").isEditable()).toBe(true);
    expect([...author.errors, ...editor.errors]).toEqual([]);
    await page.context().close();
    await editor.page.context().close();
  });

  it("publishes after asking, and says where readers now see it", async () => {
    if (!desk) return;
    const article = await makeArticle(desk, { title: "发布测试", body: "正文。" });
    const { page, errors } = await signedIn(browser, desk, "editor", "发布编辑");
    await page.goto(`/desk/articles/${article.id}`);
    const asked: string[] = [];
    page.on("dialog", (dialog) => void asked.push(dialog.message()));
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await page.getByText("已发布，读者现在可以看到：").first().waitFor();
    expect(asked.join("")).toContain("立即出现在网站上");
    const live = page.getByRole("link", { name: new RegExp(`/html/xw/dzyw/${article.id}\\.html$`) });
    const href = await live.getAttribute("href");
    expect(href).toBe(`/html/xw/dzyw/${article.id}.html`);
    expect((await fetch(`${desk.origin}${href}`)).status).toBe(200);
    expect(await page.getByRole("button", { name: "撤稿" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "发布", exact: true }).isVisible()).toBe(false);
    // A past time is refused before anything is sent.
    await page.getByRole("button", { name: "撤稿" }).click();
    await page.getByRole("status").filter({ hasText: "已撤稿" }).waitFor();
    await page.getByLabel("定时发布时间（北京时间）").fill("2020-01-01T08:00");
    await page.getByRole("button", { name: "定时发布" }).click();
    await page.getByRole("alert").filter({ hasText: "已经过去" }).waitFor();
    expect((await readArticle(desk, article.id)).status).toBe("draft");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  for (const width of VIEWPORTS) {
    it(`has no WCAG 2.2 A/AA violations at ${width.width} px`, async () => {
      if (!desk) return;
      const article = await makeArticle(desk, { title: "无障碍检查", body: "正文。", bylines: [{ name: "林晓", role: "记者" }] });
      const { page, errors } = await signedIn(browser, desk, "editor", "无障碍编辑", width);
      const found: string[] = [];
      await page.goto("/desk/articles/new");
      found.push(...(await violations(page, "写稿")));
      await page.goto(`/desk/articles/${article.id}`);
      await page.getByLabel("正文（Markdown）").fill("正文，改过。");
      await page.keyboard.press("Control+s");
      await page.getByRole("status").filter({ hasText: "已保存。" }).waitFor();
      await page.getByRole("button", { name: "显示版本记录" }).click();
      await page.getByRole("button", { name: /^恢复此版本/ }).first().waitFor();
      await page.getByRole("button", { name: "显示实时预览" }).click();
      await page.getByTitle("实时预览：读者看到的样子").contentFrame().getByRole("heading", { name: "无障碍检查" }).waitFor();
      // Scrolled to first, then a pointer click: clicked in the same motion as the scroll, Chromium routed the
      // click by the frame's old place to the (out-of-process, sandboxed) preview frame above the button.
      const compare = page.getByRole("button", { name: "与当前版本对比（第 1 版）" });
      await compare.scrollIntoViewIfNeeded();
      await compare.click();
      await page.getByRole("region", { name: "版本对比" }).getByRole("region", { name: "正文" }).waitFor();
      found.push(...(await violations(page, "the editor, revisions, the live preview and a comparison shown")));
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    await page.context().close();
    });
  }
});

// 推荐位 and 专题 at the desk, in Chromium, as an editor works them: a story found by search put into 头条 (refused
// while it is full, said in Chinese), reordered by keyboard and by dragging, given a headline of its own and
// an expiry (a past one refused before sending), taken out — each change seen on the public home page as a
// reader fetches it; someone else's change meanwhile met with their version and the typed text kept; a topic
// made with a group and an article, on its public page; and an author kept out of both rooms.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { adminApi, connect, deskUnderTest } from "./harness.ts";
import { signedIn } from "./editor-people.ts";

const desk = deskUnderTest();

type SlotItems = { version: number; items: { article_id: number; title: string; expires_at: string | null }[] };

async function slot(slug: string): Promise<SlotItems> {
  if (!desk) throw new Error("no desk");
  return (await (await adminApi(desk, "GET", `/api/v1/admin/slots/${slug}`)).json()) as SlotItems;
}

/** The 头条 band's headlines on the public home page, fetched as a reader's browser would. */
async function homeHeadlines(): Promise<string[]> {
  if (!desk) throw new Error("no desk");
  const html = await (await fetch(`${desk.origin}/`)).text();
  const band = html.slice(0, html.indexOf("</section>", html.indexOf("top-story")));
  return [...band.matchAll(/<h3><a href="[^"]*">(?:<strong>)?([^<]*)/g)].map((m) => m[1] ?? "");
}

const itemRow = (page: Page, title: string | RegExp) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3, name: title }) });
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text }).waitFor();
const alert = (page: Page, text: string | RegExp) => page.getByRole("alert").filter({ hasText: text }).waitFor();

describe.skipIf(desk === null)("推荐位 and 专题 at the desk", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an editor fills 头条 from search, reorders it by keyboard and by drag, sets a title and an expiry, and takes it out", async () => {
    if (!desk) return;
    const { page, errors } = await signedIn(browser, desk, "editor", "推荐位编辑");
    const before = await slot("toutiao");
    const [first, second] = before.items.map((i) => i.article_id);

    await page.goto("/desk");
    await page.getByRole("navigation", { name: "编辑部导航" }).getByRole("link", { name: "推荐位" }).click();
    await page.getByRole("heading", { level: 1, name: "推荐位" }).waitFor();
    const toutiao = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "头条", exact: true }) });
    expect(await toutiao.getByText("2/2").count()).toBe(1);
    await toutiao.getByRole("link", { name: "头条", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "头条" }).waitFor();
    await page.getByRole("button", { name: "下移" }).first().waitFor();

    // Full: the API's refusal, in the desk's words, and nothing added.
    await page.getByLabel("搜索已发布的文章").fill("红叶");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    const hit = page.getByRole("listitem").filter({ hasText: "苍岚山红叶进入最佳观赏期" }).filter({ has: page.getByRole("button", { name: "加入头条" }) });
    await hit.getByRole("button", { name: "加入头条" }).click();
    await alert(page, "这个推荐位最多放 2 篇文章，已经满了：请先移除一篇再加入。");
    expect((await slot("toutiao")).items.map((i) => i.article_id)).toEqual([first, second]);
    expect(await page.getByRole("heading", { level: 3, name: /苍岚山红叶/ }).count()).toBe(1); // the search hit only

    // Room made, then in: at the top.
    await itemRow(page, /^第 2 条/).getByRole("button", { name: "移除" }).click();
    await status(page, "已从头条移除");
    await hit.getByRole("button", { name: "加入头条" }).click();
    await status(page, "已把“苍岚山红叶进入最佳观赏期”加入头条，排在第 1 条。");
    const added = (await slot("toutiao")).items.map((i) => i.article_id);
    expect(added[1]).toBe(first);
    expect(added).toHaveLength(2);
    const red = added[0];
    expect(await homeHeadlines()).toEqual(["苍岚山红叶进入最佳观赏期", "全市重点项目建设现场观摩活动举行"]);

    // By keyboard: 下移 on the first, pressed with Enter; focus stays on the row's buttons.
    await itemRow(page, /苍岚山红叶/).getByRole("button", { name: "下移" }).focus();
    await page.keyboard.press("Enter");
    await status(page, "已把“苍岚山红叶进入最佳观赏期”移到第 2 条。");
    expect((await slot("toutiao")).items.map((i) => i.article_id)).toEqual([first, red]);
    expect(await page.evaluate("document.activeElement?.textContent")).toBe("上移");
    expect(await homeHeadlines()).toEqual(["全市重点项目建设现场观摩活动举行", "苍岚山红叶进入最佳观赏期"]);

    // By drag: its handle dropped on the top half of the first row.
    const handle = itemRow(page, /苍岚山红叶/).locator(".handle");
    await handle.dragTo(itemRow(page, /全市重点项目/), { targetPosition: { x: 20, y: 4 } });
    await status(page, "已把“苍岚山红叶进入最佳观赏期”移到第 1 条。");
    expect((await slot("toutiao")).items.map((i) => i.article_id)).toEqual([red, first]);

    // A headline of its own, then an expiry: a past one refused on the page, a future one saved as Beijing time.
    const row = itemRow(page, /苍岚山红叶/);
    await row.getByLabel("推荐位标题").fill("红叶正当时");
    await row.getByLabel("推荐位标题").press("Tab");
    await status(page, "已保存“苍岚山红叶进入最佳观赏期”的推荐位标题。");
    expect(await homeHeadlines()).toEqual(["红叶正当时", "全市重点项目建设现场观摩活动举行"]);
    const version = (await slot("toutiao")).version;
    await row.getByLabel("下线时间（北京时间）").fill("2020-01-01T08:00");
    await alert(page, "“苍岚山红叶进入最佳观赏期”的下线时间必须晚于现在（北京时间），没有保存。");
    expect((await slot("toutiao")).version).toBe(version);
    await row.getByLabel("下线时间（北京时间）").fill("2030-01-01T08:00");
    await status(page, "已保存“苍岚山红叶进入最佳观赏期”的下线时间。");
    expect((await slot("toutiao")).items[0]).toMatchObject({ article_id: red, title: "红叶正当时", expires_at: "2030-01-01T08:00:00+08:00" });
    await row.getByRole("button", { name: "清除下线时间" }).click();
    await status(page, "不再自动下线");
    expect((await slot("toutiao")).items[0]?.expires_at).toBeNull();

    // After a reload the page shows what is stored.
    await page.reload();
    expect(await itemRow(page, /苍岚山红叶/).getByLabel("推荐位标题").inputValue()).toBe("红叶正当时");

    // Taken out: gone from the slot and from the home page; the story it replaced goes back for the next test.
    await itemRow(page, /苍岚山红叶/).getByRole("button", { name: "移除" }).click();
    await status(page, "已从头条移除“苍岚山红叶进入最佳观赏期”。");
    expect((await slot("toutiao")).items.map((i) => i.article_id)).toEqual([first]);
    expect(await homeHeadlines()).toEqual(["全市重点项目建设现场观摩活动举行"]);
    const restore = await adminApi(desk, "POST", "/api/v1/admin/slots/toutiao/items", { article_id: second, position: 2 });
    expect(restore.status).toBe(200);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("someone else's change meanwhile: their version is shown and what was typed stays, saved by 保存我的修改", async () => {
    if (!desk) return;
    const { page, errors } = await signedIn(browser, desk, "editor", "冲突编辑");
    await page.goto("/desk/slots/tejian");
    await page.getByRole("button", { name: "下移" }).first().waitFor();
    const ids = (await slot("tejian")).items.map((i) => i.article_id);
    // Meanwhile, through the API: the last story goes to the top.
    const theirs = [ids[ids.length - 1], ...ids.slice(0, -1)].map((article_id) => ({ article_id }));
    const put = await adminApi(desk, "PUT", "/api/v1/admin/slots/tejian/items", { items: theirs });
    expect(put.status).toBe(428);
    const current = (await slot("tejian")).version;
    const other = await fetch(`${desk.origin}/api/v1/admin/slots/tejian/items`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${desk.adminKey}`, "Content-Type": "application/json", "If-Match": `"${current}"` },
      body: JSON.stringify({ items: theirs }),
    });
    expect(other.status).toBe(200);

    const row = itemRow(page, /^第 1 条/);
    const title = (await row.getByRole("heading", { level: 3 }).getByRole("link").textContent()) ?? "";
    await row.getByLabel("推荐位标题").fill("我的标题");
    await row.getByLabel("推荐位标题").press("Tab");
    await alert(page, "别人刚刚修改了这个推荐位");
    // Theirs on screen (their first story is first), my text in my story's field, unsaved.
    expect((await itemRow(page, /^第 1 条/).getByRole("link").first().textContent()) ?? "").not.toBe(title);
    expect(await itemRow(page, new RegExp(title)).getByLabel("推荐位标题").inputValue()).toBe("我的标题");
    expect((await slot("tejian")).items.find((i) => i.article_id === ids[0])?.title).toBe("");
    await page.getByRole("button", { name: "保存我的修改" }).click();
    await status(page, "已保存你的修改。");
    const after = await slot("tejian");
    expect(after.items.map((i) => i.article_id)).toEqual(theirs.map((i) => i.article_id));
    expect(after.items.find((i) => i.article_id === ids[0])?.title).toBe("我的标题");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("an editor makes a topic with a group and an article, and its public page shows them", async () => {
    if (!desk) return;
    const { page, errors } = await signedIn(browser, desk, "editor", "专题编辑");
    await page.goto("/desk");
    await page.getByRole("navigation", { name: "编辑部导航" }).getByRole("link", { name: "专题" }).click();
    await page.getByRole("heading", { level: 1, name: "专题" }).waitFor();
    const slug = `qiuye-${Date.now().toString(36)}`;
    await page.getByLabel("标题").fill("秋色满青岚");
    await page.getByLabel("标识").fill(slug);
    await page.getByLabel("导语（Markdown）").fill("**秋天**的青岚。");
    await page.getByLabel(/^分组/).fill("红叶");
    await page.getByRole("button", { name: "新建专题" }).click();
    await page.getByRole("heading", { level: 1, name: "秋色满青岚" }).waitFor();
    await status(page, "已新建专题“秋色满青岚”。");

    // A second group, then the order changed by keyboard and saved.
    await page.getByRole("button", { name: "添加分组" }).click();
    await page.getByLabel("第 2 个分组的名称").fill("候鸟");
    await page.getByLabel("第 2 个分组的名称").press("Tab");
    await page.getByRole("listitem").filter({ has: page.getByLabel("第 2 个分组的名称") }).getByRole("button", { name: "上移" }).click();
    expect(await page.getByLabel("第 1 个分组的名称").inputValue()).toBe("候鸟");
    await page.getByRole("button", { name: "保存分组" }).click();
    await status(page, "分组已保存。");
    expect(await page.getByLabel("第 1 个分组的名称").inputValue()).toBe("候鸟");

    // An article found by search, into 红叶.
    await page.getByLabel("搜索文章").fill("红叶");
    await page.getByRole("button", { name: "搜索", exact: true }).click();
    await page.getByLabel("加入到分组").selectOption({ label: "红叶" });
    const hit = page.getByRole("listitem").filter({ hasText: "苍岚山红叶进入最佳观赏期" }).filter({ has: page.getByRole("button", { name: "加入专题" }) });
    await hit.getByRole("button", { name: "加入专题" }).click();
    await status(page, "已把“苍岚山红叶进入最佳观赏期”加入分组“红叶”。");
    const inGroup = page.getByRole("region", { name: "红叶" });
    await inGroup.getByRole("heading", { level: 4, name: "苍岚山红叶进入最佳观赏期" }).waitFor();

    const html = await (await fetch(`${desk.origin}/special/${slug}/`)).text();
    expect(html).toContain("<h1>秋色满青岚</h1>");
    expect(html).toMatch(/<h2 id="g-\d+">红叶<\/h2>\s*<ol class="list">\s*<li class="item">\s*<div class="item-text">\s*<h3><a href="[^"]+">苍岚山红叶进入最佳观赏期<\/a><\/h3>/);
    expect(await page.getByRole("link", { name: "查看专题页" }).getAttribute("href")).toBe(`/special/${slug}/`);

    // Moved to the other group, then taken out.
    await inGroup.getByLabel("所在分组").selectOption({ label: "候鸟" });
    await status(page, "已把“苍岚山红叶进入最佳观赏期”移到分组“候鸟”。");
    await page.getByRole("region", { name: "候鸟" }).getByRole("button", { name: "从专题中移除" }).click();
    await status(page, "已把“苍岚山红叶进入最佳观赏期”从专题中移除。");
    expect(await page.getByRole("heading", { level: 4, name: "苍岚山红叶进入最佳观赏期" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("an author is offered neither room and is turned away from both", async () => {
    if (!desk) return;
    const { page } = await signedIn(browser, desk, "author", "推荐位作者");
    await page.goto("/desk");
    const nav = page.getByRole("navigation", { name: "编辑部导航" });
    await nav.getByRole("link", { name: "文章" }).waitFor();
    expect(await nav.getByRole("link", { name: "推荐位" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "专题" }).count()).toBe(0);
    for (const path of ["/desk/slots", "/desk/slots/toutiao", "/desk/topics", "/desk/topics/chengshi-gengxin"]) {
      expect((await page.goto(path))?.status()).toBe(403);
    }
    await page.context().close();
  });
});

// 发布 → live, as a reader sees it: an editor publishes in the editor, and the article's page, its section's
// page and the RSS feeds (the section's and the site's) show it — fetched as a reader fetches them, after the
// same pages were read (and kept at the edge) before publishing. The purge runs after the answer (waitUntil),
// so each is polled for a bounded time, never slept on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { articleUrl, feedUrl, sectionUrl } from "../../src/content/urls.ts";
import { connect, deskUnderTest } from "./harness.ts";
import { makeArticle, signedIn } from "./editor-people.ts";

const desk = deskUnderTest();

describe.skipIf(desk === null)("发布 → live", () => {
  let browser: Browser;
  beforeAll(async () => {
    if (desk) browser = await connect(desk);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the article on its page, its section's page and the RSS feeds once 发布 is pressed", async () => {
    if (!desk) return;
    const origin = desk.origin;
    const title = `发布即上线 ${Date.now().toString(36)}`;
    const article = await makeArticle(desk, { title, body: "本网讯 读者马上就能看到。" });
    const read = async (path: string) => {
      const res = await fetch(`${origin}${path}`);
      return { status: res.status, shows: (await res.text()).includes(title) };
    };
    const pages = [sectionUrl("xw/dzyw"), feedUrl("xw/dzyw", "rss"), feedUrl("", "rss")];
    // Read by readers before: kept at the edge without the article.
    for (const path of pages) expect({ path, ...(await read(path)) }).toEqual({ path, status: 200, shows: false });
    expect((await read(articleUrl("xw/dzyw", article.id))).status).toBe(404);

    const { page, errors } = await signedIn(browser, desk, "editor", "上线编辑");
    await page.goto(`/desk/articles/${article.id}`);
    await page.getByRole("button", { name: "发布", exact: true }).click();
    await page.getByText("已发布，读者现在可以看到：").first().waitFor();

    for (const path of [articleUrl("xw/dzyw", article.id), ...pages]) {
      await expect.poll(() => read(path), { timeout: 10_000, message: path }).toEqual({ status: 200, shows: true });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

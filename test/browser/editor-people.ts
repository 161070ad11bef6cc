// What the editor's browser tests share: a signed-in person in a fresh context, an article made through the
// admin API, typing as a Chinese input method does (a composition, then the chosen characters), and the
// save state as the page shows it.
import type { Browser, Page } from "playwright-core";
import type { Role } from "../../src/domain/role.ts";
import { type DeskUnderTest, type Width, adminApi, newContext } from "./harness.ts";
import { type Newcomer, invite, setPasswordFromLink } from "./people.ts";

/** A signed-in person's page, and the script errors it has had (a test expects none). */
export async function signedIn(
  browser: Browser,
  d: DeskUnderTest,
  role: Role,
  name: string,
  width?: Width,
): Promise<{ page: Page; who: Newcomer; errors: string[] }> {
  const who = await invite(d, role, name);
  const context = await newContext(browser, d, width);
  const page = await context.newPage();
  // Leaving with unsaved work asks first (beforeunload): the tests' person always says yes.
  page.on("dialog", (dialog) => void dialog.accept());
  const errors: string[] = [];
  page.on("pageerror", (error) => void errors.push(error.message));
  await setPasswordFromLink(page, who);
  return { page, who, errors };
}

export type ArticleJson = { id: number; version: number; title: string; body: string; status: string; url: string };

export async function makeArticle(d: DeskUnderTest, fields: Record<string, unknown>): Promise<ArticleJson> {
  const res = await adminApi(d, "POST", "/api/v1/admin/articles", { section: "xw/dzyw", ...fields });
  if (res.status !== 201) throw new Error(`creating an article: ${res.status} ${await res.text()}`);
  return (await res.json()) as ArticleJson;
}

export async function readArticle(d: DeskUnderTest, id: number): Promise<ArticleJson> {
  return (await (await adminApi(d, "GET", `/api/v1/admin/articles/${id}`)).json()) as ArticleJson;
}

/** Types `pinyin` as a composition in the focused field, then commits `chosen`, as an IME does. */
export async function typeWithIme(page: Page, pinyin: string, chosen: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Input.imeSetComposition", { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send("Input.insertText", { text: chosen });
  await cdp.detach();
}

export async function waitSaved(page: Page): Promise<void> {
  await page.getByText(/^已保存 \d\d:\d\d:\d\d$/).waitFor();
}

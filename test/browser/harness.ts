// What every browser test file shares: the Worker and the browser global-setup.ts started, a context per test
// at a width the desk must work at, axe-core on the page as it is, and the admin API for setting things up
// as any client would (an admin key), never by writing rows.
import { inject } from "vitest";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";
import { VIEWPORTS, axeReport, runAxe } from "../../scripts/checks/browser.ts";

export { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS } from "../../scripts/checks/browser.ts";

export type DeskUnderTest = { origin: string; wsEndpoint: string; adminKey: string };

/** The running desk, or null when this machine has no Chromium (the tests then skip). */
export const deskUnderTest = (): DeskUnderTest | null => inject("desk");

export const connect = (d: DeskUnderTest): Promise<Browser> => chromium.connect(d.wsEndpoint);

export type Width = (typeof VIEWPORTS)[number];

/** A fresh context (its own cookies: its own person) at `width`, resolving paths against the desk's origin. */
export function newContext(browser: Browser, d: DeskUnderTest, width: Width = VIEWPORTS[1] as Width): Promise<BrowserContext> {
  return browser.newContext({ baseURL: d.origin, viewport: { width: width.width, height: width.height }, locale: "zh-CN" });
}

/** The page's WCAG 2.2 A/AA violations, reported one per line (empty when there are none). */
export async function violations(page: Page, label: string): Promise<string[]> {
  return axeReport(`${label} (${page.viewportSize()?.width ?? "?"} px)`, await runAxe(page));
}

/** The admin API as a client with the admin key: what the tests set up, they set up through the app. */
export async function adminApi(d: DeskUnderTest, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${d.origin}${path}`, {
    method,
    headers: { Authorization: `Bearer ${d.adminKey}`, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

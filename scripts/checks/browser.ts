// Debian's Chromium as the checks and the desk's browser tests launch it, the two widths every page is
// checked at, and axe-core's WCAG 2.2 A/AA run with its report: one copy for scripts/checks/a11y.ts and
// test/browser/.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type * as Axe from "axe-core";
import type { Page } from "playwright-core";
import { ROOT } from "../bindings/local-env.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];
export const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1280, height: 900 },
];
const AXE_OPTIONS: Axe.RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  resultTypes: ["violations"],
};

let axeSource: string | undefined;

/**
 * axe-core's results on the page as it is now. Its source goes in through the DevTools protocol, which a
 * page's Content-Security-Policy does not govern, so a page is checked under its real policy.
 */
export async function runAxe(page: Page): Promise<Axe.AxeResults> {
  axeSource ??= readFileSync(createRequire(join(ROOT, "package.json")).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  // Runs in the page, where the evaluated source defined the global `axe` (on the whole document).
  return page.evaluate((options) => (globalThis as unknown as { axe: typeof Axe }).axe.run(options), AXE_OPTIONS);
}

/** Each violation with its rule, help and the elements at fault, one line each: what a failing check prints. */
export function axeReport(label: string, results: Axe.AxeResults): string[] {
  return results.violations.flatMap((v) => [
    `${label}: ${v.id} (${v.impact ?? "no impact given"}) ${v.help} ${v.helpUrl}`,
    ...v.nodes.map((node) => `  - ${node.target.join(" ")}${node.failureSummary ? `\n    ${node.failureSummary.replace(/\n/g, "\n    ")}` : ""}`),
  ]);
}

// Runs axe-core's WCAG 2.2 A and AA rules on each kind of reader page, at a phone's width and a desktop's,
// in Debian's headless Chromium: the Worker as deploy bundles it, in Miniflare, over a fresh copy of the
// demo content, served on a loopback port so the browser loads the pages, stylesheet and images for real.
// Fails on any violation; without /usr/bin/chromium it says how to get it and is skipped.
//
//   npm run check:a11y
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { chromium } from "playwright-core";
import { articleUrl, searchUrl, sectionUrl, topicUrl } from "../../src/content/urls.ts";
import { DEMO_TOPICS } from "../demo/front.ts";
import { demoArticles } from "../demo/load.ts";
import { storageOptions } from "../bindings/local-env.ts";
import { mastheadWorker } from "../bindings/worker.ts";
import { freshDemo, theBundle } from "./prepared.ts";
import { CHROMIUM, CHROMIUM_ARGS, VIEWPORTS, axeReport, runAxe } from "./browser.ts";

const log = (message: string) => console.log(`check-a11y: ${message}`);

/** One page of each kind a reader meets; the articles chosen from the demo so they show a figure and a table. */
function pagesToCheck(): { name: string; path: string; status: number }[] {
  const articles = demoArticles();
  const withFigure = articles.find((a) => a.cover !== undefined && a.body.includes("!["));
  const withTable = articles.find((a) => /^\| --- /m.test(a.body));
  if (!withFigure || !withTable) throw new Error("the demo has no article with a figure, or none with a table");
  return [
    { name: "home", path: "/", status: 200 },
    { name: "top-level section", path: sectionUrl("xw"), status: 200 },
    { name: "second-level section", path: sectionUrl("xw/dzyw"), status: 200 },
    { name: "section page 2", path: sectionUrl("xw", 2), status: 200 },
    { name: "article with cover and figure", path: articleUrl(withFigure.section, withFigure.id), status: 200 },
    { name: "article with a table", path: articleUrl(withTable.section, withTable.id), status: 200 },
    { name: "search results", path: searchUrl("岚江"), status: 200 },
    { name: "topic", path: topicUrl(DEMO_TOPICS[0]?.slug ?? ""), status: 200 },
    { name: "404", path: "/html/no-such-section/", status: 404 },
  ];
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    log(`skipped: no ${CHROMIUM} (install it with \`apt-get install chromium fonts-noto-cjk\` to check accessibility)`);
    return;
  }
  const pages = pagesToCheck();
  const work = mkdtempSync(join(tmpdir(), "masthead-a11y-"));
  const state = join(work, "v3");
  let mf: Miniflare | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    await freshDemo(state);
    const bundle = theBundle();
    mf = new Miniflare({
      ...storageOptions(state),
      host: "127.0.0.1",
      port: 0,
      workers: [mastheadWorker(bundle, state)],
    });
    const origin = (await mf.ready).origin;
    // playwright-core gives the browser a fresh temporary profile and removes it on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    log(`axe-core on ${pages.length} pages at ${VIEWPORTS.map((v) => `${v.width}×${v.height}`).join(" and ")}`);
    let violations = 0;
    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      const tab = await context.newPage();
      for (const page of pages) {
        const res = await tab.goto(`${origin}${page.path}`, { waitUntil: "load" });
        if (res?.status() !== page.status) throw new Error(`${page.path} answered ${res?.status()}, not ${page.status}`);
        const label = `${page.name} ${page.path} (${viewport.name})`;
        const results = await runAxe(tab);
        for (const line of axeReport(label, results)) console.error(line);
        const found = results.violations.reduce((sum, v) => sum + v.nodes.length, 0);
        log(`${viewport.name} ${page.path}: ${found} violation${found === 1 ? "" : "s"}`);
        violations += found;
      }
      await context.close();
    }
    if (violations > 0) {
      process.exitCode = 1;
      log(`${violations} violations of WCAG 2.2 A/AA rules`);
      return;
    }
    log(`no violations on ${pages.length} pages at ${VIEWPORTS.length} widths`);
  } finally {
    await browser?.close();
    await mf?.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

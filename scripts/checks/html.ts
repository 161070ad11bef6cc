// Validates every page a reader can reach on the demo site with the Nu Html Checker (vnu.jar, on the
// machine's Java): the Worker as deploy bundles it, in Miniflare, over a fresh copy of the demo content.
// Crawls from / through every same-site link (sections, their pages, articles, topics), adds a 404 page and
// the stylesheet and the search pages, then fails on any error the checker reports.
//
//   npm run check:html
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { ROOT, storageOptions } from "../bindings/local-env.ts";
import { searchUrl } from "../../src/content/urls.ts";
import { mastheadWorker } from "../bindings/worker.ts";
import { freshDemo, theBundle } from "./prepared.ts";

const MAX_PAGES = 500;
const ORIGIN = "http://localhost";

const log = (message: string) => console.log(`check-html: ${message}`);

function javaAvailable(): boolean {
  const probe = spawnSync("java", ["-version"], { stdio: "ignore" });
  return probe.status === 0;
}

/** Same-site page links in a page: /, /html/…, the topics' /special/… (not media, assets, feeds or the API). */
function pageLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/(?:(?:html|special)\/[^"#?]*)?)"/g)].map((m) => m[1] as string).filter((path) => !/\.(?:xml|json)$/.test(path));
}

async function crawl(mf: Miniflare, outDir: string) {
  const seen = new Set<string>(["/"]);
  const queue = ["/"];
  const files: string[] = [];
  let stylesheet: string | null = null;
  while (queue.length) {
    if (files.length >= MAX_PAGES) throw new Error(`more than ${MAX_PAGES} pages: raise MAX_PAGES or look for a link loop`);
    const path = queue.shift() as string;
    const res = await mf.dispatchFetch(`${ORIGIN}${path}`);
    const html = await res.text();
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    const file = join(outDir, `page-${files.length}.html`);
    writeFileSync(file, html);
    files.push(file);
    stylesheet ??= /href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1] ?? null;
    for (const link of pageLinks(html)) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  // The search pages: the form's empty page, results with the query marked, and a query that finds nothing.
  for (const [name, path] of [["search-empty", searchUrl("")], ["search-results", searchUrl("岚江 2026年")], ["search-none", searchUrl("没有这个词")]]) {
    const res = await mf.dispatchFetch(`${ORIGIN}${path}`);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    const file = join(outDir, `page-${name}.html`);
    writeFileSync(file, await res.text());
    files.push(file);
  }
  const notFound = await mf.dispatchFetch(`${ORIGIN}/html/no-such-section/`);
  if (notFound.status !== 404) throw new Error(`an unknown section answered ${notFound.status}, not 404`);
  writeFileSync(join(outDir, "page-404.html"), await notFound.text());
  files.push(join(outDir, "page-404.html"));
  if (!stylesheet) throw new Error("no stylesheet linked from the home page");
  const css = join(outDir, "site.css");
  writeFileSync(css, await (await mf.dispatchFetch(`${ORIGIN}${stylesheet}`)).text());
  return { files, css };
}

function vnu(args: string[]): { ok: boolean; output: string } {
  const jar = String(createRequire(join(ROOT, "package.json"))("vnu-jar"));
  const run = spawnSync("java", ["-jar", jar, "--errors-only", ...args], { encoding: "utf8" });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

async function main() {
  if (!javaAvailable()) {
    log("skipped: no `java` on PATH (install Java 11 or later to validate the pages)");
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "masthead-html-"));
  const state = join(work, "v3");
  let mf: Miniflare | null = null;
  try {
    await freshDemo(state);
    const bundle = theBundle();
    mf = new Miniflare({ ...storageOptions(state), workers: [mastheadWorker(bundle, state)] });
    const { files, css } = await crawl(mf, work);
    log(`validating ${files.length} pages and the stylesheet with the Nu Html Checker`);
    const pages = vnu(files);
    const sheet = vnu(["--css", css]);
    if (!pages.ok || !sheet.ok) {
      console.error([pages.output, sheet.output].filter(Boolean).join("\n"));
      process.exitCode = 1;
      log("the Nu Html Checker found errors");
      return;
    }
    log(`${files.length} pages and the stylesheet are valid`);
  } finally {
    await mf?.dispose();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();

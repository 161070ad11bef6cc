// Checks what crawlers and feed readers get as XML, with xmllint (Debian's libxml2-utils): the sitemap index,
// every sitemap it lists and the Google News sitemap against their XML schemas (test/fixtures/xsd, written from
// the sitemaps.org and Google specifications), every <loc> answering 200 at that very URL (canonical, no
// redirect), and every RSS and Atom feed — the site's and each section's — well-formed XML. The Worker as
// deploy bundles it, in Miniflare, over a fresh copy of the demo content plus one article published now, so
// the news sitemap is not empty. Without xmllint it says so and is skipped.
//
//   npm run check:xml
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { SCHEDULER } from "../src/domain/api-key.ts";
import { listSections } from "../src/db/sections.ts";
import { createArticle } from "../src/publish/changes.ts";
import { ROOT, openLocalEnv, storageOptions } from "./lib/local-env.ts";
import { bundleWorker, mastheadWorker } from "./lib/worker.ts";
import { seed } from "./seed.ts";

const ORIGIN = "http://localhost";
const XSD = join(ROOT, "test/fixtures/xsd");
const log = (message: string) => console.log(`check-xml: ${message}`);

const xmllintAvailable = () => spawnSync("xmllint", ["--version"], { stdio: "ignore" }).status === 0;

function xmllint(file: string, schema?: string): string | null {
  const run = spawnSync("xmllint", ["--noout", "--nonet", ...(schema ? ["--schema", join(XSD, schema)] : []), file], { encoding: "utf8" });
  return run.status === 0 ? null : `${run.stdout}${run.stderr}`.trim();
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] as string).replace(/&amp;/g, "&"));

async function main() {
  if (!xmllintAvailable()) {
    log("skipped: no `xmllint` on PATH (apt-get install libxml2-utils to check sitemaps and feeds)");
    return;
  }
  const work = mkdtempSync(join(tmpdir(), "masthead-xml-"));
  const state = join(work, "v3");
  let mf: Miniflare | null = null;
  const problems: string[] = [];
  try {
    await seed({ state, demo: true, articles: 0, reset: false, seed: 1 });
    const env = await openLocalEnv(state);
    let sections: string[] = [];
    try {
      await createArticle(env.db, { section: "xw/bdxw", title: "岚江 & 两岸“夜景” <提升> 工程启动", body: "本网讯 今天。", status: "published" }, { actor: SCHEDULER, now: Date.now() });
      sections = (await listSections(env.db)).map((s) => s.path);
    } finally {
      await env.dispose();
    }
    mf = new Miniflare({ ...storageOptions(state), workers: [mastheadWorker(bundleWorker(), state)] });
    const site = (await (await mf.dispatchFetch(`${ORIGIN}/robots.txt`)).text()).match(/^Sitemap: (.+)$/gm)?.map((l) => l.slice("Sitemap: ".length)) ?? [];
    const siteUrl = new URL(site[0] ?? "http://missing/").origin;
    const local = (url: string) => `${ORIGIN}${new URL(url).pathname}`;
    let files = 0;
    const check = async (url: string, schema: string | undefined) => {
      const res = await mf?.dispatchFetch(local(url), { redirect: "manual" });
      const text = (await res?.text()) ?? "";
      if (res?.status !== 200) {
        problems.push(`${url} answered ${res?.status}`);
        return "";
      }
      const file = join(work, `doc-${files++}.xml`);
      writeFileSync(file, text);
      const error = xmllint(file, schema);
      if (error) problems.push(`${url}:\n${error}`);
      return text;
    };
    if (site.length !== 2) problems.push(`robots.txt names ${site.length} sitemaps, not 2`);
    const index = await check(`${siteUrl}/sitemap.xml`, "siteindex.xsd");
    const news = await check(`${siteUrl}/sitemap-news.xml`, "news-urlset.xsd");
    if (locs(news).length === 0) problems.push("the news sitemap lists nothing, though an article went out just now");
    const pages = [...locs(news)];
    for (const sitemap of locs(index)) pages.push(...locs(await check(sitemap, "sitemap.xsd")));
    for (const page of new Set(pages)) {
      const res = await mf.dispatchFetch(local(page), { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) problems.push(`${page} (in a sitemap) answered ${res.status}`);
    }
    const feeds = ["", ...sections.map((s) => `/html/${s}`)].flatMap((base) => [`${siteUrl}${base}/rss.xml`, `${siteUrl}${base}/atom.xml`]);
    for (const feed of feeds) await check(feed, undefined);
    log(`${files} documents checked: the sitemap index, ${locs(index).length} sitemaps, the news sitemap (${pages.length} page URLs, each 200), ${feeds.length} feeds`);
  } finally {
    await mf?.dispose();
    rmSync(work, { recursive: true, force: true });
  }
  if (problems.length) {
    console.error(problems.join("\n"));
    process.exitCode = 1;
    log(`${problems.length} problem(s)`);
    return;
  }
  log("every sitemap is valid against its schema and every feed is well-formed");
}

await main();

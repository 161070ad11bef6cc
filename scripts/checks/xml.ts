// Checks what crawlers and feed readers get as XML, with libxml2's xmllint (built to WebAssembly, from npm, so it
// runs wherever npm does): the sitemap index, every sitemap it lists and the Google News sitemap against the
// official schemas, unmodified (test/fixtures/xsd: sitemaps.org's and Google's, each file saying where it comes
// from), every <loc> answering 200 at that very URL (canonical, no redirect), and every RSS and Atom feed — the
// site's and each section's — well-formed XML. The Worker as deploy bundles it, in Miniflare, over a fresh copy
// of the demo content plus one article published now, so the news sitemap is not empty (empty, it is a 404:
// test/sitemaps.test.ts). First, that the schemas are as strict as published: an empty url set or index fails.
//
//   npm run check:xml
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare } from "miniflare";
import { validateXML } from "xmllint-wasm";
import { SCHEDULER } from "../../src/domain/actor.ts";
import { listSections } from "../../src/db/sections.ts";
import { createArticle } from "../../src/publish/changes.ts";
import { ROOT, openLocalEnv, storageOptions } from "../bindings/local-env.ts";
import { mastheadWorker } from "../bindings/worker.ts";
import { freshDemo, theBundle } from "./prepared.ts";

const ORIGIN = "http://localhost";
const XSD = join(ROOT, "test/fixtures/xsd");
const log = (message: string) => console.log(`check-xml: ${message}`);

// Every schema is in xmllint's file system, so the one named can import the others; nothing is fetched.
const schemas = readdirSync(XSD).map((fileName) => ({ fileName, contents: readFileSync(join(XSD, fileName), "utf8") }));

/** xmllint's complaint about a document, or null: against the schema named, or, without one, as well-formed XML. */
async function xmllint(fileName: string, contents: string, schema?: string): Promise<string | null> {
  const xml = { fileName, contents };
  const named = schemas.find((s) => s.fileName === schema);
  if (schema && !named) throw new Error(`no schema ${schema} in ${XSD}`);
  const result = named
    ? await validateXML({ xml, schema: named, preload: schemas.filter((s) => s !== named) })
    : await validateXML({ xml, normalization: "format" });
  return result.valid ? null : result.errors.map((e) => e.rawMessage).join("\n");
}

const EMPTY: readonly (readonly [string, string])[] = [
  ["sitemap.xsd", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>'],
  ["news-urlset.xsd", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"></urlset>'],
  ["siteindex.xsd", '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>'],
];

/** The schemas refuse what the published ones refuse: a document with nothing in it. A relaxed copy would not. */
async function schemasRefuseEmpty(problems: string[]) {
  for (const [schema, root] of EMPTY) {
    if ((await xmllint(`empty-${schema}.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`, schema)) === null) {
      problems.push(`${schema} accepts an empty document: it is not the published schema`);
    }
  }
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] as string).replace(/&amp;/g, "&"));

async function main() {
  const work = mkdtempSync(join(tmpdir(), "masthead-xml-"));
  const state = join(work, "v3");
  let mf: Miniflare | null = null;
  const problems: string[] = [];
  await schemasRefuseEmpty(problems);
  try {
    await freshDemo(state);
    const env = await openLocalEnv(state);
    let sections: string[] = [];
    try {
      await createArticle(env.db, { section: "xw/bdxw", title: "岚江 & 两岸“夜景” <提升> 工程启动", body: "本网讯 今天。", status: "published" }, { actor: SCHEDULER, now: Date.now() });
      sections = (await listSections(env.db)).map((s) => s.path);
    } finally {
      await env.dispose();
    }
    mf = new Miniflare({ ...storageOptions(state), workers: [mastheadWorker(theBundle(), state)] });
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
      const error = await xmllint(`doc-${files++}.xml`, text, schema);
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

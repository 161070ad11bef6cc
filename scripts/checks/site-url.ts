// Before a deploy: refuses a SITE_URL on a loopback host (the shipped http://localhost:8787), which would have
// the deployed site print links to localhost in every page, feed and sitemap. The Worker refuses to serve such
// a site on any other host too (src/http/site-origin.ts); this says so before anything is uploaded.
//
//   node scripts/checks/site-url.ts        (npm run deploy runs it first)
import { wranglerConfig } from "../bindings/local-env.ts";
import { isLoopbackHost } from "../../src/content/site-origin.ts";

const siteUrl = wranglerConfig().vars.SITE_URL ?? "";
let problem: string | null = null;
try {
  const url = new URL(siteUrl);
  if (isLoopbackHost(url.hostname)) problem = `SITE_URL is ${siteUrl}, a local address`;
  else if (url.protocol !== "https:") problem = `SITE_URL is ${siteUrl}, not https`;
} catch {
  problem = `SITE_URL is ${JSON.stringify(siteUrl)}, not a URL`;
}
if (problem) {
  console.error(`deploy refused: ${problem}. Set SITE_URL in wrangler.toml's [vars] to the site's public origin (https://…) first.`);
  process.exit(1);
}
console.log(`site-url: links will name ${new URL(siteUrl).origin}`);

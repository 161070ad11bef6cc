// The run as Markdown: a header saying how it ran, then per size the results table, the targets met or not,
// publish → fresh read and the database's size. Written to .bench/results.md, and into the docs by a complete run.
import type { indexSize } from "./index-size.ts";
import { resultsTable, targetsTable, type ResultRow } from "./results-table.ts";
import { BASELINE_BYTES } from "./servers.ts";
import type { LoadOptions } from "./wrk.ts";

export type FreshRead = { publishMs: number[]; freshMs: number[]; checks: number[] };

export type SizeResult = { rows: ResultRow[]; loadAverage: number; fresh: FreshRead | null; size: ReturnType<typeof indexSize> };

/** How the run ran, for its header. */
export type Run = {
  date: string;
  quick: boolean;
  /** The scenarios it was limited to, if it was. */
  only: RegExp | null;
  versions: { miniflare: string; wrk: string };
  opts: LoadOptions & { warmupSeconds: number; rounds: number };
  /** Sequential requests per scenario for its KB and D1 columns. */
  samples: number;
};

const MB = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The search index's size, per article, and what a 10 GB D1 then holds. */
function sizeLine(s: ReturnType<typeof indexSize>): string {
  const perArticle = s.fileBytes / Math.max(1, s.articles);
  return (
    `Database ${MB(s.fileBytes)} MB for ${s.articles.toLocaleString("en-US")} articles (${(perArticle / 1024).toFixed(1)} KB an article), ` +
    `of which the search index ${MB(s.indexBytes)} MB (${(s.indexBytes / Math.max(1, s.articles) / 1024).toFixed(2)} KB an article, ` +
    `${((100 * s.indexBytes) / Math.max(1, s.fileBytes)).toFixed(0)}%; sqlite dbstat pages): a 10 GB D1 holds about ` +
    `${Math.floor(10e9 / perArticle).toLocaleString("en-US")} such articles with the index, ` +
    `${Math.floor(10e9 / ((s.fileBytes - s.indexBytes) / Math.max(1, s.articles))).toLocaleString("en-US")} without.`
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function freshLine(fresh: FreshRead): string {
  return (
    `Publish → next fresh read (${fresh.freshMs.length} runs): the publish answers in ${median(fresh.publishMs).toFixed(0)} ms ` +
    `(median), and every URL of its purge set serves the new version ${median(fresh.freshMs).toFixed(0)} ms after the publish was ` +
    `sent (median; slowest ${Math.max(...fresh.freshMs).toFixed(0)} ms), that time mostly the check itself: two requests per URL, ` +
    `one through the cache and one past it, for ${fresh.checks.map(String).join(", ")} pass(es) over the nine URLs.`
  );
}

/** One size's part of the report: its heading, the load it began under, the table, the targets, the rest. */
export function sizeSection(size: number, r: SizeResult): string {
  return [
    `### ${size.toLocaleString("en-US")} articles`,
    "",
    `Load average ${r.loadAverage.toFixed(2)} as the load began.`,
    "",
    resultsTable(r.rows),
    "",
    "The miss-path targets (issue 18), read against the floors of the same run:",
    "",
    targetsTable(r.rows),
    "",
    ...(r.fresh ? [freshLine(r.fresh), ""] : []),
    sizeLine(r.size),
    "",
  ].join("\n");
}


const how = (run: Run) => `${run.quick ? "quick" : "full"}${run.only ? `, scenarios matching /${run.only.source}/` : ""}`;

function header(run: Run): string {
  const o = run.opts;
  return (
    `Run of ${run.date}, ${how(run)}: Miniflare ${run.versions.miniflare}, wrk ${run.versions.wrk}, each Worker in a workerd of its own, ` +
    `${o.connections} connections on ${o.threads} threads over loopback HTTP, ${o.seconds} s per scenario in ${o.rounds} ` +
    `interleaved round${o.rounds === 1 ? "" : "s"} after a ${o.warmupSeconds} s warm-up. "throughput ÷ floor" = the row's req/s ÷ ` +
    `its floor's (a hit's: one Cache API lookup; a miss's: one D1 query; a floor's: the constant ${BASELINE_BYTES / 1024} KB baseline); ` +
    `"workerd CPU" is the user + system time of the row's own workerd process (/proc/<pid>/stat) per request, local D1 included; ` +
    `KB and D1 columns are the mean of ${run.samples} sequential requests.`
  );
}

export const reportMarkdown = (run: Run, results: { size: number; result: SizeResult }[]): string =>
  [header(run), "", ...results.map(({ size, result }) => sizeSection(size, result))].join("\n");

export const chartSubtitle = (run: Run, results: { size: number; result: SizeResult }[]): string =>
  `${run.quick ? "Quick" : "Full"} run${run.only ? ` of the scenarios matching /${run.only.source}/` : ""}; load average ` +
  `${results.map(({ size, result }) => `${result.loadAverage.toFixed(2)} at ${size.toLocaleString("en-US")} articles`).join(", ")} as each size began`;

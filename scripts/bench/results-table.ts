// The benchmark's results as a Markdown table: one row per scenario, the first row being the baseline.

export type ResultRow = {
  name: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number;
  kb: number;
  queries: number | null;
  rowsRead: number | null;
  /** The X-Cache answers of the sampled responses, most common first: "HIT", "MISS 40/50"… */
  served: string;
  requests: number;
  non2xx: number;
  socketErrors: number;
};

const COLUMNS = [
  "scenario", "served", "req/s", "p50 ms", "p99 ms", "throughput ÷ baseline", "workerd CPU ms/req", "baseline CPU ÷ CPU", "KB",
  "D1 queries/req", "D1 rows read/req", "non-2xx/3xx",
] as const;

const cell = (n: number | null, digits: number) => (n === null ? "n/a" : n.toFixed(digits));

function errors(r: ResultRow): string {
  const failed = r.non2xx ? `${r.non2xx}/${r.requests}` : "0";
  return r.socketErrors ? `${failed} (+${r.socketErrors} socket errors)` : failed;
}

/**
 * "throughput ÷ baseline" is scenario req/s ÷ baseline req/s: 1 is as fast as serving constant bytes, 0.25 a
 * quarter. "baseline CPU ÷ CPU" is the same ratio in workerd CPU per request, the steadier of the two.
 */
export function resultsTable(rows: ResultRow[]): string {
  const baseline = rows[0];
  const lines = rows.map((r) =>
    [
      r.name,
      r.served || "–",
      r.rps.toFixed(0),
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
      baseline ? (r.rps / baseline.rps).toFixed(2) : "n/a",
      r.cpuMsPerRequest.toFixed(2),
      baseline ? (baseline.cpuMsPerRequest / r.cpuMsPerRequest).toFixed(2) : "n/a",
      r.kb.toFixed(1),
      cell(r.queries, 1),
      cell(r.rowsRead, 1),
      errors(r),
    ].join(" | "),
  );
  return [
    `| ${COLUMNS.join(" | ")} |`,
    `| --- |${" ---: |".repeat(COLUMNS.length - 1)}`,
    ...lines.map((line) => `| ${line} |`),
  ].join("\n");
}

// The benchmark's results as Markdown: one row per scenario, each read against its floor (a hit against one
// Cache API lookup, a miss against one D1 query, the floors against the constant-bytes baseline), and the
// issue's targets checked against those ratios.
import type { Floor, WorkerName } from "./servers.ts";

/** What a scenario is held to: at least `throughput` of its floor's req/s, at most `cpu` times its CPU. */
export type Target = { throughput: number; cpu?: number };

export type ResultRow = {
  name: string;
  /** The scenario's name at every size (the table's may name a size's own page or count), for the chart. */
  label: string;
  worker: WorkerName;
  /** The Worker whose row this one is read against; null for the baseline itself. */
  floor: Floor | null;
  target?: Target;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerRequest: number;
  kb: number;
  roundTrips: number | null;
  queries: number | null;
  rowsRead: number | null;
  /** The X-Cache answers of the sampled responses, most common first: "HIT", "MISS 40/50"… */
  served: string;
  requests: number;
  non2xx: number;
  socketErrors: number;
};

const COLUMNS = [
  "scenario", "served", "req/s", "p50 ms", "p99 ms", "workerd CPU ms/req", "read against", "throughput ÷ floor", "floor CPU ÷ CPU",
  "throughput ÷ baseline", "KB", "D1 round trips/req", "D1 statements/req", "D1 rows read/req", "non-2xx/3xx",
] as const;

/** How the table names each floor. */
export const FLOOR_NAMES: Record<Floor, string> = { baseline: "baseline", "d1-floor": "one D1 query", "cache-floor": "one lookup" };

const cell = (n: number | null, digits: number) => (n === null ? "n/a" : n.toFixed(digits));

function errors(r: ResultRow): string {
  const failed = r.non2xx ? `${r.non2xx}/${r.requests}` : "0";
  return r.socketErrors ? `${failed} (+${r.socketErrors} socket errors)` : failed;
}

/** The row of the scenario that measured `worker` alone (a floor, the baseline). */
const rowOf = (rows: ResultRow[], worker: WorkerName | null) => (worker === null ? undefined : rows.find((r) => r.worker === worker));

/** A row's ratios to its floor: req/s ÷ the floor's req/s, and the floor's CPU per request ÷ its own. */
export function ratios(rows: ResultRow[], r: ResultRow): { throughput: number; cpu: number } | null {
  const floor = rowOf(rows, r.floor);
  return floor ? { throughput: r.rps / floor.rps, cpu: floor.cpuMsPerRequest / r.cpuMsPerRequest } : null;
}

/**
 * "throughput ÷ floor" is the row's req/s ÷ its floor's: 1 is as fast as the floor, 0.5 half. "floor CPU ÷ CPU"
 * is the same ratio in workerd CPU per request, the steadier of the two on a busy machine.
 */
export function resultsTable(rows: ResultRow[]): string {
  const baseline = rowOf(rows, "baseline");
  const lines = rows.map((r) => {
    const toFloor = ratios(rows, r);
    return [
      r.name,
      r.served || "–",
      r.rps.toFixed(0),
      r.p50Ms.toFixed(2),
      r.p99Ms.toFixed(2),
      r.cpuMsPerRequest.toFixed(2),
      r.floor === null ? "–" : FLOOR_NAMES[r.floor],
      toFloor ? toFloor.throughput.toFixed(2) : "–",
      toFloor ? toFloor.cpu.toFixed(2) : "–",
      baseline ? (r.rps / baseline.rps).toFixed(2) : "n/a",
      r.kb.toFixed(1),
      cell(r.roundTrips, 1),
      cell(r.queries, 1),
      cell(r.rowsRead, 1),
      errors(r),
    ].join(" | ");
  });
  return [`| ${COLUMNS.join(" | ")} |`, `| --- | --- |${" ---: |".repeat(4)} --- |${" ---: |".repeat(COLUMNS.length - 7)}`, ...lines.map((line) => `| ${line} |`)].join(
    "\n",
  );
}

/** Each row with a target, its ratios, and whether it meets it. */
export function targetsTable(rows: ResultRow[]): string {
  const lines = rows.flatMap((r) => {
    const toFloor = ratios(rows, r);
    if (!r.target || !toFloor || r.floor === null) return [];
    const { throughput, cpu } = r.target;
    const cpuTimes = 1 / toFloor.cpu;
    const met = toFloor.throughput >= throughput && (cpu === undefined || cpuTimes <= cpu);
    return [
      `| ${r.name} | ${FLOOR_NAMES[r.floor]} | ${toFloor.throughput.toFixed(2)} | ≥ ${throughput} | ${cpuTimes.toFixed(2)}× | ${
        cpu === undefined ? "–" : `≤ ${cpu}×`
      } | ${met ? "yes" : "**no**"} |`,
    ];
  });
  return [
    "| scenario | against | throughput ÷ floor | target | CPU ÷ floor's CPU | target | met |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- |",
    ...lines,
  ].join("\n");
}

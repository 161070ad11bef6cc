// What a scenario's responses look like, from a few sequential requests after its load run: size, status,
// and the D1 use the Worker reports in `Server-Timing: d1;dur=…;desc="round_trips=… queries=… rows_read=… rows_written=…"`.
import type { HttpRequest } from "./wrk.ts";

export type Sample = {
  /** Mean body size in bytes. */
  bytes: number;
  /** Mean D1 round trips, statements and rows read per response, or null when no response carried the d1 entry. */
  roundTrips: number | null;
  queries: number | null;
  rowsRead: number | null;
  statuses: Map<number, number>;
  /** How the responses were served (X-Cache), e.g. HIT × 50. */
  served: Map<string, number>;
};

/** `d1;dur=3;desc="round_trips=1 queries=2 rows_read=5 rows_written=0"` → { roundTrips, queries, rowsRead }. */
export function parseD1ServerTiming(header: string | null): { roundTrips: number; queries: number; rowsRead: number } | null {
  const m = header ? /(?:^|,)\s*d1;[^,]*desc="[^"]*round_trips=(\d+)[^"]*queries=(\d+)[^"]*rows_read=(\d+)/.exec(header) : null;
  return m ? { roundTrips: Number(m[1]), queries: Number(m[2]), rowsRead: Number(m[3]) } : null;
}

/** `count` requests one after another, going round `requests` in order. */
export async function sampleResponses(origin: string, requests: HttpRequest[], count: number): Promise<Sample> {
  let bytes = 0;
  let roundTrips = 0;
  let queries = 0;
  let rowsRead = 0;
  let metered = 0;
  const statuses = new Map<number, number>();
  const served = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const r = requests[i % requests.length] as HttpRequest;
    const res = await fetch(new URL(r.path, origin), { headers: r.headers ?? {}, redirect: "manual" });
    bytes += (await res.arrayBuffer()).byteLength;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const d1 = parseD1ServerTiming(res.headers.get("Server-Timing"));
    const xCache = res.headers.get("X-Cache");
    if (xCache) served.set(xCache, (served.get(xCache) ?? 0) + 1);
    // A response from the cache read nothing from D1, so it carries no d1 entry: it counts as zero.
    if (d1 || xCache === "HIT") {
      metered += 1;
      roundTrips += d1?.roundTrips ?? 0;
      queries += d1?.queries ?? 0;
      rowsRead += d1?.rowsRead ?? 0;
    }
  }
  return {
    bytes: bytes / count,
    roundTrips: metered ? roundTrips / metered : null,
    queries: metered ? queries / metered : null,
    rowsRead: metered ? rowsRead / metered : null,
    statuses,
    served,
  };
}

// Load over HTTP with wrk (Debian's `wrk`): a C load generator in its own process, so what it measures is
// the server and not the client. Bounded: a fixed duration and a fixed number of connections, loopback only.
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** One request a scenario may send: a path on the Worker's origin and the headers to send with it. */
export type HttpRequest = { path: string; headers?: Record<string, string> };

export type LoadOptions = { seconds: number; connections: number; threads: number };

export type LoadRun = {
  requests: number;
  seconds: number;
  /** Responses with a status above 399 (wrk's "Non-2xx or 3xx responses"). */
  non2xx: number;
  /** Connect, read and write errors and timeouts. */
  socketErrors: number;
  /** The latency distribution in ms: quantile i/1000, each standing for requests/1000 of the requests. */
  quantilesMs: number[];
};

const LUA = join(import.meta.dirname, "wrk-requests.lua");

/** Whether `wrk` is on the PATH, so the benchmark can say what to install instead of failing in spawn. */
export function hasWrk(): boolean {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (err) {
    // wrk --version prints its usage and exits 1: present. ENOENT: absent.
    return (err as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

const requestLine = (r: HttpRequest) => {
  const headers = Object.entries(r.headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  for (const field of [r.path, ...headers]) if (/[\t\r\n]/.test(field)) throw new Error(`wrk: tab or newline in ${JSON.stringify(field)}`);
  return [r.path, ...headers].join("\t");
};

/** Runs wrk against `origin` for `opts.seconds`, each request picked at random from `requests`. */
export async function runWrk(origin: string, requests: HttpRequest[], opts: LoadOptions): Promise<LoadRun> {
  const url = new URL(origin);
  if (url.hostname !== "127.0.0.1") throw new Error(`wrk: refusing to load ${origin}: loopback (127.0.0.1) only`);
  if (requests.length === 0) throw new Error("wrk: no requests");
  const dir = mkdtempSync(join(tmpdir(), "masthead-wrk-"));
  try {
    const file = join(dir, "requests.txt");
    writeFileSync(file, requests.map(requestLine).join("\n") + "\n");
    const args = [
      `-t${opts.threads}`, `-c${opts.connections}`, `-d${opts.seconds}s`, "--timeout", "10s", "--latency",
      "-s", LUA, url.origin, "--", file,
    ];
    // Asynchronous, so Node keeps draining workerd's stdout and stderr while the load runs.
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile("wrk", args, { encoding: "utf8", maxBuffer: 1 << 24 }, (err, out, stderr) =>
        err ? reject(new Error(`wrk failed: ${err.message}\n${stderr}`)) : resolve(out),
      ),
    );
    const line = stdout.split("\n").find((l) => l.startsWith("WRK_RESULT "));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const r = JSON.parse(line.slice("WRK_RESULT ".length)) as {
      requests: number; durationUs: number; status: number; connect: number; read: number; write: number; timeout: number; quantilesUs: number[];
    };
    return {
      requests: r.requests,
      seconds: r.durationUs / 1e6,
      non2xx: r.status,
      socketErrors: r.connect + r.read + r.write + r.timeout,
      quantilesMs: r.quantilesUs.map((us) => us / 1000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Several runs of one scenario as one: totals add up, and the latency distributions are pooled by weight. */
export function mergeRuns(runs: LoadRun[]): LoadRun {
  const weighted = runs
    .flatMap((run) => run.quantilesMs.map((ms) => ({ ms, weight: run.requests / run.quantilesMs.length })))
    .sort((a, b) => a.ms - b.ms);
  const total = weighted.reduce((n, q) => n + q.weight, 0);
  const quantilesMs: number[] = [];
  let seen = 0;
  let i = 0;
  for (let k = 1; k <= 1000; k++) {
    while (i < weighted.length - 1 && seen + (weighted[i] as { weight: number }).weight < (k / 1000) * total) {
      seen += (weighted[i] as { weight: number }).weight;
      i++;
    }
    quantilesMs.push(weighted[i]?.ms ?? 0);
  }
  const sum = (f: (run: LoadRun) => number) => runs.reduce((n, run) => n + f(run), 0);
  return {
    requests: sum((r) => r.requests),
    seconds: sum((r) => r.seconds),
    non2xx: sum((r) => r.non2xx),
    socketErrors: sum((r) => r.socketErrors),
    quantilesMs,
  };
}

/** Latency at percentile `p` (0–100], in ms. */
export const percentileMs = (run: LoadRun, p: number) =>
  run.quantilesMs[Math.min(run.quantilesMs.length, Math.max(1, Math.round(p * 10))) - 1] ?? 0;

// `npm test`: every check this project has, two steps at a time so both cores work. First the Worker is
// bundled and the demo seeded, once, side by side (the checks and the desk's browser tests start from copies:
// scripts/checks/prepared.ts); then two runners take the other steps from one queue, the longest first, so
// neither is left with a long step at the end. Each step's output is printed whole when it ends, so two
// steps never interleave; every step runs even when one fails, and the summary names the failures.
//
//   npm test
//   node scripts/test.ts --list        the steps, in the order they are taken, without running them
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, wranglerBin } from "./bindings/local-env.ts";
import { BUNDLE_VAR, DEMO_VAR } from "./checks/prepared.ts";

type Step = { name: string; command: string[] };

const bin = (name: string) => join(ROOT, "node_modules/.bin", name);
const node = (...args: string[]) => [process.execPath, ...args];
const check = (name: string): Step => ({ name: `check:${name}`, command: node(`scripts/checks/${name}.ts`) });
const tsc = (project: string): Step => ({ name: `tsc -p ${project}`, command: [bin("tsc"), "-p", project] });
const vitest = (project: string): Step => ({ name: `vitest --project ${project}`, command: [bin("vitest"), "run", "--project", project] });

const listing = process.argv.includes("--list");
const work = listing ? join(tmpdir(), "masthead-test-…") : mkdtempSync(join(tmpdir(), "masthead-test-"));
const bundle = join(work, "bundle");
const demo = join(work, "demo", "v3");

const PREPARE: Step[] = [
  { name: "bundle the Worker", command: node(wranglerBin(), "deploy", "--dry-run", "--outdir", bundle) },
  { name: "seed the demo", command: node("scripts/seed.ts", "--demo", "--state", demo) },
];
// Longest first (as measured on a 2-core machine: the Vitest projects about 200 and 130 s, the checks 5–40 s).
const QUEUE: Step[] = [
  vitest("workers"),
  vitest("browser"),
  check("import-cli"),
  check("docs-examples"),
  check("staff-cli"),
  check("a11y"),
  tsc("."),
  tsc("scripts"),
  check("html"),
  check("xml"),
  tsc("test/browser"),
  check("d1-locked"),
  { name: "knip", command: [bin("knip")] },
  check("openapi"),
  tsc("client"),
  { name: "wrangler types --check", command: node(wranglerBin(), "types", "--check", "--include-runtime", "false", "--strict-vars", "false", "--env-file", "/dev/null") },
];

type Result = { step: Step; ok: boolean; seconds: number };

/** What the steps are told of the bundle and the demo: nothing unless both were made (then each makes its own). */
const shared: Record<string, string> = {};

// A guard against a hang (a test waiting on something that never comes), far above any step's time here.
const STEP_TIMEOUT_MS = 20 * 60_000;

/** The process groups of the steps running now, stopped with npm test itself. */
const running = new Set<number>();
const stopGroup = (pid: number) => {
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // Already gone.
  }
};

/** Runs one step in a process group of its own (it starts workerd, Chromium), printing its output whole when it ends. */
function run(step: Step): Promise<Result> {
  const started = performance.now();
  const [command, ...args] = step.command as [string, ...string[]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...shared },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid;
  if (pid !== undefined) running.add(pid);
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  let why: string | null = null;
  const timer = setTimeout(() => {
    why = `timed out after ${STEP_TIMEOUT_MS / 60_000} min`;
    if (pid !== undefined) stopGroup(pid);
  }, STEP_TIMEOUT_MS);
  return new Promise((done) => {
    let ended = false;
    // A process that could not start says so by 'error', and may say 'close' too: one result either way.
    const end = (ok: boolean, verdict: string) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      if (pid !== undefined) running.delete(pid);
      const seconds = (performance.now() - started) / 1000;
      process.stdout.write(`\n── ${step.name}: ${verdict} in ${seconds.toFixed(1)} s ──\n${Buffer.concat(output).toString()}`);
      done({ step, ok, seconds });
    };
    child.on("error", (error) => end(false, `FAILED (${error.message})`));
    child.on("close", (code, signal) => end(code === 0 && why === null, code === 0 && why === null ? "passed" : `FAILED (${why ?? signal ?? `exit ${code}`})`));
  });
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const pid of running) stopGroup(pid);
    rmSync(work, { recursive: true, force: true });
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

/** Takes steps from `queue` until it is empty. */
async function runner(queue: Step[], results: Result[]): Promise<void> {
  for (let step = queue.shift(); step; step = queue.shift()) results.push(await run(step));
}

async function main() {
  if (listing) {
    console.log(`side by side first:\n${PREPARE.map((s) => `  ${s.name}: ${s.command.join(" ")}`).join("\n")}`);
    console.log(`then two at a time, in this order:\n${QUEUE.map((s) => `  ${s.name}: ${s.command.join(" ")}`).join("\n")}`);
    return;
  }
  const started = performance.now();
  const results: Result[] = [];
  try {
    const made = await Promise.all(PREPARE.map(run));
    results.push(...made);
    if (made.every((r) => r.ok)) Object.assign(shared, { [BUNDLE_VAR]: bundle, [DEMO_VAR]: demo });
    const queue = [...QUEUE];
    await Promise.all([runner(queue, results), runner(queue, results)]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok);
  const wall = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\nnpm test: ${results.length} steps in ${wall} s${failed.length ? `, ${failed.length} FAILED` : ", all passed"}`);
  for (const r of results) console.log(`  ${r.ok ? "  " : "✗ "}${r.step.name.padEnd(26)} ${r.seconds.toFixed(1).padStart(6)} s`);
  if (failed.length) process.exitCode = 1;
}

await main();

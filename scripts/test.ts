// `npm test`: every check this project has, in two lanes so both cores work. One lane types and lints, then
// runs the checks that drive the CLIs, the Nu Html Checker, xmllint, axe and the docs' examples; the other
// bundles the Worker and seeds the demo once (those checks and the desk's browser tests start from copies:
// scripts/checks/prepared.ts), then runs Vitest. Each step's output is printed whole when it ends, so two
// lanes never interleave; every step runs even when one fails, and the summary names the failures.
//
//   npm test
//   node scripts/test.ts --list        the steps, in order, without running them
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

const listing = process.argv.includes("--list");
const work = listing ? join(tmpdir(), "masthead-test-…") : mkdtempSync(join(tmpdir(), "masthead-test-"));
const bundle = join(work, "bundle");
const demo = join(work, "demo", "v3");

const STATIC: Step[] = [
  { name: "wrangler types --check", command: node(wranglerBin(), "types", "--check", "--include-runtime", "false", "--strict-vars", "false", "--env-file", "/dev/null") },
  ...[".", "scripts", "client", "test/browser"].map((project) => ({ name: `tsc -p ${project}`, command: [bin("tsc"), "-p", project] })),
  { name: "knip", command: [bin("knip")] },
];
const CHECKS: Step[] = ["openapi", "import-cli", "staff-cli", "html", "xml", "d1-locked", "a11y", "docs-examples"].map(check);
const PREPARE: Step[] = [
  { name: "bundle the Worker", command: node(wranglerBin(), "deploy", "--dry-run", "--outdir", bundle) },
  { name: "seed the demo", command: node("scripts/seed.ts", "--demo", "--state", demo) },
];
const VITEST: Step = { name: "vitest run", command: [bin("vitest"), "run"] };

type Result = { step: Step; ok: boolean; seconds: number };

/** What the steps are told of the bundle and the demo: nothing until both are made (then each makes its own). */
const shared: Record<string, string> = {};

/** Runs one step, printing its output whole when it ends. */
function run(step: Step): Promise<Result> {
  const started = performance.now();
  const [command, ...args] = step.command as [string, ...string[]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...shared },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
  return new Promise((done) => {
    child.on("close", (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      const ok = code === 0;
      const verdict = ok ? "passed" : `FAILED (${signal ?? `exit ${code}`})`;
      process.stdout.write(`\n── ${step.name}: ${verdict} in ${seconds.toFixed(1)} s ──\n${Buffer.concat(output).toString()}`);
      done({ step, ok, seconds });
    });
  });
}

async function lane(steps: Step[], results: Result[]): Promise<void> {
  for (const step of steps) results.push(await run(step));
}

async function main() {
  if (listing) {
    for (const [n, steps] of [["1", [...STATIC, ...CHECKS]], ["2", [...PREPARE, VITEST]]] as const) {
      console.log(`lane ${n}:\n${steps.map((s) => `  ${s.name}: ${s.command.join(" ")}`).join("\n")}`);
    }
    return;
  }
  const started = performance.now();
  const results: Result[] = [];
  try {
    // The checks need the bundle and the demo, so their lane waits for them after its own static steps.
    const prepared = (async () => {
      const made: Result[] = [];
      await lane(PREPARE, made);
      results.push(...made);
      if (made.every((r) => r.ok)) Object.assign(shared, { [BUNDLE_VAR]: bundle, [DEMO_VAR]: demo });
    })();
    await Promise.all([
      lane(STATIC, results).then(() => prepared).then(() => lane(CHECKS, results)),
      prepared.then(() => lane([VITEST], results)),
    ]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok);
  const wall = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`\nnpm test: ${results.length} steps in ${wall} s${failed.length ? `, ${failed.length} FAILED` : ", all passed"}`);
  for (const r of results) console.log(`  ${r.ok ? "  " : "✗ "}${r.step.name.padEnd(24)} ${r.seconds.toFixed(1).padStart(6)} s`);
  if (failed.length) process.exitCode = 1;
}

await main();

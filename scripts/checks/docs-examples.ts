// Runs the docs' shell examples against the demo site, so what they show is what a newcomer gets. Seeds a
// fresh demo state and makes an admin key in it; then, for README.md and each docs/*.md, starts the Worker as
// deploy bundles it, in Miniflare, on a copy of that state (with `npm run dev`'s vars, on a free port: a
// second each, where `wrangler dev` took seven) and runs the file's ```sh run blocks in
// order in one bash session (`set -euo pipefail`: variables carry from block to block), with $KEY set and
// http://localhost:8787 pointing at that Worker. Fails on a non-zero exit, on output that does not match the
// ```text output block after an example, and on links to a Markdown file or heading that does not exist.
//
//   npm run check:docs
//   node scripts/checks/docs-examples.ts docs/front-page.md     only the files named
import { execFile, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import type { Readable } from "node:stream";
import { Miniflare } from "miniflare";
import { storageOptions, wranglerConfig } from "../bindings/local-env.ts";
import { mastheadWorker } from "../bindings/worker.ts";
import { freshDemo, theBundle } from "./prepared.ts";
import { DOCS_ORIGIN, type Example, anchors, examples, localLinks, outputMatches, trimLines } from "./docs-blocks.ts";

const ROOT = resolve(import.meta.dirname, "../..");
// Only for the check's own Worker; locally a reader puts PREVIEW_SECRET in .dev.vars.
const PREVIEW_SECRET = "docs-examples-preview-secret";
// Guards against a hang (an example waiting on a port nothing answers), not a measure of anything.
const FILE_TIMEOUT_MS = 180_000;
const MARK = "@@docs-example@@";

const log = (message: string) => console.log(`check-docs: ${message}`);

const docFiles = () => [
  "README.md",
  ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`),
];

/** Links to a Markdown file that does not exist, or to a heading it does not have. */
function brokenLinks(files: string[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const link of localLinks(text)) {
      const target = link.target === "" ? file : relative(ROOT, resolve(ROOT, dirname(file), link.target));
      const where = `${file}:${link.line}`;
      if (!existsSync(join(ROOT, target))) {
        problems.push(`${where}: links to ${link.target}, which does not exist`);
      } else if (link.anchor && !anchors(readFileSync(join(ROOT, target), "utf8")).has(link.anchor)) {
        problems.push(`${where}: links to ${target}#${link.anchor}, a heading it does not have`);
      }
    }
  }
  return problems;
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? done(address.port) : fail(new Error("no port"))));
    });
  });

function npm(args: string[]): string {
  const run = spawnSync("npm", args, { cwd: ROOT, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${run.stdout}${run.stderr}`);
  return run.stdout;
}

/**
 * The Worker as deploy bundles it, in Miniflare over the state in `persistTo`, with wrangler.toml's vars as
 * `npm run dev` gives them, on a free loopback port (SITE_URL names it, so absolute links it prints, a
 * preview link, lead back to it).
 */
async function startWorker(bundle: string, persistTo: string): Promise<{ origin: string; worker: Miniflare; said: string[] }> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const state = join(persistTo, "v3");
  const said: string[] = [];
  const mf = new Miniflare({
    ...storageOptions(state),
    host: "127.0.0.1",
    port,
    // What the Worker logs, shown only with a failing example (as wrangler dev's terminal would have it).
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      for (const stream of [stdout, stderr]) stream.on("data", (chunk: Buffer) => said.push(chunk.toString()));
    },
    // /cdn-cgi/handler/scheduled runs the cron handler, as under wrangler dev.
    unsafeTriggerHandlers: true,
    workers: [{ ...mastheadWorker(bundle, state), bindings: { ...wranglerConfig().vars, D1_METER: "on", PREVIEW_SECRET, SITE_URL: origin } }],
  });
  await mf.ready;
  return { origin, worker: mf, said };
}

/** The file's examples as one bash script, each preceded by a marker line so its output can be told apart. */
function script(list: Example[], origin: string): string {
  const parts = ["set -euo pipefail", "exec 2>&1"];
  list.forEach((ex, i) => parts.push(`printf '\\n${MARK}%s\\n' ${i}`, ex.code.replaceAll(DOCS_ORIGIN, origin)));
  return `${parts.join("\n")}\nprintf '\\n${MARK}end\\n'\n`;
}

type BashRun = { stdout: string; stderr: string; status: number | null; error: Error | null };

/** Runs a script in its own bash, asynchronously, so two files' examples can run side by side. */
function bash(file: string, key: string): Promise<BashRun> {
  const options = { cwd: ROOT, env: { ...process.env, KEY: key }, timeout: FILE_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 };
  return new Promise((done) => {
    execFile("bash", ["--noprofile", "--norc", file], options, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === "number" ? error.code : null;
      done({ stdout, stderr, status, error: error && status === null ? error : null });
    });
  });
}

/** Runs one file's examples; returns what went wrong, each with the file, line and the command's output. */
async function runFile(list: Example[], origin: string, key: string, work: string): Promise<string[]> {
  const file = join(work, "examples.sh");
  writeFileSync(file, script(list, origin));
  const run = await bash(file, key);
  const outputs = new Map<string, string>();
  const pieces = run.stdout.split(new RegExp(`\\n${MARK}(\\S+)\\n`));
  // What the Worker prints with its own origin (SITE_URL) reads as the docs' origin again.
  for (let i = 1; i < pieces.length; i += 2) {
    outputs.set(pieces[i] as string, (pieces[i + 1] ?? "").replaceAll(origin, DOCS_ORIGIN));
  }
  const problems: string[] = [];
  for (const [i, ex] of list.entries()) {
    const output = outputs.get(String(i));
    const ran = outputs.has(String(i + 1)) || (i === list.length - 1 && outputs.has("end"));
    const show = (why: string) =>
      `${ex.file}:${ex.line}: ${why}\n--- example\n${ex.code}\n--- output\n${output ?? ""}` +
      (run.stderr ? `\n--- stderr\n${run.stderr}` : "");
    if (output === undefined) break; // an earlier example stopped the session
    if (!ran) {
      problems.push(show(run.error ? `did not finish (${run.error.message})` : `failed (exit ${run.status})`));
      break;
    }
    if (ex.expected && !outputMatches(ex.expected, trimLines(output))) {
      problems.push(show(`the output is not what the doc shows:\n--- the doc shows\n${ex.expected.join("\n")}`));
    }
  }
  return problems;
}

/** One file's examples against a Worker of its own, over a fresh copy of the demo state. */
async function checkFile(list: Example[], bundle: string, demo: string, state: string, key: string): Promise<string[]> {
  cpSync(demo, state, { recursive: true });
  const began = performance.now();
  const { origin, worker, said } = await startWorker(bundle, state);
  const ready = performance.now();
  try {
    const problems = await runFile(list, origin, key, state);
    return problems.length && said.length ? [...problems, `the Worker said, while ${list[0]?.file}'s examples ran:\n${said.join("")}`] : problems;
  } finally {
    await worker.dispose();
    const s = (ms: number) => (ms / 1000).toFixed(1);
    const ran = s(performance.now() - ready);
    log(`${list[0]?.file}: ${list.length} examples in ${ran} s (its Worker started in ${s(ready - began)} s)`);
  }
}

async function main() {
  const started = performance.now();
  const named = process.argv.slice(2);
  const files = named.length ? named : docFiles();
  const problems = brokenLinks(files);
  const byFile = files.flatMap((file) => {
    const found = examples(file, readFileSync(join(ROOT, file), "utf8"));
    problems.push(...found.problems);
    return found.examples.length ? [found.examples] : [];
  });
  const count = byFile.reduce((n, list) => n + list.length, 0);
  const work = mkdtempSync(join(tmpdir(), "masthead-docs-"));
  const demo = join(work, "demo");
  try {
    const bundle = theBundle();
    await freshDemo(join(demo, "v3"));
    const key = npm(["run", "-s", "key", "--", "create", "--name", "me", "--role", "admin", "--persist-to", demo])
      .trim().split("\n").at(-1) as string;
    log(`${count} examples in ${byFile.length} files, each file against a fresh copy of the demo`);
    // Each file starts from the demo as `npm run dev` first serves it, whatever another file changed; two
    // files at a time, so one Worker starts while the other file's examples run.
    const queue = [...byFile.entries()];
    const lane = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const [n, list] = next;
        problems.push(...(await checkFile(list, bundle, demo, join(work, String(n)), key)));
      }
    };
    await Promise.all([lane(), lane()]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (problems.length) {
    for (const p of problems) console.error(`\n${p}`);
    process.exitCode = 1;
    log(`${problems.length} problem${problems.length === 1 ? "" : "s"} (${seconds} s)`);
    return;
  }
  log(`${count} examples ran and showed what the docs show (${seconds} s)`);
}

await main();

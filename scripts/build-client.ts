// Bundles the desk's browser code (client/pages/*.ts, one entry per screen) with esbuild into content-hashed
// files that Workers Static Assets serves under /desk/assets/, writes the `_headers` that let every cache keep
// them for a year, and the manifest the Worker reads to print each page's <script>. Prints every page's
// gzipped JavaScript against its budget (client/budgets.ts). wrangler's [build] runs it before `wrangler dev`
// and `wrangler deploy`; vitest.config.ts before the tests.
//
//   node scripts/build-client.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { budgetOf } from "../client/budgets.ts";
import { ASSET_PATH, type DeskManifest } from "../src/desk/manifest.ts";

// Not from bindings/local-env.ts: that loads Miniflare, and this runs before every dev start and test run.
const ROOT = resolve(import.meta.dirname, "..");

/** The directory wrangler.toml's [assets] serves; only what the build writes is in it. */
export const ASSETS_DIR = join(ROOT, "dist/client");
/** Outside the assets directory: the manifest is for the Worker's bundle, not for browsers. */
export const MANIFEST_FILE = join(ROOT, "dist/desk-manifest.json");
const PAGES_DIR = join(ROOT, "client/pages");
const OUT_DIR = join(ASSETS_DIR, ASSET_PATH);

// Workers Static Assets' _headers (one rule per path pattern): every file here has its hash in its name.
const HEADERS = `${ASSET_PATH}*
  Cache-Control: public, max-age=31536000, immutable
  X-Content-Type-Options: nosniff
`;

export type PageSize = { page: string; files: number; gzipBytes: number; budgetBytes: number };

/** The output files a chunk pulls in, transitively, by esbuild's metafile (static imports only). */
function importsOf(file: string, outputs: esbuild.Metafile["outputs"], seen = new Set<string>()): Set<string> {
  for (const imported of outputs[file]?.imports ?? []) {
    if (imported.kind !== "import-statement" || seen.has(imported.path)) continue;
    seen.add(imported.path);
    importsOf(imported.path, outputs, seen);
  }
  return seen;
}

const gzipped = (path: string) => gzipSync(readFileSync(path)).byteLength;
const urlOf = (dir: string, outPath: string) => `/${relative(dir, join(ROOT, outPath)).split("\\").join("/")}`;

/** Every file under `dir` by its relative path, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name)));
  }
  return files;
}

function sameFiles(a: string, b: string): boolean {
  if (!existsSync(b)) return false;
  const [left, right] = [filesOf(a), filesOf(b)];
  return left.size === right.size && [...left].every(([path, bytes]) => right.get(path)?.equals(bytes) === true);
}

/**
 * Puts a finished build where the assets are served from. Never cleaned in place: two `wrangler dev` started
 * at once (the docs check starts two) each run this build, and one emptying the directory while the other
 * wrote or served it failed them both. Each build writes a directory of its own and swaps it in by renames;
 * builds of the same sources are the same files (hashed names), so whichever lands last is as good. A build
 * that changes nothing leaves the served directory alone: a runtime serving it (workerd holds the directory
 * open) would otherwise go on serving the one renamed away and deleted, and answer every script 404.
 */
function swapIn(built: string, target: string, suffix: string): void {
  if (sameFiles(built, target)) {
    rmSync(built, { recursive: true, force: true });
    return;
  }
  const old = `${target}.old-${suffix}`;
  try {
    renameSync(target, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  try {
    renameSync(built, target);
  } catch (error) {
    // Another build's identical files got there between the two renames: keep those.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
    rmSync(built, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/** Builds every page's script; returns the manifest written and each page's measured size. */
export async function buildClient(): Promise<{ manifest: DeskManifest; sizes: PageSize[] }> {
  // A clean directory of this build's own: files of earlier builds must not be uploaded with this one.
  const suffix = `${process.pid}-${Date.now()}`;
  const building = `${ASSETS_DIR}.building-${suffix}`;
  const outDir = join(building, ASSET_PATH);
  mkdirSync(outDir, { recursive: true });
  const entries = readdirSync(PAGES_DIR).filter((f) => f.endsWith(".ts")).sort();
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(entries.map((f) => [basename(f, ".ts"), join(PAGES_DIR, f)])),
    outdir: outDir,
    entryNames: "[name].[hash]",
    chunkNames: "shared.[hash]",
    bundle: true,
    // Shared modules (the API client, passkeys) become chunks every page's entry imports: cached once.
    splitting: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    minify: true,
    // Linked maps, hashed like the code: the source is public anyway, and an error in the desk reads as it was written.
    sourcemap: "linked",
    metafile: true,
    legalComments: "none",
    tsconfig: join(ROOT, "client/tsconfig.json"),
    logLevel: "warning",
  });
  const { outputs } = result.metafile;
  const scripts: DeskManifest["scripts"] = {};
  const sizes: PageSize[] = [];
  for (const [outPath, output] of Object.entries(outputs)) {
    if (!output.entryPoint) continue;
    const page = basename(output.entryPoint, ".ts");
    const chunks = [...importsOf(outPath, outputs)];
    const gzipBytes = [outPath, ...chunks].reduce((sum, f) => sum + gzipped(join(ROOT, f)), 0);
    scripts[page] = { src: urlOf(building, outPath), preload: chunks.map((c) => urlOf(building, c)), gzip_bytes: gzipBytes };
    sizes.push({ page, files: 1 + chunks.length, gzipBytes, budgetBytes: budgetOf(page) });
  }
  const manifest: DeskManifest = { scripts };
  writeFileSync(join(building, "_headers"), HEADERS);
  swapIn(building, ASSETS_DIR, suffix);
  // Written whole, then renamed: a Worker bundled meanwhile reads the old manifest or the new, never half.
  writeFileSync(`${MANIFEST_FILE}.${suffix}`, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(`${MANIFEST_FILE}.${suffix}`, MANIFEST_FILE);
  return { manifest, sizes: sizes.sort((a, b) => a.page.localeCompare(b.page)) };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function sizeTable(sizes: PageSize[]): string {
  return sizes
    .map((s) => {
      const over = s.gzipBytes > s.budgetBytes ? "  OVER BUDGET" : "";
      return `  ${s.page.padEnd(10)} ${kib(s.gzipBytes).padStart(9)} gzipped in ${s.files} file${s.files === 1 ? "" : "s"} (budget ${kib(s.budgetBytes)})${over}`;
    })
    .join("\n");
}

if (import.meta.main) {
  const started = performance.now();
  const { sizes } = await buildClient();
  console.log(`build-client: ${sizes.length} desk pages in ${Math.round(performance.now() - started)} ms → ${relative(ROOT, OUT_DIR)}\n${sizeTable(sizes)}`);
  if (sizes.some((s) => s.gzipBytes > s.budgetBytes)) process.exitCode = 1;
}

// Moves a newsroom in: imports a DedeCMS 5.7 or PHPCMS v9 site from its mysqldump into the local D1 and R2
// that `wrangler dev` serves, or with --remote into the deployed ones, through the app's own write path.
//
//   npm run import -- dedecms backup.sql --uploads /www/wwwroot/qinglan.cn
//   npm run import -- phpcms v9.sql --encoding gbk --remote
import { statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { InvalidTextError, placeName } from "./import/bad-text.ts";
import { DumpError } from "./import/dump/errors.ts";
import { CHARSET_NAMES } from "./import/dump/charsets.ts";
import { fileSource, uploadsFolder } from "./import/node-sources.ts";
import { formatSummary } from "./import/report.ts";
import { type Progress, runImport } from "./import/run.ts";
import { DEFAULT_STATE, applyMigrations, openLocalEnv, resolveState } from "./bindings/local-env.ts";
import { WranglerD1 } from "./bindings/wrangler-d1.ts";
import { wranglerBucket } from "./bindings/wrangler-r2.ts";

const USAGE = `Usage: npm run import -- <dedecms|phpcms> <dump.sql> [options]

  --uploads DIR      the old site's web root (holding uploads/ or uploadfile/), or that folder itself:
                     every picture a body or cover names is stored, and its reference rewritten
  --state DIR        local state, as for npm run seed (default .wrangler/state/v3, what wrangler dev serves)
  --remote           the deployed D1 and R2, through wrangler (after wrangler login and the migrations)
  --encoding NAME    the dump's text encoding when it does not say or says wrong: ${CHARSET_NAMES.join(", ")}
  --lenient          import text that is not valid in that encoding with � for what cannot be read, each
                     field listed in the report (without it, such text stops the import before any write)
  --prefix P         the table prefix (dede_, v9_), when the dump holds more than one set of tables
  --site N           PHPCMS: which site of a multi-site install (default 1)
  --old-host HOST    another host the old site answered at (repeatable); its links and pictures are its own
  --update           rewrite articles whose fields changed in the dump since they were imported, or
                     whose pictures --uploads can now bring (never those edited in Masthead since)
  --batch N          articles per write batch (default 200; 1000 with --remote)
  --report FILE      also write the report as JSON

Exit status: 0 imported (or everything was already there), 1 the dump was refused and nothing was written,
2 the command line is wrong, 3 not one article could be imported (the report says why), 130 interrupted.`;

type Cli = {
  system: "dedecms" | "phpcms";
  dump: string;
  uploads: string | undefined;
  state: string;
  remote: boolean;
  encoding: string | undefined;
  lenient: boolean;
  prefix: string | undefined;
  site: number;
  oldHosts: string[];
  update: boolean;
  batch: number;
  report: string | undefined;
};

/** The options as parseArgs reads them; a mistyped one is a problem to say, not a stack trace. */
function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        uploads: { type: "string" },
        state: { type: "string" },
        remote: { type: "boolean", default: false },
        encoding: { type: "string" },
        lenient: { type: "boolean", default: false },
        prefix: { type: "string" },
        site: { type: "string", default: "1" },
        "old-host": { type: "string", multiple: true, default: [] },
        update: { type: "boolean", default: false },
        batch: { type: "string" },
        report: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const option = /'(-[^' ]+)/.exec(err instanceof Error ? err.message : "")?.[1] ?? "an option";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") usageError(`unknown option ${option}`);
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") usageError(`${option} needs a value`);
    throw err;
  }
}

function usageError(problem: string): never {
  console.error(`import: ${problem}\n\n${USAGE}`);
  process.exit(2);
}

/** What is wrong with the files named (before any state is opened), or null. */
function fileProblem(dump: string, uploads: string | undefined): string | null {
  const dumpInfo = statSync(dump, { throwIfNoEntry: false });
  if (!dumpInfo) return `the dump ${dump} is not there`;
  if (!dumpInfo.isFile()) return `the dump ${dump} is not a file`;
  // A mistyped folder would import every article without its pictures, as if it had brought them.
  if (uploads !== undefined && !statSync(uploads, { throwIfNoEntry: false })?.isDirectory()) return `the uploads folder ${uploads} is not a folder`;
  return null;
}

function parse(argv: string[]): Cli {
  const { values, positionals } = readArgs(argv);
  const [system, dump, ...rest] = positionals;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const batch = Number(values.batch ?? (values.remote ? 1000 : 200));
  const site = Number(values.site);
  const problem =
    system !== "dedecms" && system !== "phpcms" ? "name the system: dedecms or phpcms"
    : dump === undefined ? "name the dump file"
    : rest.length ? `unexpected arguments: ${rest.join(" ")}`
    : values.remote && values.state !== undefined ? "--remote and --state exclude each other"
    : !Number.isSafeInteger(batch) || batch < 1 || batch > 5000 ? "--batch must be a whole number from 1 to 5000"
    : !Number.isSafeInteger(site) || site < 1 ? "--site must be a positive whole number"
    : fileProblem(dump, values.uploads);
  if (problem || (system !== "dedecms" && system !== "phpcms") || dump === undefined) usageError(problem ?? "");
  return {
    system,
    dump,
    uploads: values.uploads,
    state: values.state ? resolveState(values.state) : DEFAULT_STATE,
    remote: values.remote,
    encoding: values.encoding,
    lenient: values.lenient,
    prefix: values.prefix,
    site,
    oldHosts: values["old-host"],
    update: values.update,
    batch,
    report: values.report,
  };
}

const n = (x: number) => x.toLocaleString("en-US");

/** One line, rewritten in place on a terminal and printed every few seconds otherwise. */
function progressPrinter(): { show: (p: Progress) => void; done: () => void } {
  let last = 0;
  const tty = process.stderr.isTTY;
  return {
    show(p) {
      const now = Date.now();
      if (!tty && now - last < 5000) return;
      last = now;
      const line =
        p.phase === "scan"
          ? `import: checking the dump, ${(p.bytes / 1e6).toFixed(1)} MB read`
          : `import: ${n(p.rows)} / ${n(p.total)} rows, ${n(p.imported)} imported, ${n(p.skipped)} not imported, ${n(Math.round(p.rows / Math.max(p.elapsedMs / 1000, 0.001)))} rows/s`;
      process.stderr.write(tty ? `\r${line}\u001b[K` : `${line}\n`);
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}

async function main(cli: Cli): Promise<number> {
  const stop = new AbortController();
  let stops = 0;
  // First Ctrl-C: finish the batches in flight and report; run the same command again to carry on.
  process.on("SIGINT", () => {
    stops += 1;
    if (stops > 1) process.exit(130);
    process.stderr.write("\nimport: stopping after the batches in flight (Ctrl-C again to quit at once)…\n");
    stop.abort();
  });

  let dispose = async () => {};
  let target: { db: Parameters<typeof runImport>[0]["db"]; bucket: Parameters<typeof runImport>[0]["bucket"] };
  if (cli.remote) {
    const db = new WranglerD1();
    // The schema is the deployment's business: the import needs migration 0009 applied there.
    await db.prepare("SELECT 1 FROM legacy_articles LIMIT 1").all().catch((err: unknown) => {
      throw new Error(`the remote database is not ready (${err instanceof Error ? err.message.split("\n")[0] : String(err)}): run npx wrangler d1 migrations apply DB --remote`);
    });
    target = { db, bucket: wranglerBucket() };
  } else {
    const env = await openLocalEnv(cli.state);
    const applied = await applyMigrations(env.db);
    if (applied.length) console.error(`import: applied migrations ${applied.join(", ")}`);
    target = { db: env.db, bucket: env.bucket };
    dispose = env.dispose;
  }

  const progress = progressPrinter();
  try {
    const summary = await runImport({
      system: cli.system,
      source: fileSource(cli.dump),
      uploads: cli.uploads ? uploadsFolder(cli.uploads) : null,
      ...target,
      ...(cli.encoding !== undefined && { encoding: cli.encoding }),
      ...(cli.prefix !== undefined && { prefix: cli.prefix }),
      lenient: cli.lenient,
      siteId: cli.site,
      oldHosts: cli.oldHosts,
      update: cli.update,
      batchSize: cli.batch,
      // D1 runs one import file at a time: remote batches go one after another.
      inFlight: cli.remote ? 1 : 2,
      onProgress: progress.show,
      signal: stop.signal,
    });
    progress.done();
    console.log(formatSummary(summary).join("\n"));
    if (cli.report) writeFileSync(cli.report, `${JSON.stringify(summary, null, 2)}\n`);
    if (summary.interrupted) console.log("\nRun the same command again to carry on: what is already there is skipped.");
    else if (!summary.noneImported) console.log(`\nIf the site was already serving, purge its edge cache: POST /api/v1/admin/cache/purge {"everything": true} (docs/operations.md, "Purging by hand").`);
    // A script that goes on to serve or deploy must not take an import of nothing for a success.
    return summary.interrupted ? 130 : summary.noneImported ? 3 : 0;
  } finally {
    progress.done();
    await dispose();
  }
}

try {
  process.exitCode = await main(parse(process.argv.slice(2)));
} catch (err) {
  if (!(err instanceof DumpError) && !(err instanceof Error && /remote database is not ready|ENOENT/.test(err.message))) throw err;
  console.error(`import: ${err.message}${err instanceof DumpError ? " — nothing was imported" : ""}`);
  if (err instanceof InvalidTextError && err.total > 1) {
    // Every field, so the dump can be mended (or --lenient chosen) knowing what it would cost.
    const shown = err.places.slice(0, 50);
    console.error(`Fields whose text is not valid (${n(err.total)}):\n${shown.map((p) => `  line ${p.line}: ${placeName(p)}`).join("\n")}`);
    if (err.total > shown.length) console.error(`  and ${n(err.total - shown.length)} more`);
  }
  process.exitCode = 1;
}

// Seeds the local D1 and R2 that `wrangler dev` serves: the demo site (--demo) and/or N synthetic
// articles (--articles N). No account, no network: Miniflare opens the same files wrangler uses.
//
//   node scripts/seed.ts --demo                       demo site, skipped when already loaded
//   node scripts/seed.ts --articles 100000            synthetic archive (seeded, deterministic)
//   node scripts/seed.ts --articles 1000 --state .bench/state-1000/v3 --reset
import { rmSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { formatIsoDate } from "../src/content/dates.ts";
import { loadDemo } from "./demo/load.ts";
import { loadFront } from "./demo/front.ts";
import { indexBacklog } from "../src/publish/reindex.ts";
import { generateArticles } from "./generate/generate.ts";
import { DEFAULT_STATE, applyMigrations, openLocalEnv, resolveState } from "./bindings/local-env.ts";
import { demoAdminLink, demoAdminNotice } from "./staff/demo-invite.ts";
import { staffSite } from "./staff/site.ts";

const USAGE = `Usage: node scripts/seed.ts [--demo] [--articles N] [--state DIR] [--reset] [--seed S]
  --demo         load the demo site (sections, pictures, 64 articles); nothing is duplicated on re-runs; and
                 invite the demo admin (login "admin"), printing the invite link until it is used
  --articles N   add N synthetic published articles, older than anything already published
  --state DIR    local state: a v3 directory, or a wrangler --persist-to directory (default .wrangler/state/v3,
                 the one wrangler dev uses)
  --reset        delete the local D1 and R2 data under DIR first
  --seed S       PRNG seed for --articles (default 1)`;

export type SeedOptions = { state: string; demo: boolean; articles: number; reset: boolean; seed: number };

const log = (message: string) => console.log(`seed: ${message}`);

export async function seed(opts: SeedOptions): Promise<void> {
  if (opts.reset) {
    for (const dir of ["d1", "r2"]) rmSync(join(opts.state, dir), { recursive: true, force: true });
    log(`reset ${opts.state}`);
  }
  const env = await openLocalEnv(opts.state);
  try {
    const migrated = await applyMigrations(env.db);
    if (migrated.length) log(`applied migrations ${migrated.join(", ")}`);
    // Articles stored before search existed (migrations/0008 queued them): indexed now, not a minute at a time.
    let indexed = 0;
    for (let n = await indexBacklog(env.db, 500); n > 0; n = await indexBacklog(env.db, 500)) indexed += n;
    if (indexed) log(`indexed ${indexed} articles for search`);
    if (opts.demo) {
      const started = performance.now();
      const demo = await loadDemo(env.db, env.bucket);
      log(
        demo.articles === 0
          ? `demo already loaded (${demo.skipped} articles)`
          : `demo: ${demo.sections} sections, ${demo.articles} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      const front = await loadFront(env.db, env.bucket);
      if (front.slots || front.topics) log(`front page: ${front.slots} slots filled, ${front.topics} topics made`);
      const link = await demoAdminLink(env.db, opts.state, staffSite());
      if (link) log(demoAdminNotice(link));
    }
    if (opts.articles > 0) {
      const started = performance.now();
      let reported = 0;
      const result = await generateArticles(env.db, env.bucket, {
        count: opts.articles,
        seed: opts.seed,
        onProgress: (done) => {
          if (done - reported < 10_000 && done < opts.articles) return;
          reported = done;
          const s = (performance.now() - started) / 1000;
          log(`${done}/${opts.articles} articles, ${Math.round(done / s)}/s`);
        },
      });
      const s = result.importMs / 1000;
      log(
        `${result.count} articles (ids ${result.firstId}–${result.lastId}, ` +
          `${formatIsoDate(result.first)} to ${formatIsoDate(result.last)}, Beijing time) ` +
          `imported in ${s.toFixed(1)} s: ${Math.round(result.count / s)} articles/s`,
      );
    }
  } finally {
    await env.dispose();
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      demo: { type: "boolean", default: false },
      articles: { type: "string" },
      state: { type: "string" },
      reset: { type: "boolean", default: false },
      seed: { type: "string", default: "1" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const articles = values.articles === undefined ? 0 : Number(values.articles);
  const seedValue = Number(values.seed);
  if (values.help || !Number.isSafeInteger(articles) || articles < 0 || !Number.isSafeInteger(seedValue) || (!values.demo && articles === 0 && !values.reset)) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  await seed({
    state: values.state ? resolveState(values.state) : DEFAULT_STATE,
    demo: values.demo,
    articles,
    reset: values.reset,
    seed: seedValue,
  });
}

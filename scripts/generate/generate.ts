// The data generator: N synthetic published articles spread over the site's sections, oldest first,
// through the bulk import path (src/publish/import.ts) a batch at a time.
import { nextArticleIdStatement } from "../../src/db/article-writes.ts";
import { oldestPublishedAt } from "../../src/db/bulk.ts";
import type { Section } from "../../src/domain/section.ts";
import { listSections } from "../../src/db/sections.ts";
import { importPublishedArticles } from "../../src/publish/import.ts";
import { SEED_ACTOR, ensurePictures, ensureSections } from "../demo/load.ts";
import { SCENES, type SceneName } from "../demo/scenes.ts";
import { seededRandom } from "../demo/random.ts";
import { syntheticArticle } from "./synthetic.ts";

/** Synthetic ids start here: clear of the demo's legacy-style ids, and easy to tell apart (or delete). */
const SYNTHETIC_FIRST_ID = 1_000_000;

/** Where the archive ends when the database has nothing published: just before the demo's first article. */
const DEFAULT_END = Date.parse("2026-05-31T22:00:00+08:00");

const DAY = 86_400_000;

/** How often each section gets an article, as on a portal where the political and local news lead. */
const WEIGHTS: Record<string, number> = {
  "xw/dzyw": 20, "xw/bdxw": 20, "xw/gngj": 8, "jj/cy": 8, "jj/ny": 8,
  "wl/ly": 7, "wl/fy": 4, "ms/jy": 8, "ms/yl": 7, tp: 6,
};

export type GenerateOptions = {
  count: number;
  seed: number;
  batchSize?: number;
  onProgress?: (done: number) => void;
};

export type GenerateResult = {
  count: number;
  firstId: number;
  lastId: number;
  /** Oldest and newest publication times. */
  first: number;
  last: number;
  /** Time spent importing, setup (sections, pictures) excluded. */
  importMs: number;
};

/** Leaf sections (those without children), each repeated by its weight, for picking by index. */
function weightedLeaves(sections: Section[]): string[] {
  const parents = new Set(sections.map((s) => s.parentId).filter((id) => id !== null));
  return sections
    .filter((s) => !parents.has(s.id))
    .flatMap((s) => Array.from({ length: WEIGHTS[s.path] ?? 1 }, () => s.path));
}

/**
 * Publication times, oldest first, ending before `end`: a newsroom's rhythm of 5–55 minutes between
 * articles from 07:00 to 22:00 Beijing time, nothing at night (about 30 a day).
 */
function timeline(count: number, end: number, seed: number): number[] {
  const random = seededRandom(seed ^ 0x5eed);
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < count; i++) {
    t += random.int(5, 55) * 60_000 + random.int(0, 59) * 1000;
    const hour = Math.floor((t % DAY) / 3_600_000);
    // The day here is Beijing's, from 00:00; the shift below moves whole days only.
    if (hour >= 22) t = t - (t % DAY) + DAY + 7 * 3_600_000;
    else if (hour < 7) t = t - (t % DAY) + 7 * 3_600_000;
    times.push(t);
  }
  const last = times[times.length - 1] ?? 0;
  const endDay = Math.floor((end + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  const shift = endDay - Math.ceil(last / DAY) * DAY;
  // Every time lands on or before the Beijing midnight that starts `end`'s day.
  return times.map((x) => x + shift);
}

export async function generateArticles(db: D1Database, bucket: R2Bucket, opts: GenerateOptions): Promise<GenerateResult> {
  let sections = await listSections(db);
  if (sections.length === 0) {
    await ensureSections(db);
    sections = await listSections(db);
  }
  const leaves = weightedLeaves(sections);
  const covers = [...(await ensurePictures(db, bucket, Object.keys(SCENES) as SceneName[])).values()];
  const next = (await nextArticleIdStatement(db).first<{ id: number }>())?.id ?? 1;
  const firstId = Math.max(next, SYNTHETIC_FIRST_ID);
  const end = Math.min(DEFAULT_END, (await oldestPublishedAt(db)) ?? DEFAULT_END);
  const times = timeline(opts.count, end, opts.seed);

  const random = seededRandom(opts.seed);
  const batchSize = opts.batchSize ?? 200;
  const chains = new Map<string, Section[]>();
  const now = Date.now();
  const started = performance.now();
  // A few batches in flight: Node renders and builds the next ones while workerd writes the earlier ones.
  // Yielding after each send lets Node push the request out before it gets busy again.
  const inFlight: Promise<unknown>[] = [];
  for (let start = 0; start < times.length; start += batchSize) {
    const items = times.slice(start, start + batchSize).map((publishedAt, i) =>
      syntheticArticle(random, { id: firstId + start + i, sectionPath: random.pick(leaves), publishedAt, covers }),
    );
    const sent = importPublishedArticles(db, items, { actor: SEED_ACTOR, now, chains }).then(({ refused }) => {
      // Synthetic articles are made to the rules: one refused is a bug in the generator, not data to skip.
      const [first] = refused;
      if (first) throw new Error(`synthetic article ${first.item.id} refused: ${first.error.message}`);
    });
    // Its failure is reported when it is awaited; until then it must not count as unhandled.
    sent.catch(() => undefined);
    inFlight.push(sent);
    await new Promise((resolve) => setImmediate(resolve));
    if (inFlight.length >= 3) {
      await inFlight.shift();
      opts.onProgress?.(start + items.length - batchSize * inFlight.length);
    }
  }
  await Promise.all(inFlight);
  opts.onProgress?.(times.length);
  return {
    count: times.length,
    firstId,
    lastId: firstId + times.length - 1,
    first: times[0] ?? end,
    last: times[times.length - 1] ?? end,
    importMs: performance.now() - started,
  };
}

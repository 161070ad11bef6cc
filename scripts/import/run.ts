// One import of a DedeCMS 5.7 or PHPCMS v9 dump, platform-neutral (the CLI gives it files and the local or
// remote D1; tests give it bytes and the test D1): scan the dump whole (a malformed one stops here, before
// anything is written), then stream the articles a batch at a time through the one write path's bulk form,
// making the sections just before the first write: an import that brings no article makes none. Each batch
// is one db.batch, so an interrupted run leaves whole batches only, and the next run skips every article
// already there (by its kept id) and carries on: the database is the checkpoint.
import { type Actor, tool } from "../../src/domain/actor.ts";
import { DomainError } from "../../src/domain/errors.ts";
import type { LegacySystem } from "../../src/domain/legacy.ts";
import type { Section } from "../../src/domain/section.ts";
import { formatIsoDate } from "../../src/content/dates.ts";
import { sha256Hex } from "../../src/content/sha256.ts";
import type { Db } from "../../src/domain/db.ts";
import { existingArticles } from "../../src/db/legacy.ts";
import type { MediaBucket } from "../../src/storage/media-objects.ts";
import { type ImportItem, importPublishedArticles, reimportArticle } from "../../src/publish/import.ts";
import { ImageTally } from "./body/image-tally.ts";
import { OldImages } from "./body/images.ts";
import { imageSources, parseLegacyBody } from "../../src/content/legacy-html.ts";
import type { Candidate } from "./candidate.ts";
import { UrlPatterns } from "./old-urls.ts";
import { type Preparer, judgeOldPaths, prepareArticle } from "./prepare.ts";
import type { RawRow } from "./dump/lexer.ts";
import { type DumpRecord, int } from "./record.ts";
import { type ImportSummary, whyNoneImported } from "./report.ts";
import { type Scan, readBodies, scanDump, tableRows } from "./scan.ts";
import { type SectionsResult, ensureSections } from "./sections/create.ts";
import { planSections } from "./sections/plan.ts";
import type { DumpSource, UploadsSource } from "./source.ts";
import { siteOf } from "./systems.ts";
import { SlotEntries, phpcmsSlotEntries } from "./curation.ts";
import { emptyCuration, writeSlots } from "./write-slots.ts";
import { emptyTopics, writeTopics } from "./write-topics.ts";

const IMPORT_ACTOR: Actor = tool("import", "admin");

export type Progress =
  | { phase: "scan"; bytes: number }
  | { phase: "articles"; rows: number; total: number; imported: number; skipped: number; elapsedMs: number };

export type RunOptions = {
  system: LegacySystem;
  source: DumpSource;
  /** The old site's uploads folder; without it pictures are left out (and counted). */
  uploads: UploadsSource | null;
  db: Db;
  bucket: MediaBucket;
  encoding?: string;
  prefix?: string;
  /** Import text not valid in the dump's encoding with U+FFFD, each such field listed, instead of refusing the dump. */
  lenient?: boolean;
  /** PHPCMS: which site of a multi-site install (v9_site), 1 by default. */
  siteId?: number;
  /** Hosts the old site answered at besides the one its settings name: links and pictures on them are its own. */
  oldHosts?: readonly string[];
  /** Rewrite articles whose rows changed in the dump since they were imported (unless edited since). */
  update?: boolean;
  batchSize?: number;
  /** Batches written at once while the next is prepared. */
  inFlight?: number;
  actor?: Actor;
  onProgress?: (progress: Progress) => void;
  /** Stops after the batches in flight: the next run carries on from there. */
  signal?: AbortSignal;
};

function emptySummary(scan: Scan, dump: string): ImportSummary {
  return {
    system: scan.system,
    dump,
    prefix: scan.prefix,
    encoding: scan.encoding,
    badText: { charset: scan.main.charset.name, ...scan.badText },
    sections: { created: 0, existing: 0, notMade: 0, skipped: [], merged: [] },
    articles: {
      rows: 0,
      published: 0,
      submitted: 0,
      drafts: 0,
      submittedReasons: {},
      draftReasons: {},
      unchanged: 0,
      changedKept: [],
      updated: [],
      editedKept: [],
      skipped: [],
    },
    images: { stored: 0, reused: 0, missing: [], refused: [], notImported: 0, external: 0 },
    curation: emptyCuration(),
    topics: emptyTopics(),
    notes: [],
    urls: [],
    noneImported: null,
    interrupted: false,
    seconds: 0,
  };
}

/**
 * A fingerprint of what an article is made of: the fields the import reads, not the whole rows (a live
 * site's click counts change every day), and, for an article with pictures, which of them the uploads folder
 * holds — so a run with --update after one without --uploads, or with a folder that lacked some, brings
 * them in, and a run that finds no more than the last rewrites nothing.
 */
async function fingerprintOf(c: Candidate, images: OldImages): Promise<string> {
  const { id, sectionId, status, publishedAt, updatedAt, title, titleBold, source, summary, bylines, cover, html, oldPaths } = c;
  const refs = [...(cover ? [cover] : []), ...(/<img\b/i.test(html) ? imageSources(parseLegacyBody(html)) : [])];
  const found = await Promise.all(refs.map((ref) => images.findable(ref)));
  const pictures = refs.length ? { found } : {};
  return sha256Hex(JSON.stringify({ id, sectionId, status, publishedAt, updatedAt, title, ...(titleBold && { titleBold }), source, summary, bylines, cover, html, oldPaths, ...pictures }));
}

export async function runImport(opts: RunOptions): Promise<ImportSummary> {
  const started = Date.now();
  const actor = opts.actor ?? IMPORT_ACTOR;
  const scan = await scanDump(opts.source, {
    system: opts.system,
    ...(opts.encoding !== undefined && { encoding: opts.encoding }),
    ...(opts.prefix !== undefined && { prefix: opts.prefix }),
    lenient: opts.lenient ?? false,
    onProgress: (bytes) => opts.onProgress?.({ phase: "scan", bytes }),
  });
  const summary = emptySummary(scan, opts.source.name);
  const site = siteOf(scan, opts);
  const urls = new UrlPatterns();

  const plan = planSections(site.sections);
  summary.sections.skipped = plan.skipped;
  summary.sections.merged = plan.planned.filter((s) => s.mergedInto !== undefined).map((s) => ({ legacyId: s.legacyId, path: s.path }));
  // Where each old section's articles go, known before any section is made.
  const placedAt = new Map(plan.planned.map((s) => [s.legacyId, s.path]));
  // Made once, before the first write, or when an article of an earlier import of the system is met (a
  // re-run keeps its tree and old directories as they are): never by an import that brings nothing in.
  const tree: { made: Promise<SectionsResult> | null } = { made: null };
  const makeSections = () => (tree.made ??= ensureSections(opts.db, scan.system, plan.planned, { patterns: urls, dirPattern: site.dirPattern }));
  // Rows whose id an article not imported from this system already has: a state that is not the dump's.
  let taken = 0;
  const skippedSections = new Map(plan.skipped.map((s) => [s.legacyId, s]));

  const tally = new ImageTally();
  const preparer: Preparer = {
    system: scan.system,
    hosts: site.hosts,
    images: new OldImages({ db: opts.db, bucket: opts.bucket, uploads: opts.uploads, hosts: site.hosts, actor }),
    tally,
    urls,
    notes: summary.notes,
  };

  const chains = new Map<string, Section[]>();
  // The line of the first row of each id the dump repeats: the rows after it are not imported.
  const firstOfRepeated = new Map<number, number>();
  const inFlight: Promise<void>[] = [];
  let published = 0;
  // What the old front page held, for the slots once the articles are in: DedeCMS's flags of the articles
  // published here (PHPCMS's 推荐位 are tables of their own, read whole).
  const flagged = new SlotEntries();
  const onSite = (c: Candidate) => flagged.addFlags(c.id, c.flags, c.publishedAt);
  // DedeCMS's 专题 are rows of the article table: made topics once the articles they list are in.
  const topicRows: Row[] = [];

  type Accepted = { item: ImportItem; candidate: Candidate; line: number };
  type Update = { item: ImportItem & { id: number; legacy: NonNullable<ImportItem["legacy"]> }; version: number; line: number };

  /** Imports a batch; when a statement of it is too large for the way D1 is reached (wrangler's SQL text), one by one. */
  async function importBatch(accepted: Accepted[]) {
    try {
      return await importPublishedArticles(opts.db, accepted.map((a) => a.item), { actor, now: Date.now(), chains });
    } catch (err) {
      if (!isTooLarge(err) || accepted.length === 1) throw err;
      const merged = { ids: [] as number[], sectionPaths: [] as string[], refused: [] as Awaited<ReturnType<typeof importPublishedArticles>>["refused"] };
      for (const one of accepted) {
        try {
          const part = await importPublishedArticles(opts.db, [one.item], { actor, now: Date.now(), chains });
          merged.ids.push(...part.ids);
          merged.refused.push(...part.refused);
        } catch (single) {
          if (!isTooLarge(single)) throw single;
          merged.refused.push({ item: one.item, error: new DomainError("body_too_large", (single as Error).message) });
        }
      }
      return merged;
    }
  }

  async function write(accepted: Accepted[], updates: Update[]) {
    if (accepted.length) {
      const result = await importBatch(accepted);
      const refusedIds = new Set(result.refused.map((r) => r.item.id));
      for (const r of result.refused) {
        const detail = r.error.info.details?.map((d) => `${d.path}: ${d.message}`).join("; ");
        const line = accepted.find((a) => a.item.id === r.item.id)?.line ?? 0;
        summary.articles.skipped.push({ id: r.item.id ?? null, line, reason: `${r.error.message}${detail ? ` (${detail})` : ""}` });
      }
      for (const { item, candidate } of accepted) {
        if (refusedIds.has(item.id)) continue;
        if (candidate.status === "published") {
          onSite(candidate);
          summary.articles.published += 1;
          published += 1;
        } else if (candidate.status === "submitted") {
          summary.articles.submitted += 1;
          const why = candidate.statusReason ?? "waiting for review";
          summary.articles.submittedReasons[why] = (summary.articles.submittedReasons[why] ?? 0) + 1;
        } else {
          summary.articles.drafts += 1;
          const why = candidate.statusReason ?? "draft";
          summary.articles.draftReasons[why] = (summary.articles.draftReasons[why] ?? 0) + 1;
        }
      }
    }
    for (const u of updates) {
      const result = await reimportArticle(opts.db, u.item, u.version, { actor, now: Date.now() });
      if (result.kind === "updated") summary.articles.updated.push(u.item.id);
      else if (result.kind === "edited") summary.articles.editedKept.push(u.item.id);
      else summary.articles.skipped.push({ id: u.item.id, line: u.line, reason: result.error.message });
    }
  }

  /** What a batch needs before it is prepared: which of its ids exist, and its bodies. */
  function lookUp(rows: readonly Row[]) {
    const ids = rows.map((r) => idOf(r.record)).filter((id): id is number => id !== null && id > 0);
    const found = Promise.all([existingArticles(opts.db, ids), readBodies(opts.source, scan, ids)]);
    // Awaited by the batch it is for; a run that stops first leaves it unread.
    found.catch(() => undefined);
    return found;
  }

  async function batch(rows: readonly Row[], looked: Awaited<ReturnType<typeof lookUp>>) {
    const [existing, bodies] = looked;
    const accepted: Accepted[] = [];
    const updates: Update[] = [];
    for (const r of rows) {
      if (site.isTopic(r.record)) {
        topicRows.push(r);
        continue;
      }
      summary.articles.rows += 1;
      const id = idOf(r.record);
      if (id !== null && scan.repeatedIds.has(id)) {
        const first = firstOfRepeated.get(id);
        if (first !== undefined) {
          summary.articles.skipped.push({ id, line: r.line, reason: `a second row with id ${id} (the first is at line ${first}): only the first is imported` });
          continue;
        }
        firstOfRepeated.set(id, r.line);
      }
      const body = id === null ? undefined : bodies.get(id);
      const mapped = site.article(r.record, body?.record ?? null, r.line);
      if ("reason" in mapped) {
        summary.articles.skipped.push(mapped);
        continue;
      }
      const c = heldIfLater(mapped, started);
      if (c !== mapped) summary.notes.push({ id: c.id, note: `dated ${formatIsoDate(c.publishedAt)}, after the import: imported as a draft` });
      const known = existing.get(c.id);
      const fingerprint = await fingerprintOf(c, preparer.images);
      if (known && known.imported?.system !== scan.system) {
        const by = known.imported ? `imported from ${known.imported.system}` : "not imported from this dump";
        summary.articles.skipped.push({ id: c.id, line: r.line, reason: `id ${c.id} is taken by an article ${by}` });
        taken += 1;
        continue;
      }
      if (known?.imported) {
        await makeSections();
        const placed = placedAt.get(c.sectionId);
        if (placed !== undefined) judgeOldPaths(c, placed, urls);
        if (known.imported.fingerprint === fingerprint) summary.articles.unchanged += 1;
        else if (!opts.update) summary.articles.changedKept.push(c.id);
        else if (known.version !== known.imported.version) summary.articles.editedKept.push(c.id);
        else {
          const section = placedAt.get(c.sectionId);
          if (section === undefined) summary.articles.skipped.push({ id: c.id, line: r.line, reason: `unknown section (${site.sectionWord} ${c.sectionId})` });
          else {
            const item = await prepareArticle(preparer, c, section, fingerprint);
            updates.push({ item: { ...item, id: c.id, legacy: item.legacy ?? { system: scan.system, fingerprint, paths: [] } }, version: known.version, line: r.line });
          }
        }
        if (c.status === "published") {
          published += 1;
          onSite(c);
        }
        continue;
      }
      const section = placedAt.get(c.sectionId);
      if (section === undefined) {
        const skipped = skippedSections.get(c.sectionId);
        const reason = skipped ? `its section ${c.sectionId} (${skipped.name}) is not imported: ${skipped.reason}` : `unknown section (${site.sectionWord} ${c.sectionId})`;
        summary.articles.skipped.push({ id: c.id, line: r.line, reason });
        continue;
      }
      accepted.push({ item: await prepareArticle(preparer, c, section, fingerprint), candidate: c, line: r.line });
    }
    if (accepted.length || updates.length) await makeSections();
    const written = write(accepted, updates);
    // Its failure is reported when it is awaited; until then it must not count as unhandled.
    written.catch(() => undefined);
    inFlight.push(written);
    if (inFlight.length >= (opts.inFlight ?? 2)) await inFlight.shift();
  }

  const progress = () =>
    opts.onProgress?.({
      phase: "articles",
      rows: summary.articles.rows,
      total: scan.main.rows,
      imported: summary.articles.published + summary.articles.submitted + summary.articles.drafts,
      skipped: summary.articles.skipped.length,
      elapsedMs: Date.now() - started,
    });
  // The next batch is looked up before this one's write is sent: D1 answers in order, so a lookup sent
  // after the write would wait for it, and Node would sit idle instead of preparing while D1 writes.
  const batches = batchesOf(tableRows(opts.source, scan.main), opts.batchSize ?? 200);
  let next = await batches.next();
  let looked = next.done ? null : lookUp(next.value);
  while (!next.done && looked) {
    const rows = next.value;
    const found = await looked;
    next = opts.signal?.aborted ? { done: true, value: undefined } : await batches.next();
    looked = next.done ? null : lookUp(next.value);
    await batch(rows, found);
    progress();
    if (opts.signal?.aborted) break;
  }
  await Promise.all(inFlight);
  progress();

  if (!opts.signal?.aborted) {
    const entries = scan.system === "dedecms" ? flagged : phpcmsSlotEntries(scan.small.position ?? [], scan.small.position_data ?? [], opts.siteId ?? 1);
    summary.curation = await writeSlots(opts.db, entries, { actor, now: Date.now() });
  }
  const sections = tree.made ? await tree.made : null;
  // Not by an import that wrote nothing: it says so, and leaves nothing behind.
  if (!opts.signal?.aborted && sections) {
    summary.topics = await writeTopics(opts.db, site.topics(topicRows), { system: scan.system, actor, now: Date.now(), images: preparer.images, urls });
  }
  summary.sections.created = sections?.created ?? 0;
  summary.sections.existing = sections?.existing ?? 0;
  summary.sections.notMade = sections ? 0 : plan.planned.filter((s) => s.mergedInto === undefined).length;
  site.addFixedPatterns(urls, sections?.byLegacyId.size ?? 0, published);
  summary.urls = urls.list();
  summary.images = tally.report();
  summary.interrupted = opts.signal?.aborted ?? false;
  summary.noneImported = whyNoneImported(summary, taken, sections === null);
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

type Row = { line: number; record: DumpRecord };

/**
 * A published article dated after the import (a mistyped year) as a draft: published, it would head every
 * listing until that day, which no write path allows (a later publication is scheduled, not published).
 */
const heldIfLater = (c: Candidate, now: number): Candidate =>
  c.status === "published" && c.publishedAt > now ? { ...c, status: "draft", statusReason: "dated after the import" } : c;

/** DedeCMS's dede_archives and PHPCMS's v9_news both call the article's id `id`. */
const idOf = (record: DumpRecord) => int(record, "id") ?? int(record, "aid");

/** The table's rows, `size` at a time. */
async function* batchesOf(rows: AsyncIterable<{ row: RawRow; record: DumpRecord }>, size: number): AsyncGenerator<Row[], undefined> {
  let batch: Row[] = [];
  for await (const { row, record } of rows) {
    batch.push({ line: row.line, record });
    if (batch.length < size) continue;
    yield batch;
    batch = [];
  }
  if (batch.length) yield batch;
  return undefined;
}

/** A batch refused for its size by the way D1 is reached (wrangler's statement text), not for its content. */
const isTooLarge = (err: unknown) => err instanceof Error && (err.name === "StatementTooLarge" || /SQLITE_TOOBIG|statement too (?:long|large)|too large/i.test(err.message));

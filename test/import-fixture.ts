// The importer's fixtures (test/fixtures/dumps, test/fixtures/uploads, handed to workerd as a binding) and a
// run of the importer over one of them against the test D1 and R2: the same runImport the CLI calls.
import { env } from "cloudflare:workers";
import { type RunOptions, runImport } from "../scripts/import/run.ts";
import { bytesSource, filesSource } from "../scripts/import/source.ts";
import type { ImportSummary } from "../scripts/import/report.ts";
import { listSlots } from "../src/db/slots.ts";

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

export function dumpBytes(name: string): Uint8Array {
  const base64 = env.TEST_IMPORT_FIXTURES.dumps[name];
  if (base64 === undefined) throw new Error(`no fixture dump ${name}`);
  return decode(base64);
}

/** The fixture uploads folder, by site path (/uploads/allimg/…). */
export const fixtureUploads = () =>
  filesSource(new Map(Object.entries(env.TEST_IMPORT_FIXTURES.uploads).map(([path, base64]) => [`/${path}`, decode(base64)])));

/** Imports `dump` (a fixture's name, or bytes) with its uploads, read in odd-sized chunks so every boundary is crossed. */
export function importDump(system: RunOptions["system"], dump: string | Uint8Array, opts: Partial<RunOptions> = {}): Promise<ImportSummary> {
  const bytes = typeof dump === "string" ? dumpBytes(dump) : dump;
  return runImport({
    system,
    source: bytesSource(bytes, typeof dump === "string" ? dump : "dump.sql", 997),
    uploads: fixtureUploads(),
    db: env.DB,
    bucket: env.MEDIA,
    batchSize: 3,
    ...opts,
  });
}

/** How many rows each table an import writes holds: a second run must leave every count as it is. */
export async function tableCounts(): Promise<Record<string, number>> {
  const row = await env.DB.prepare(
    `SELECT (SELECT COUNT(*) FROM sections) AS sections, (SELECT COUNT(*) FROM articles) AS articles,
            (SELECT COUNT(*) FROM revisions) AS revisions, (SELECT COUNT(*) FROM section_listing) AS listings,
            (SELECT COUNT(*) FROM audit_log) AS audit, (SELECT COUNT(*) FROM media) AS media,
            (SELECT COUNT(*) FROM legacy_sections) AS legacy_sections, (SELECT COUNT(*) FROM legacy_paths) AS legacy_paths,
            (SELECT COUNT(*) FROM legacy_articles) AS legacy_articles, (SELECT COUNT(*) FROM topics) AS topics,
            (SELECT COUNT(*) FROM topic_groups) AS topic_groups, (SELECT COUNT(*) FROM topic_articles) AS topic_articles,
            (SELECT COUNT(*) FROM legacy_topics) AS legacy_topics, (SELECT COUNT(*) FROM legacy_topic_paths) AS legacy_topic_paths`,
  ).first<Record<string, number>>();
  if (!row) throw new Error("no counts");
  return row;
}

/** The article ids each slot holds now, in order (null: no such slot), as the admin API lists them. */
export async function slotsNow(slugs: readonly string[]): Promise<Record<string, number[] | null>> {
  const slots = await listSlots(env.DB);
  return Object.fromEntries(slugs.map((slug) => [slug, slots.find((s) => s.slug === slug)?.items.map((i) => i.articleId) ?? null]));
}

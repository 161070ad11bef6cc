// What an import did, counted and listed: every section and article row it did not import with its id and
// reason, every picture it could not store, every old URL pattern and whether the new site answers it.
import type { LegacySystem } from "../../src/domain/legacy.ts";
import { type BadText, placeName } from "./bad-text.ts";
import type { Skip } from "./candidate.ts";
import type { UrlPattern } from "./old-urls.ts";
import type { SkippedSection } from "./sections/plan.ts";
import type { CurationSummary } from "./write-slots.ts";
import type { TopicSummary } from "./write-topics.ts";

export type ImportSummary = {
  system: LegacySystem;
  dump: string;
  prefix: string;
  encoding: string;
  /** Fields whose text was not valid in the dump's encoding, read with U+FFFD (--lenient); `total` counts past the list. */
  badText: { charset: string; places: BadText[]; total: number };
  sections: {
    created: number;
    existing: number;
    /** Sections of the dump's tree left unmade because the import brought no article in. */
    notMade: number;
    skipped: SkippedSection[];
    merged: { legacyId: number; path: string }[];
  };
  articles: {
    rows: number;
    published: number;
    /** Waiting for review in the old system: imported as 待审 (`submitted`), in the editors' queue. */
    submitted: number;
    drafts: number;
    /** Why the submitted ones wait and the drafts are drafts, with how many of each. */
    submittedReasons: Record<string, number>;
    draftReasons: Record<string, number>;
    /** Already imported and unchanged in the dump. */
    unchanged: number;
    /** Changed in the dump since they were imported (or with pictures an uploads folder can now bring); kept without --update. */
    changedKept: number[];
    updated: number[];
    /** Changed in the dump, but also edited in Masthead since the import: the edit stands. */
    editedKept: number[];
    skipped: Skip[];
  };
  images: {
    stored: number;
    reused: number;
    missing: { path: string; articles: number[] }[];
    refused: { path: string; reason: string; articles: number[] }[];
    /** References to the old site's pictures left out because no --uploads was given. */
    notImported: number;
    external: number;
  };
  /** The old site's slots (DedeCMS flags, PHPCMS 推荐位) as Masthead's. */
  curation: CurationSummary;
  /** The old site's 专题 as topics, and what of them could not be kept. */
  topics: TopicSummary;
  /** Things done to an article on the way in that an editor may want to look at. */
  notes: { id: number; note: string }[];
  urls: UrlPattern[];
  /** Why not one article came in, when none did and none of the dump's was there before: the report's first line. */
  noneImported: string | null;
  interrupted: boolean;
  seconds: number;
};

const n = (x: number) => x.toLocaleString("en-US");

const TRY_APART = `To try the import, give it a state of its own: --state .wrangler/try (docs/import.md, "Trying an import").`;

/**
 * Why an import brought no article in, or null when it brought some, or found the dump's already there (a
 * re-run), or was interrupted. `taken` rows have ids an article not imported from the system already has:
 * the state is not the dump's (the demo's, another site's). `wroteNothing`: no section was made either.
 */
export function whyNoneImported(s: ImportSummary, taken: number, wroteNothing: boolean): string | null {
  const a = s.articles;
  if (s.interrupted || a.published + a.submitted + a.drafts + a.updated.length > 0) return null;
  if (a.unchanged + a.changedKept.length + a.editedKept.length > 0) return null;
  const other = a.skipped.length - taken;
  const why =
    a.rows === 0
      ? "the dump's article table holds no rows"
      : taken > 0 && other === 0
        ? "every id is already taken by an article here that was not imported from this dump"
        : taken > 0
          ? `${n(taken)} have ids already taken by articles here that were not imported from this dump, and the other ${n(other)} cannot be imported (listed below)`
          : "not one of its rows can be imported (each is listed below with its reason)";
  const then = [...(wroteNothing ? ["Nothing was written: no section, no picture, no old URL."] : []), ...(taken > 0 ? [TRY_APART] : [])];
  return [`0 of ${n(a.rows)} articles imported: ${why}.`, ...(then.length ? [then.join(" ")] : [])].join("\n");
}

/** The summary as lines for a terminal: counts first, then every row not imported and every URL pattern. */
export function formatSummary(s: ImportSummary): string[] {
  const a = s.articles;
  const done = a.published + a.submitted + a.drafts + a.updated.length;
  const lines = [
    ...(s.noneImported ? [...s.noneImported.split("\n"), ""] : []),
    `${s.interrupted ? "Interrupted" : s.noneImported ? "Read" : "Imported"} ${s.system === "dedecms" ? "DedeCMS" : "PHPCMS"} tables ${s.prefix}* from ${s.dump} (text read as ${s.encoding}) in ${s.seconds.toFixed(1)} s${s.seconds > 0 && done ? `, ${n(Math.round(done / s.seconds))} articles/s` : ""}.`,
    s.sections.notMade
      ? `Sections: none made, as no article came in (${n(s.sections.notMade)} in the dump's tree); ${n(s.sections.skipped.length)} not imported.`
      : `Sections: ${n(s.sections.created)} created, ${n(s.sections.existing)} already there, ${n(s.sections.skipped.length)} not imported${s.sections.merged.length ? `, ${n(s.sections.merged.length)} deeper than four levels merged into their ancestor` : ""}.`,
    `Articles: ${n(a.rows)} rows read; ${n(a.published)} published, ${n(a.submitted)} waiting for review (待审) and ${n(a.drafts)} drafts imported; ${n(a.unchanged)} already there; ${n(a.skipped.length)} not imported.`,
  ];
  const reasons = (counts: Record<string, number>) => Object.entries(counts).map(([why, count]) => `${n(count)} ${why}`).join("; ");
  if (Object.keys(a.submittedReasons).length) lines.push(`  待审: ${reasons(a.submittedReasons)}`);
  if (Object.keys(a.draftReasons).length) lines.push(`  drafts: ${reasons(a.draftReasons)}`);
  if (a.changedKept.length) lines.push(`  ${n(a.changedKept.length)} changed since their import (in the dump, or pictures --uploads can now bring), kept as they are (run again with --update): ${ids(a.changedKept)}`);
  if (a.updated.length) lines.push(`  ${n(a.updated.length)} updated from the dump: ${ids(a.updated)}`);
  if (a.editedKept.length) lines.push(`  ${n(a.editedKept.length)} changed in the dump but edited in Masthead since, kept as edited: ${ids(a.editedKept)}`);
  const i = s.images;
  lines.push(
    `Images: ${n(i.stored)} stored, ${n(i.reused)} already stored, ${n(i.missing.length)} missing, ${n(i.refused.length)} refused` +
      `${i.notImported ? `, ${n(i.notImported)} references not imported (no --uploads)` : ""}${i.external ? `, ${n(i.external)} on other sites` : ""}.`,
  );
  const cur = s.curation;
  if (cur.slots || cur.kept.length || cur.refused.length) {
    lines.push(
      `Slots: ${n(cur.slots)} filled with ${n(cur.items)} articles; ${n(cur.refused.length)} entries refused` +
        `${cur.beyond.length ? `, ${cur.beyond.map((b) => `${n(b.count)} older ones past ${b.slot}'s capacity`).join(", ")}` : ""}` +
        `${cur.expired ? `, ${n(cur.expired)} expired` : ""}${cur.kept.length ? `; ${cur.kept.join(", ")} already held articles, kept as they are` : ""}.`,
    );
  }
  const t = s.topics;
  if (t.created || t.kept.length || t.unmapped.length) {
    lines.push(
      `Topics (专题): ${n(t.created)} created with ${n(t.articles)} articles; ${n(t.unmapped.length)} entries not mapped` +
        `${t.kept.length ? `; ${t.kept.join(", ")} already imported, kept as they are` : ""}.`,
    );
  }
  if (s.badText.total) lines.push(`Text: ${n(s.badText.total)} field${s.badText.total === 1 ? "" : "s"} not valid ${s.badText.charset}, read with � in place of what could not be (--lenient), listed below.`);
  if (s.sections.skipped.length) {
    lines.push("", "Sections not imported:");
    for (const k of s.sections.skipped) lines.push(`  ${k.legacyId} ${k.name}: ${k.reason}`);
  }
  if (a.skipped.length) {
    lines.push("", "Article rows not imported:");
    for (const k of a.skipped) lines.push(`  ${k.id ?? "?"} (line ${k.line}): ${k.reason}`);
  }
  if (s.badText.total) {
    lines.push("", `Text not valid ${s.badText.charset}, read with �:`);
    for (const p of s.badText.places) lines.push(`  line ${p.line}: ${placeName(p)}`);
    if (s.badText.total > s.badText.places.length) lines.push(`  and ${n(s.badText.total - s.badText.places.length)} more`);
  }
  if (i.missing.length || i.refused.length) {
    lines.push("", "Images not stored (the articles show without them):");
    for (const m of i.missing) lines.push(`  ${m.path}: not in the uploads folder (articles ${ids(m.articles)})`);
    for (const r of i.refused) lines.push(`  ${r.path}: ${r.reason} (articles ${ids(r.articles)})`);
  }
  if (cur.refused.length) {
    lines.push("", "Slot entries not kept:");
    for (const r of cur.refused) lines.push(`  ${r.slot} ${r.articleId}: ${r.reason}`);
  }
  if (t.unmapped.length) {
    lines.push("", "Topic entries not mapped:");
    for (const u of t.unmapped) lines.push(`  ${u.legacyId} ${u.title}, ${u.entry}: ${u.reason}`);
  }
  if (s.notes.length) {
    lines.push("", "Notes:");
    for (const note of s.notes) lines.push(`  ${note.id}: ${note.note}`);
  }
  lines.push("", "Old URL patterns:");
  if (s.urls.length === 0) lines.push("  none answered: no article or section was imported");
  for (const u of s.urls) {
    lines.push(`  ${u.served ? "served" : "NOT served"}  ${u.pattern}  (${n(u.count)}; e.g. ${u.example})  ${u.served ?? u.unserved}`);
  }
  return lines;
}

function ids(list: readonly number[]): string {
  const shown = list.slice(0, 50).join(", ");
  return list.length > 50 ? `${shown} and ${n(list.length - 50)} more` : shown;
}

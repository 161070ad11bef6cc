// The planned sections, made through the app's own createSection (a path already there is used as it is),
// each with its old id and old directories recorded, so /plus/list.php?tid=N and /a/xinwen/ answer 301s.
import type { LegacySystem } from "../../../src/domain/legacy.ts";
import type { Section } from "../../../src/domain/section.ts";
import { sectionUrl } from "../../../src/content/urls.ts";
import type { Db } from "../../../src/domain/db.ts";
import { legacyPathsStatement, legacySectionStatement } from "../../../src/db/legacy.ts";
import { createSection, getSectionByPath } from "../../../src/db/sections.ts";
import { type UrlPatterns, pathsToStore, verdictFor } from "../old-urls.ts";
import type { PlannedSection } from "./plan.ts";

export type SectionsResult = {
  /** The section each old section id became (merged ones: their ancestor), by old id. */
  byLegacyId: Map<number, Section>;
  created: number;
  existing: number;
};

export async function ensureSections(
  db: Db,
  system: LegacySystem,
  planned: readonly PlannedSection[],
  urls: { patterns: UrlPatterns; dirPattern: string },
): Promise<SectionsResult> {
  const byLegacyId = new Map<number, Section>();
  let created = 0;
  let existing = 0;
  for (const s of planned) {
    let section = await getSectionByPath(db, s.path);
    if (section) {
      if (s.mergedInto === undefined) existing += 1;
    } else {
      section = await createSection(db, { path: s.path, name: s.name, sortOrder: s.sortOrder, description: s.description });
      if (!section) throw new Error(`could not create section ${s.path}: its parent is missing`);
      created += 1;
    }
    byLegacyId.set(s.legacyId, section);
    const target = { kind: "section" as const, url: sectionUrl(section.path) };
    for (const dir of s.oldDirs) urls.patterns.addVerdict(urls.dirPattern, dir, verdictFor(dir, target));
    const dirs = pathsToStore(s.oldDirs, target);
    await db.batch([
      legacySectionStatement(db, system, s.legacyId, section.id),
      ...(dirs.length ? [legacyPathsStatement(db, dirs.map((path) => ({ path, sectionId: section.id })))] : []),
    ]);
  }
  return { byLegacyId, created, existing };
}

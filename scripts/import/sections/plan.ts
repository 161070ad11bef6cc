// An old site's section tree as Masthead sections: each old section's path is its parent's path and a slug
// made from its old directory (typedir / catdir), lower case, as SECTION_PATH allows. Pure.
import { SECTION_PATH } from "../../../src/content/urls.ts";

/** An old section as a system's mapping reads it, before paths are decided. */
export type OldSection = {
  legacyId: number;
  parentLegacyId: number | null;
  /** The old directory's last segment (`dzyw` of `{cmspath}/html/xw/dzyw`), the slug's source. */
  dir: string;
  name: string;
  sortOrder: number;
  description: string;
  /** Old URLs of its first list page, as paths (`/a/xinwen/`); each will answer a 301. */
  oldDirs: string[];
  /** Why it is not imported, when it is not (an external link, a single page). */
  skip?: string;
};

export type PlannedSection = Omit<OldSection, "skip"> & {
  path: string;
  /** Set when the old section was deeper than Masthead's four levels: its articles go to this ancestor. */
  mergedInto?: number;
};

export type SkippedSection = { legacyId: number; name: string; reason: string };

/** Masthead's section paths have at most four segments (SECTION_PATH). */
const MAX_DEPTH = 4;

/** A slug SECTION_PATH accepts, from an old directory name (`News_Center` → `news-center`), or null. */
export function slugOf(dir: string): string | null {
  const slug = dir
    .toLowerCase()
    .replace(/[_\s.]+/g, "-")
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/, "");
  return slug && SECTION_PATH.test(slug) ? slug : null;
}

/**
 * `slug`, or when a sibling has it `<slug>-<id>`, then `<slug>-<id>-2`…, within SECTION_PATH's 32 characters:
 * a sibling's own slug may be another's fallback, and two siblings on one path would be one section.
 */
function freeSlug(slug: string, id: number, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? `-${id}` : `-${id}-${n}`;
    const candidate = `${slug.slice(0, 32 - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Paths for every section that is imported, parents before children. A slug that cannot be made or is
 * taken by a sibling becomes `c<id>` / `<slug>-<id>`. A section under a skipped one is skipped too.
 */
export function planSections(old: readonly OldSection[]): { planned: PlannedSection[]; skipped: SkippedSection[] } {
  // A section id twice (a table dumped twice): the first row is the section, as for articles.
  const byId = new Map<number, OldSection>();
  const skipped: SkippedSection[] = [];
  for (const s of old) {
    if (!byId.has(s.legacyId)) byId.set(s.legacyId, s);
    else skipped.push({ legacyId: s.legacyId, name: s.name, reason: `a second row with section id ${s.legacyId}: only the first is imported` });
  }
  const unique = [...byId.values()];
  const children = new Map<number | null, OldSection[]>();
  for (const s of unique) {
    // A parent that is not in the dump makes the section a top-level one.
    const parent = s.parentLegacyId !== null && byId.has(s.parentLegacyId) && s.parentLegacyId !== s.legacyId ? s.parentLegacyId : null;
    children.set(parent, [...(children.get(parent) ?? []), s]);
  }
  const planned: PlannedSection[] = [];
  const visit = (parent: PlannedSection | null, depth: number, ancestors: Set<number>) => {
    const taken = new Set<string>();
    const siblings = [...(children.get(parent?.legacyId ?? null) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.legacyId - b.legacyId);
    for (const s of siblings) {
      if (ancestors.has(s.legacyId)) continue;
      if (s.skip) {
        skipped.push({ legacyId: s.legacyId, name: s.name, reason: s.skip });
        skipDescendants(s.legacyId, `its parent section ${s.legacyId} is not imported`);
        continue;
      }
      if (parent && depth > MAX_DEPTH) {
        // Deeper than four levels: the articles join the ancestor at the fourth, which keeps the old ids.
        const merged: PlannedSection = { ...s, path: parent.path, mergedInto: parent.mergedInto ?? parent.legacyId };
        planned.push(merged);
        visit(merged, depth + 1, new Set([...ancestors, s.legacyId]));
        continue;
      }
      const slug = freeSlug(slugOf(s.dir) ?? `c${s.legacyId}`, s.legacyId, taken);
      taken.add(slug);
      const section: PlannedSection = { ...s, path: parent ? `${parent.path}/${slug}` : slug };
      planned.push(section);
      visit(section, depth + 1, new Set([...ancestors, s.legacyId]));
    }
  };
  const skipDescendants = (id: number, reason: string) => {
    for (const c of children.get(id) ?? []) {
      skipped.push({ legacyId: c.legacyId, name: c.name, reason });
      skipDescendants(c.legacyId, reason);
    }
  };
  visit(null, 1, new Set());
  // Sections in a cycle of parents (a damaged tree) are reached from nowhere.
  const seen = new Set([...planned, ...skipped].map((s) => s.legacyId));
  for (const s of unique) if (!seen.has(s.legacyId)) skipped.push({ legacyId: s.legacyId, name: s.name, reason: "its parents form a cycle" });
  return { planned, skipped };
}

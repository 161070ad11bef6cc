// The old site's front page, kept: which slot each article was in, and how that becomes Masthead's slots
// (推荐位). DedeCMS marks articles with flags (dede_archives.flag): h 头条, f 幻灯, c 推荐, a 特荐, s 滚动 each
// name a slot; b 加粗 is the bold title (the article's own); p 图片 says it has a picture (its cover shows it)
// and j 跳转 that it is a link (skipped as an article). PHPCMS v9 has named slots (v9_position: name,
// maxnum) holding items in order (v9_position_data: listorder, expiration). Pure: run.ts writes them.
import { SLOT_MAX_CAPACITY } from "../../src/domain/slot.ts";
import type { SlotImport } from "../../src/publish/curation-import.ts";
import { cleanLine } from "../../src/content/legacy-html.ts";
import { type DumpRecord, int, text } from "./record.ts";

type SlotSpec = Omit<SlotImport, "items">;

/** Each DedeCMS flag that names a slot, and the slot it fills (the first three are the home page's own). */
const DEDE_FLAG_SLOTS: Readonly<Record<string, SlotSpec>> = {
  h: { slug: "toutiao", name: "头条", capacity: 2 },
  f: { slug: "huandeng", name: "幻灯", capacity: 5, needs_picture: true },
  c: { slug: "tuijian", name: "推荐", capacity: 8 },
  a: { slug: "tejian", name: "特荐", description: "DedeCMS 特荐（flag a）", capacity: 10, sort_order: 4 },
  s: { slug: "gundong", name: "滚动", description: "DedeCMS 滚动（flag s）", capacity: 20, sort_order: 5 },
};

/** The flags of a dede_archives row: `h,p,b` as MySQL writes a SET. */
export const dedeFlags = (row: DumpRecord): string[] =>
  text(row, "flag")
    .split(",")
    .map((f) => f.trim().toLowerCase())
    .filter(Boolean);

/** A slot's entries as the import met them, and the order the old site listed them in (higher first). */
type Entry = { articleId: number; order: number; expiresAt: number | null };

/** Collects the published articles each slot held; `slots()` gives each slot's newest entries, the rest counted. */
export class SlotEntries {
  private readonly bySlug = new Map<string, { spec: SlotSpec; entries: Entry[] }>();

  add(spec: SlotSpec, entry: Entry) {
    const slot = this.bySlug.get(spec.slug) ?? { spec, entries: [] };
    slot.entries.push(entry);
    this.bySlug.set(spec.slug, slot);
  }

  /** A DedeCMS article's flags: one entry in each slot a flag names, ordered by its date as DedeCMS lists them. */
  addFlags(articleId: number, flags: readonly string[], publishedAt: number) {
    for (const flag of flags) {
      const spec = DEDE_FLAG_SLOTS[flag];
      if (spec) this.add(spec, { articleId, order: publishedAt, expiresAt: null });
    }
  }

  /**
   * Each slot with the entries that fit at `now`, the old site's first first; an old site flagged far more
   * than a slot holds (DedeCMS showed the newest few), so the others are counted, not refused one by one, as
   * are the entries whose time had passed (PHPCMS stopped showing them).
   */
  slots(now: number): { slot: SlotImport; beyond: number; expired: number }[] {
    return [...this.bySlug.values()].map(({ spec, entries }) => {
      const live = entries.filter((e) => e.expiresAt === null || e.expiresAt > now);
      const sorted = [...live].sort((a, b) => b.order - a.order || b.articleId - a.articleId);
      const kept = sorted.slice(0, spec.capacity);
      const items = kept.map((e) => ({ article_id: e.articleId, expires_at: e.expiresAt }));
      return { slot: { ...spec, items }, beyond: sorted.length - kept.length, expired: entries.length - live.length };
    });
  }
}

/** A PHPCMS position's slot: the home page's own by name (焦点/幻灯, 头条, 推荐), the others by their posid. */
function positionSpec(row: DumpRecord): SlotSpec | null {
  const posid = int(row, "posid");
  if (posid === null || posid <= 0) return null;
  const name = cleanLine(text(row, "name")).slice(0, 20) || `推荐位${posid}`;
  const maxnum = int(row, "maxnum") ?? 0;
  const capacity = Math.min(SLOT_MAX_CAPACITY, maxnum > 0 ? maxnum : 10);
  if (/焦点|幻灯/.test(name)) return { ...DEDE_FLAG_SLOTS.f!, capacity: Math.max(capacity, 1) };
  if (/头条/.test(name)) return { ...DEDE_FLAG_SLOTS.h!, capacity };
  if (/^首页推荐/.test(name)) return { ...DEDE_FLAG_SLOTS.c!, capacity };
  return { slug: `pos-${posid}`, name, description: `PHPCMS 推荐位 ${posid}`, capacity, sort_order: 10 + (int(row, "listorder") ?? 0) };
}

/**
 * PHPCMS v9 positions of site `siteId` and their content items (module content, id the article's), in the
 * order PHPCMS lists them: listorder, then id, highest first; an `expiration` (seconds, 0 none) kept.
 */
export function phpcmsSlotEntries(positions: readonly DumpRecord[], data: readonly DumpRecord[], siteId: number): SlotEntries {
  const entries = new SlotEntries();
  const specs = new Map<number, SlotSpec>();
  for (const p of positions) {
    const spec = positionSpec(p);
    const site = int(p, "siteid") ?? 1;
    if (spec && (site === 0 || site === siteId)) specs.set(int(p, "posid") ?? 0, spec);
  }
  for (const d of data) {
    const spec = specs.get(int(d, "posid") ?? 0);
    const id = int(d, "id");
    // An entry naming an article not published here is kept for the slot's rules to refuse, and the report to list.
    if (!spec || id === null || text(d, "module") !== "content") continue;
    const expiration = int(d, "expiration") ?? 0;
    entries.add(spec, { articleId: id, order: (int(d, "listorder") ?? 0) * 1e10 + id, expiresAt: expiration > 0 ? expiration * 1000 : null });
  }
  return entries;
}

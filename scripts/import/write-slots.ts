// Writes the old site's slots once its articles are in (curation.ts says what they held): each through
// importSlot (the admin API's rules and write path), a slot that already holds anything left as it is — the
// newsroom's choice, or an earlier run's — and every entry that could not go in reported with its reason.
import type { Actor } from "../../src/domain/actor.ts";
import type { Db } from "../../src/domain/db.ts";
import { loadSlot } from "../../src/db/slots.ts";
import { importSlot } from "../../src/publish/curation-import.ts";
import type { SlotEntries } from "./curation.ts";

export type CurationSummary = {
  /** Slots filled by this run, and the items put in them. */
  slots: number;
  items: number;
  /** Slots that held items already, by slug: left as they were. */
  kept: string[];
  /** Entries refused by the slot's rules (not published here, no picture for 幻灯 …). */
  refused: { slot: string; articleId: number; reason: string }[];
  /** Entries past a slot's capacity (the old site's older ones), by slot. */
  beyond: { slot: string; count: number }[];
  /** Entries whose expiration had passed. */
  expired: number;
};

export const emptyCuration = (): CurationSummary => ({ slots: 0, items: 0, kept: [], refused: [], beyond: [], expired: 0 });

export async function writeSlots(db: Db, entries: SlotEntries, opts: { actor: Actor; now: number }): Promise<CurationSummary> {
  const out = emptyCuration();
  for (const { slot, beyond, expired } of entries.slots(opts.now)) {
    out.expired += expired;
    if (slot.items.length === 0) continue;
    if ((await loadSlot(db, slot.slug)).slot?.items.length) {
      out.kept.push(slot.slug);
      continue;
    }
    if (beyond) out.beyond.push({ slot: slot.slug, count: beyond });
    const result = await importSlot(db, slot, opts);
    if (result.kind !== "imported") continue;
    out.slots += 1;
    out.items += result.slot.items.length;
    for (const r of result.refused) out.refused.push({ slot: slot.slug, articleId: r.articleId, reason: r.error.message });
  }
  return out;
}

// The home page's read, in one statement: the navigation, every top-level section's newest headlines, every
// slot with the items it shows now (expired ones have left, even before the cron takes them out) and the
// newest topics, each a JSON column (json-columns.ts). What the slots show is bounded by their capacities,
// the rest by the section count, so what it reads does not grow with the archive.
import * as v from "valibot";
import type { FrontPage } from "../domain/front-page.ts";
import { FRONT_TOPICS } from "../domain/front-page.ts";
import type { ListedArticle } from "../domain/listing.ts";
import type { ShownSlot, ShownSlotItem } from "../domain/slot.ts";
import type { TopicRef } from "../domain/topic.ts";
import type { Db } from "../domain/db.ts";
import { firstRowOf } from "./handle.ts";
import { columnsOf, jsonObject, rowsFromJson } from "./json-columns.ts";
import { BODY_START_CHARS, LISTED_COLUMNS, LISTED_JOINS, ListedRow, listedJson, sectionsFromJson, toListed, topSectionsJson } from "./listings.ts";

const SlotRow = v.object({ id: v.number(), slug: v.string(), name: v.string(), description: v.string() });

const ItemRow = v.object({
  slot_id: v.number(),
  id: v.number(),
  section_path: v.string(),
  title: v.string(),
  title_bold: v.number(),
  subtitle: v.string(),
  summary: v.string(),
  body_start: v.string(),
  picture: v.nullable(v.string()),
  picture_width: v.nullable(v.number()),
  picture_height: v.nullable(v.number()),
  picture_alt: v.nullable(v.string()),
  published_at: v.number(),
  expires_at: v.nullable(v.number()),
});
type ItemRow = v.InferOutput<typeof ItemRow>;

const TopicRow = v.object({
  slug: v.string(),
  title: v.string(),
  banner: v.nullable(v.string()),
  banner_width: v.nullable(v.number()),
  banner_height: v.nullable(v.number()),
  banner_alt: v.nullable(v.string()),
});

const HomeItem = v.object({ listed_in: v.number(), ...ListedRow.entries });

const arrayOf = (schema: v.ObjectSchema<v.ObjectEntries, undefined>, query: string) =>
  `(SELECT json_group_array(${jsonObject(columnsOf("x", Object.keys(schema.entries)))}) FROM (${query}) x)`;

// An item shows its own title and picture when the slot gives them, the article's otherwise. Only what is on
// the site now: the write path takes an article that leaves out of every slot, so the status test is a guard.
// CROSS JOIN fixes the order SQLite joins in: slot by slot, items by position, each article by its key —
// left free, it chose to walk every published article and sort.
const SHOWN_ITEMS = `SELECT i.slot_id, a.id, s.path AS section_path, COALESCE(NULLIF(i.title, ''), a.title) AS title, a.title_bold,
       a.subtitle, a.summary, CASE a.summary WHEN '' THEN substr(a.body_text, 1, ${BODY_START_CHARS}) ELSE '' END AS body_start,
       COALESCE(i.image, a.cover_image) AS picture, m.width AS picture_width, m.height AS picture_height, m.alt AS picture_alt,
       a.published_at, i.expires_at
  FROM slots sl
  CROSS JOIN slot_items i ON i.slot_id = sl.id AND i.position <= sl.capacity
  CROSS JOIN articles a ON a.id = i.article_id
  JOIN sections s ON s.id = a.section_id
  LEFT JOIN media m ON m.key = COALESCE(i.image, a.cover_image)
 WHERE (i.expires_at IS NULL OR i.expires_at > ?2) AND a.status = 'published' AND a.deleted_at IS NULL
 ORDER BY sl.sort_order, sl.id, i.position`;

const NEWEST_TOPICS = `SELECT t.slug, t.title, t.banner, m.width AS banner_width, m.height AS banner_height, m.alt AS banner_alt
  FROM topics t LEFT JOIN media m ON m.key = t.banner
 ORDER BY t.created_at DESC, t.id DESC LIMIT ${FRONT_TOPICS}`;

// Positions are contiguous, so a section's newest N are those above its newest position − N.
const HEADLINES = `SELECT l.section_id AS listed_in, ${LISTED_COLUMNS}
  FROM sections top
  JOIN section_listing l ON l.section_id = top.id
   AND l.position > (SELECT position FROM section_listing n WHERE n.section_id = top.id ORDER BY position DESC LIMIT 1) - ?1
  ${LISTED_JOINS}
 WHERE top.parent_id IS NULL
 ORDER BY top.sort_order, top.id, l.position DESC`;

const toShownItem = (r: ItemRow): ShownSlotItem => ({
  id: r.id,
  sectionPath: r.section_path,
  title: r.title,
  subtitle: r.subtitle,
  summary: r.summary,
  bodyStart: r.body_start,
  titleBold: r.title_bold === 1,
  picture: r.picture ? { key: r.picture, width: r.picture_width, height: r.picture_height, alt: r.picture_alt ?? "" } : null,
  publishedAt: r.published_at,
  expiresAt: r.expires_at,
});

/** The front page as it stands at `now` (ms): `perSection` headlines for each top-level section. */
export async function readFrontPage(db: Db, perSection: number, now: number): Promise<FrontPage> {
  const row = await firstRowOf<{ nav: string; items: string; slots: string; slot_items: string; topics: string }>(
    db.prepare(
      `SELECT ${topSectionsJson} AS nav,
              ${listedJson(HEADLINES, ["listed_in"])} AS items,
              ${arrayOf(SlotRow, "SELECT id, slug, name, description FROM slots ORDER BY sort_order, id")} AS slots,
              ${arrayOf(ItemRow, SHOWN_ITEMS)} AS slot_items,
              ${arrayOf(TopicRow, NEWEST_TOPICS)} AS topics`,
    ).bind(perSection, now),
  );
  const nav = sectionsFromJson(row?.nav ?? null);
  const bySection = new Map<number, ListedArticle[]>(nav.map((s) => [s.id, []]));
  for (const item of rowsFromJson(HomeItem, row?.items ?? null)) bySection.get(item.listed_in)?.push(toListed(item));

  const bySlot = new Map<number, ShownSlotItem[]>();
  for (const item of rowsFromJson(ItemRow, row?.slot_items ?? null)) {
    const list = bySlot.get(item.slot_id) ?? [];
    list.push(toShownItem(item));
    bySlot.set(item.slot_id, list);
  }
  const slots: ShownSlot[] = rowsFromJson(SlotRow, row?.slots ?? null).map((s) => ({
    slug: s.slug,
    name: s.name,
    description: s.description,
    items: bySlot.get(s.id) ?? [],
  }));
  const topics: TopicRef[] = rowsFromJson(TopicRow, row?.topics ?? null).map((t) => ({
    slug: t.slug,
    title: t.title,
    banner: t.banner ? { key: t.banner, width: t.banner_width, height: t.banner_height, alt: t.banner_alt ?? "" } : null,
  }));
  const expiries = slots.flatMap((s) => s.items.flatMap((i) => (i.expiresAt === null ? [] : [i.expiresAt])));
  return {
    nav,
    headlines: nav.map((section) => ({ section, items: bySection.get(section.id) ?? [] })),
    slots,
    topics,
    nextExpiry: expiries.length ? Math.min(...expiries) : null,
  };
}

// Reads for a topic's page (/special/<slug>/, /special/<slug>/index_N.html) in one statement: the topic and
// its banner, its groups with where each starts in the listing, the listed total, the page's articles by
// position range (O(1) in the topic's size, like section pages) and the site navigation, each a JSON column
// (json-columns.ts). A topic that is not there still brings the navigation back, for its 404.
import * as v from "valibot";
import type { ListedGroup, TopicPage } from "../domain/topic.ts";
import type { Db } from "../domain/db.ts";
import { firstRowOf } from "./handle.ts";
import { columnsOf, jsonObject, rowFromJson, rowsFromJson } from "./json-columns.ts";
import { LISTED_COLUMNS, LISTED_JOINS, ListedRow, type Missing, listedJson, sectionsFromJson, toListed, topSectionsJson } from "./listings.ts";
import { TOPIC_COLUMNS, toTopic } from "./topics.ts";

/** Articles on a topic's page: as many as a section page shows. */
export const TOPIC_PAGE_SIZE = 20;

const nullableText = v.nullable(v.string());
const nullableNumber = v.nullable(v.number());

const TopicRow = v.object({
  id: v.number(),
  slug: v.string(),
  title: v.string(),
  banner: nullableText,
  intro: v.string(),
  intro_html: v.string(),
  intro_text: v.string(),
  version: v.number(),
  created_at: v.number(),
  updated_at: v.number(),
  changed_at: v.number(),
  banner_width: nullableNumber,
  banner_height: nullableNumber,
  banner_alt: nullableText,
});

const GroupRow = v.object({ id: v.number(), name: v.string(), sort_order: v.number(), first: nullableNumber, last: nullableNumber });

const PageItem = v.object({ group_id: v.number(), ...ListedRow.entries });

// A group's members are contiguous in the listing: its first shown has its highest position, its last the lowest.
const toListedGroup = (r: v.InferOutput<typeof GroupRow>): ListedGroup => ({
  id: r.id,
  name: r.name,
  sortOrder: r.sort_order,
  listed: r.first !== null && r.last !== null ? r.first - r.last + 1 : 0,
  firstPosition: r.first,
});

const TOPIC = `(SELECT id FROM topics WHERE slug = ?1)`;
const NEWEST = `(SELECT position FROM topic_articles WHERE topic_id = ${TOPIC} ORDER BY position DESC LIMIT 1)`;

const TOPIC_JSON = `(SELECT ${jsonObject({
  ...columnsOf("t", TOPIC_COLUMNS.split(", ")),
  banner_width: "m.width",
  banner_height: "m.height",
  banner_alt: "m.alt",
})} FROM topics t LEFT JOIN media m ON m.key = t.banner WHERE t.slug = ?1)`;

const GROUPS_JSON = `(SELECT json_group_array(${jsonObject(columnsOf("x", Object.keys(GroupRow.entries)))}) FROM (
  SELECT g.id, g.name, g.sort_order,
         (SELECT MAX(position) FROM topic_articles m WHERE m.group_id = g.id) AS first,
         (SELECT MIN(position) FROM topic_articles m WHERE m.group_id = g.id) AS last
    FROM topic_groups g WHERE g.topic_id = ${TOPIC} ORDER BY g.sort_order, g.id) x)`;

/** Page `page` of the topic `slug`, newest first within each group; Missing when there is no such topic. */
export async function readTopicPage(db: Db, slug: string, page: number): Promise<TopicPage | Missing> {
  const row = await firstRowOf<{ nav: string; topic: string | null; groups: string; total: number | null; items: string }>(
    db.prepare(
      `SELECT ${topSectionsJson} AS nav, ${TOPIC_JSON} AS topic, ${GROUPS_JSON} AS groups, ${NEWEST} AS total,
              ${listedJson(
                `SELECT l.group_id, ${LISTED_COLUMNS}
                   FROM topic_articles l ${LISTED_JOINS}
                  WHERE l.topic_id = ${TOPIC}
                    AND l.position >  ${NEWEST} - ?2 * ?3
                    AND l.position <= ${NEWEST} - (?2 - 1) * ?3
                  ORDER BY l.position DESC`,
                ["group_id"],
              )} AS items`,
    ).bind(slug, page, TOPIC_PAGE_SIZE),
  );
  const nav = sectionsFromJson(row?.nav ?? null);
  const topic = rowFromJson(TopicRow, row?.topic ?? null);
  // The statement has no FROM: it answers a row (the navigation) even for a topic that does not exist.
  if (!row || !topic) return { missing: true, nav };
  const bannerImage =
    topic.banner && topic.banner_alt !== null ? { key: topic.banner, width: topic.banner_width, height: topic.banner_height, alt: topic.banner_alt } : null;
  return {
    nav,
    topic: { ...toTopic(topic), bannerImage },
    groups: rowsFromJson(GroupRow, row.groups).map(toListedGroup),
    total: row.total ?? 0,
    items: rowsFromJson(PageItem, row.items).map((r) => ({ ...toListed(r), groupId: r.group_id })),
  };
}

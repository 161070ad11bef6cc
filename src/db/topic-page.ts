// Reads for a topic's page (/special/<slug>/, /special/<slug>/index_N.html), in one round trip: the topic and
// its banner, its groups with where each starts in the listing, the listed total, the page's articles by
// position range (O(1) in the topic's size, like section pages) and the site navigation.
import type { CoverImage } from "../domain/media.ts";
import type { ListedGroup, TopicPage } from "../domain/topic.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "./handle.ts";
import { LISTED_COLUMNS, LISTED_JOINS, type ListedRow, sectionsFrom, toListed, topSectionsStatement } from "./listings.ts";
import { TOPIC_COLUMNS, type TopicRow, toTopic } from "./topics.ts";

/** Articles on a topic's page: as many as a section page shows. */
export const TOPIC_PAGE_SIZE = 20;

type GroupRow = { id: number; name: string; sort_order: number; first: number | null; last: number | null };

// A group's members are contiguous in the listing: its first shown has its highest position, its last the lowest.
const toListedGroup = (r: GroupRow): ListedGroup => ({
  id: r.id,
  name: r.name,
  sortOrder: r.sort_order,
  listed: r.first !== null && r.last !== null ? r.first - r.last + 1 : 0,
  firstPosition: r.first,
});

/** Page `page` of the topic `slug`, newest first within each group; null when there is no such topic. */
export async function readTopicPage(db: Db, slug: string, page: number): Promise<TopicPage | null> {
  const topicId = `(SELECT id FROM topics WHERE slug = ?1)`;
  const newest = `SELECT position FROM topic_articles WHERE topic_id = ${topicId} ORDER BY position DESC LIMIT 1`;
  const [nav, topic, groups, total, items] = await db.batch<unknown>([
    topSectionsStatement(db),
    db
      .prepare(
        `SELECT ${TOPIC_COLUMNS.split(", ").map((c) => `t.${c}`).join(", ")}, m.width AS banner_width, m.height AS banner_height, m.alt AS banner_alt
           FROM topics t LEFT JOIN media m ON m.key = t.banner WHERE t.slug = ?1`,
      )
      .bind(slug),
    db
      .prepare(
        `SELECT g.id, g.name, g.sort_order,
                (SELECT MAX(position) FROM topic_articles m WHERE m.group_id = g.id) AS first,
                (SELECT MIN(position) FROM topic_articles m WHERE m.group_id = g.id) AS last
           FROM topic_groups g WHERE g.topic_id = ${topicId} ORDER BY g.sort_order, g.id`,
      )
      .bind(slug),
    db.prepare(newest).bind(slug),
    db
      .prepare(
        `WITH total(n) AS (${newest})
         SELECT l.group_id, ${LISTED_COLUMNS}
           FROM topic_articles l ${LISTED_JOINS}
          WHERE l.topic_id = ${topicId}
            AND l.position >  (SELECT n FROM total) - ?2 * ?3
            AND l.position <= (SELECT n FROM total) - (?2 - 1) * ?3
          ORDER BY l.position DESC`,
      )
      .bind(slug, page, TOPIC_PAGE_SIZE),
  ]);
  const row = rowsOf<TopicRow & { banner_width: number | null; banner_height: number | null; banner_alt: string | null }>(topic)[0];
  if (!row) return null;
  const bannerImage: CoverImage | null =
    row.banner && row.banner_alt !== null ? { key: row.banner, width: row.banner_width, height: row.banner_height, alt: row.banner_alt } : null;
  return {
    nav: sectionsFrom(nav),
    topic: { ...toTopic(row), bannerImage },
    groups: rowsOf<GroupRow>(groups).map(toListedGroup),
    total: rowsOf<{ position: number }>(total)[0]?.position ?? 0,
    items: rowsOf<ListedRow & { group_id: number }>(items).map((r) => ({ ...toListed(r), groupId: r.group_id })),
  };
}

// The desk's rooms for the front page (issue 22): 推荐位 and 专题, for editors and admins (routes.ts keeps the
// door). Pages only read, through src/db/; their scripts change slots and topics through the admin API.
import { Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import type { Db } from "../domain/db.ts";
import { notFound } from "../domain/errors.ts";
import { SLOT_SLUG, TOPIC_SLUG } from "../content/front-schemas.ts";
import { Cursor, KeyNumber, pageOf } from "../http/list-query.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { listMedia } from "../db/media.ts";
import { listSlots, loadSlot } from "../db/slots.ts";
import { getTopic, listTopics } from "../db/topics.ts";
import { listTopicMembers } from "../db/topic-members.ts";
import { personOf } from "./person.ts";
import { renderSlotPage, renderSlotsPage } from "./pages/slots.ts";
import { renderTopicPage, renderTopicsPage } from "./pages/topics.ts";

export const frontRooms = new Hono<AppEnv>();

/** How many of the newest images 图片 and 题图 offer, as 封面 does in the editor. */
const PICTURE_CHOICES = 100;
const TOPICS_PAGE_SIZE = 50;
/** A topic's members shown on its desk page: far more than a topic usually holds, and a page stays light. */
const MEMBERS_SHOWN = 500;

const slugRoute = (pattern: RegExp) => `/:slug{${pattern.source.slice(1, -1)}}`;

/** The newest images with their alternative text: one without is offered to no slot item and to no banner. */
async function pictureChoices(db: Db) {
  return (await listMedia(db, PICTURE_CHOICES)).map((m) => ({ key: m.key, alt: m.alt }));
}

frontRooms.get("/slots", async (c) => {
  parseQuery(c, NoQuery);
  return c.html(renderSlotsPage({ siteName: c.env.SITE_NAME, person: personOf(c), slots: await listSlots(c.var.db), now: Date.now() }));
});

frontRooms.get(`/slots${slugRoute(SLOT_SLUG)}`, async (c) => {
  parseQuery(c, NoQuery);
  const [{ slot }, pictures] = await Promise.all([loadSlot(c.var.db, c.req.param("slug") ?? ""), pictureChoices(c.var.db)]);
  if (!slot) throw notFound("没有这个推荐位。");
  return c.html(renderSlotPage({ siteName: c.env.SITE_NAME, person: personOf(c), slot, pictures, now: Date.now() }));
});

const TopicsQuery = v.objectWithRest({ cursor: v.optional(Cursor(v.strictTuple([KeyNumber, KeyNumber]))) }, v.never("is not a parameter here"));

frontRooms.get("/topics", async (c) => {
  const { cursor } = parseQuery(c, TopicsQuery);
  const [rows, pictures] = await Promise.all([
    listTopics(c.var.db, { limit: TOPICS_PAGE_SIZE + 1, after: cursor ?? null }),
    pictureChoices(c.var.db),
  ]);
  const page = pageOf(rows, TOPICS_PAGE_SIZE, (t) => [t.createdAt, t.id]);
  const next = page.next_cursor === null ? null : `/desk/topics?cursor=${page.next_cursor}`;
  return c.html(renderTopicsPage({ siteName: c.env.SITE_NAME, person: personOf(c), topics: page.items, pictures, next, paged: cursor !== undefined }));
});

frontRooms.get(`/topics${slugRoute(TOPIC_SLUG)}`, async (c) => {
  parseQuery(c, NoQuery);
  const [topic, pictures] = await Promise.all([getTopic(c.var.db, c.req.param("slug") ?? ""), pictureChoices(c.var.db)]);
  if (!topic) throw notFound("没有这个专题。");
  const members = await listTopicMembers(c.var.db, topic.id, { limit: MEMBERS_SHOWN, after: null });
  return c.html(renderTopicPage({ siteName: c.env.SITE_NAME, person: personOf(c), topic, members, pictures, shownAtMost: MEMBERS_SHOWN }));
});

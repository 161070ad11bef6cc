// Feeds for readers that poll (and, with a hub configured, are pushed to): RSS, Atom and JSON Feed of the whole
// site at /rss.xml, /atom.xml, /feed.json, and of each section at /html/<section>/rss.xml …. Each says what it
// shows (a listing, for the edge cache to tag) and when it last changed (Last-Modified, for pollers' 304s).
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { notFound } from "../domain/errors.ts";
import type { Feed } from "../domain/feed.ts";
import { SITE_LISTING, showsOnly } from "../domain/shows.ts";
import { readSectionFeed, readSiteFeed, readTopicFeed } from "../db/feeds.ts";
import { FEED_FILES, FEED_FORMATS, type FeedFormat } from "../content/urls.ts";
import { formatHttpDate } from "../http/http-date.ts";
import { lastModifiedFor } from "../http/conditional.ts";
import { withoutQuery } from "../http/no-query.ts";
import { renderAtom } from "../render/feeds/atom.ts";
import { renderJsonFeed } from "../render/feeds/json-feed.ts";
import { renderRss } from "../render/feeds/rss.ts";
import { feedView } from "../render/feeds/view.ts";
import { configuredHub, hubLinkHeader } from "../websub/hub.ts";

export const feeds = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const FORMATS: Record<FeedFormat, { contentType: string; render: typeof renderRss }> = {
  rss: { contentType: "application/rss+xml; charset=utf-8", render: renderRss },
  atom: { contentType: "application/atom+xml; charset=utf-8", render: renderAtom },
  json: { contentType: "application/feed+json; charset=utf-8", render: renderJsonFeed },
};

function sendFeed(c: Ctx, feed: Feed, format: FeedFormat) {
  // Items print their covers' alt text: a change to it purges the feed too.
  const images = feed.items.flatMap((item) => (item.cover ? [item.cover.key] : []));
  c.set("shows", { ...c.var.shows!, images });
  const hub = configuredHub(c.env.WEBSUB_HUB);
  const view = feedView({ name: c.env.SITE_NAME, url: c.env.SITE_URL, hub }, feed, format);
  // Dated only once the second of its last change is over (src/http/conditional.ts says why); until then it
  // is kept no longer than that second, so the copy pollers are served for the day carries its date.
  const dated = lastModifiedFor(feed.lastModified, Date.now());
  if (dated === null) c.set("freshFor", 1);
  return c.body(FORMATS[format].render(view), 200, {
    "Content-Type": FORMATS[format].contentType,
    ...(dated !== null && { "Last-Modified": formatHttpDate(dated) }),
    ...(hub ? { Link: hubLinkHeader(hub, view.selfUrl) } : {}),
  });
}

for (const format of FEED_FORMATS) {
  feeds.get(`/${FEED_FILES[format]}`, withoutQuery(), async (c) => {
    c.set("shows", showsOnly({ listings: [SITE_LISTING] }));
    return sendFeed(c, await readSiteFeed(c.var.db), format);
  });
}

/** A topic's feed (the /special/ grammar routes it here): its newest published articles. */
export async function topicFeed(c: Ctx, slug: string, format: FeedFormat) {
  // Tagged before reading, so the 404 of a topic yet to be made is purged when it is made.
  c.set("shows", { articles: [], listings: [], topics: [slug] });
  const feed = await readTopicFeed(c.var.db, slug);
  if (!feed) throw notFound("专题不存在");
  return sendFeed(c, feed, format);
}

/** A section's feed, its subsections' articles included (the /html/ grammar routes it here). */
export async function sectionFeed(c: Ctx, sectionPath: string, format: FeedFormat) {
  // Tagged before reading, so the 404 of a section yet to be made is purged with its listing too.
  c.set("shows", showsOnly({ listings: [sectionPath] }));
  const feed = await readSectionFeed(c.var.db, sectionPath);
  if (!feed) throw notFound("栏目不存在");
  return sendFeed(c, feed, format);
}

// The JSON shapes of slots and topics in the admin API: snake_case, times as RFC 3339 in Asia/Shanghai, each
// with its version (the ETag for the next If-Match), like the articles API.
import type { SlotWithItems } from "../domain/slot.ts";
import type { TopicMember, TopicWithGroups } from "../domain/topic.ts";
import { toRfc3339 } from "../content/dates.ts";
import { articleUrl, mediaUrl, topicUrl } from "../content/urls.ts";
import type { Slot, Topic, TopicMember as TopicMemberJson } from "../content/front-responses.ts";

const time = (ms: number | null) => (ms === null ? null : toRfc3339(ms));


export const slotJson = (s: SlotWithItems): Slot => ({
  slug: s.slug,
  name: s.name,
  description: s.description,
  capacity: s.capacity,
  sort_order: s.sortOrder,
  needs_picture: s.needsPicture,
  version: s.version,
  created_at: toRfc3339(s.createdAt),
  updated_at: toRfc3339(s.updatedAt),
  items: s.items.map((i) => ({
    article_id: i.articleId,
    title: i.title,
    image: i.image,
    expires_at: time(i.expiresAt),
    added_at: toRfc3339(i.addedAt),
    article: {
      id: i.article.id,
      url: articleUrl(i.article.sectionPath, i.article.id),
      title: i.article.title,
      subtitle: i.article.subtitle,
      cover_image: i.article.coverImage,
      status: i.article.status,
      published_at: time(i.article.publishedAt),
    },
  })),
});

export const topicJson = (t: TopicWithGroups): Topic => ({
  slug: t.slug,
  url: topicUrl(t.slug),
  title: t.title,
  banner: t.banner,
  banner_url: t.banner ? mediaUrl(t.banner) : null,
  intro: t.intro,
  intro_html: t.introHtml,
  groups: t.groups.map((g) => ({ id: g.id, name: g.name, articles: g.members })),
  articles: t.groups.reduce((n, g) => n + g.members, 0),
  version: t.version,
  created_at: toRfc3339(t.createdAt),
  updated_at: toRfc3339(t.updatedAt),
});

export const memberJson = (m: TopicMember): TopicMemberJson => ({
  article_id: m.articleId,
  group: m.groupId,
  added_at: toRfc3339(m.addedAt),
  article: { id: m.articleId, url: articleUrl(m.sectionPath, m.articleId), title: m.title, status: m.status, listed: m.listed, published_at: time(m.publishedAt) },
});

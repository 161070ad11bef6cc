// The JSON shapes of the API: one article, a list item, a section. Pure functions over rows.
import { type Article as StoredArticle, type Review, articleState } from "../domain/article.ts";
import type { Section } from "../domain/section.ts";
import { toRfc3339 } from "../content/dates.ts";
import { articleUrl, mediaUrl, sectionUrl } from "../content/urls.ts";
import type { AdminArticle, Article, ArticleSummary, Neighbour, ReviewJson, SectionRef } from "../content/responses.ts";

export const sectionRef = (s: Pick<Section, "path" | "name">): SectionRef => ({
  path: s.path,
  name: s.name,
  url: sectionUrl(s.path),
});

/** The flat article object every list and detail endpoint shares. */
export function articleSummaryJson(article: StoredArticle, section: Pick<Section, "path" | "name">): ArticleSummary {
  return {
    id: article.id,
    url: articleUrl(section.path, article.id),
    section: sectionRef(section),
    title: article.title,
    title_bold: article.titleBold,
    kicker: article.kicker,
    subtitle: article.subtitle,
    summary: article.summary,
    source: article.source,
    bylines: article.bylines,
    cover_image: article.coverImage,
    cover_image_url: article.coverImage ? mediaUrl(article.coverImage) : null,
    published_at: article.publishedAt === null ? null : toRfc3339(article.publishedAt),
    updated_at: toRfc3339(article.updatedAt),
  };
}

export const neighbourJson = (n: { id: number; title: string; sectionPath: string; publishedAt: number }): Neighbour => ({
  id: n.id,
  title: n.title,
  url: articleUrl(n.sectionPath, n.id),
  published_at: toRfc3339(n.publishedAt),
});

/** One published article, as GET /api/v1/articles/:id answers it. */
export function articleDetailJson(
  article: StoredArticle,
  chain: Section[],
  neighbours: { prev: Neighbour | null; next: Neighbour | null },
): Article {
  const section = chain[chain.length - 1];
  if (!section) throw new Error(`article ${article.id} has no section chain`);
  return {
    ...articleSummaryJson(article, section),
    section_chain: chain.map(sectionRef),
    body_html: article.bodyHtml,
    prev: neighbours.prev,
    next: neighbours.next,
  };
}

/** The last review step: `submit` with the author's note, or `return` with the editor's, who and when. */
export const reviewJson = (r: Review | null): ReviewJson =>
  r && { action: r.action, note: r.note, actor: { id: r.actor.id, name: r.actor.name }, at: toRfc3339(r.at) };

/** What an editor sees: the public shape plus its state (`trash`, with `deleted_at`, while in the trash) and the Markdown source. */
export function adminArticleJson(article: StoredArticle, section: Pick<Section, "path" | "name">): AdminArticle {
  return {
    ...articleSummaryJson(article, section),
    status: articleState(article),
    version: article.version,
    publish_at: article.publishAt === null ? null : toRfc3339(article.publishAt),
    created_at: toRfc3339(article.createdAt),
    created_by: article.createdBy,
    deleted_at: article.deletedAt === null ? null : toRfc3339(article.deletedAt),
    review: reviewJson(article.review),
    body: article.body,
    body_html: article.bodyHtml,
  };
}


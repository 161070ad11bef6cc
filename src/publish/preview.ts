// The editor's live preview: an article as the person has it on screen, rendered by exactly what a save
// would store (the body through the write path's renderer, sanitizer and limits) and shown by the reader
// page's own renderer — the page the reader will get, not an approximation. Nothing is stored.
import type { Section } from "../domain/section.ts";
import type { ArticleRender } from "../content/schemas.ts";
import { loadPlacement } from "../db/article-load.ts";
import type { Db } from "../domain/db.ts";
import { type Html, type Site } from "../render/layout.ts";
import { renderArticleMain } from "../render/article-page.ts";
import { bodyMediaKeys, renderArticleBody, requireCover } from "./body.ts";
import { newArticle, unknownSection } from "./next-state.ts";

/** The article page's main content for `input`: 422 for what a save would refuse (an unknown section or image, a body too large). */
export async function renderPreview(db: Db, input: ArticleRender, site: Site, now: number): Promise<Html> {
  const cover = input.cover_image ?? null;
  const { chain, media } = await loadPlacement(db, {
    sectionPath: input.section,
    mediaKeys: [...(cover ? [cover] : []), ...bodyMediaKeys(input.body ?? "")],
  });
  if (!chain) throw unknownSection(input.section);
  requireCover(cover, media);
  const shownAt = input.publish_at ?? now;
  const article = newArticle(input, renderArticleBody(input.body ?? "", media), {
    id: 0,
    sectionId: (chain[chain.length - 1] as Section).id,
    status: "draft",
    publishAt: shownAt,
    publishedAt: shownAt,
    createdAt: now,
    createdBy: null,
  });
  const figure = cover ? media.get(cover) : undefined;
  return renderArticleMain({
    article: { ...article, publishedAt: shownAt },
    chain,
    site,
    older: null,
    newer: null,
    cover: figure ? { key: figure.key, width: figure.width, height: figure.height, alt: figure.alt, caption: figure.caption, credit: figure.credit } : null,
  });
}

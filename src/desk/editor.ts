// What the editor's page reads: the article as it stands (one round trip), the section tree for 栏目 and the
// newest images for 封面. Nothing here writes: the page's script changes the article through the admin API.
import type { Db } from "../domain/db.ts";
import { articleState } from "../domain/article.ts";
import { notFound } from "../domain/errors.ts";
import { articleUrl } from "../content/urls.ts";
import { loadArticle } from "../db/article-load.ts";
import { listMedia } from "../db/media.ts";
import { listSections } from "../db/sections.ts";
import { sectionTree } from "./articles.ts";
import type { EditorArticle } from "./pages/editor.ts";
import type { CoverChoice, SectionChoice } from "./pages/editor-fields.ts";

/** How many of the newest images 封面 offers: a morning's uploads and more. */
const COVER_CHOICES = 100;

export async function readChoices(db: Db): Promise<{ sections: SectionChoice[]; covers: CoverChoice[] }> {
  const [sections, media] = await Promise.all([listSections(db), listMedia(db, COVER_CHOICES)]);
  return { sections: sectionTree(sections), covers: media.map((m) => ({ key: m.key, alt: m.alt })) };
}

/** The article for its editor, seen by the person `personId`; 404 when there is none. */
export async function readEditorArticle(db: Db, id: number, personId: number): Promise<EditorArticle> {
  const placed = Number.isSafeInteger(id) ? await loadArticle(db, id) : null;
  if (!placed) throw notFound("没有这篇文章。");
  const { article: a, chain } = placed;
  const section = chain[chain.length - 1];
  if (!section) throw new Error(`article ${a.id} has no section`);
  return {
    id: a.id,
    version: a.version,
    state: articleState(a),
    own: a.createdBy === personId,
    publicUrl: articleUrl(section.path, a.id),
    updatedAt: a.updatedAt,
    section: section.path,
    title: a.title,
    kicker: a.kicker,
    subtitle: a.subtitle,
    summary: a.summary,
    source: a.source,
    bylines: a.bylines,
    body: a.body,
    coverImage: a.coverImage,
    review: a.review && { action: a.review.action, note: a.review.note, by: a.review.actor.name, at: a.review.at },
  };
}

// Articles: the row type, its mapper, and reads by id. Writes go through article-changes.ts only.

export const ARTICLE_STATUSES = ["draft", "scheduled", "published", "archived"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export type Byline = { name: string; role: string };

export type Article = {
  id: number;
  sectionId: number;
  status: ArticleStatus;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: Byline[];
  bodyMd: string;
  bodyHtml: string;
  bodyText: string;
  coverImage: string | null;
  publishAt: number | null;
  publishedAt: number | null;
  createdAt: number;
  updatedAt: number;
  version: number;
  createdBy: number | null;
  deletedAt: number | null;
};

export type ArticleRow = {
  id: number;
  section_id: number;
  status: ArticleStatus;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: string;
  body_md: string;
  body_html: string;
  body_text: string;
  cover_image: string | null;
  publish_at: number | null;
  published_at: number | null;
  created_at: number;
  updated_at: number;
  version: number;
  created_by: number | null;
  deleted_at: number | null;
};

export const ARTICLE_COLUMNS =
  "id, section_id, status, title, kicker, subtitle, summary, source, bylines, body_md, body_html, body_text, " +
  "cover_image, publish_at, published_at, created_at, updated_at, version, created_by, deleted_at";

/** Same columns, qualified with a table alias, for joins. */
export const articleColumnsOf = (alias: string) =>
  ARTICLE_COLUMNS.split(", ")
    .map((c) => `${alias}.${c}`)
    .join(", ");

function parseBylines(json: string): Byline[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value)
      ? value.filter((b): b is Byline => typeof b?.name === "string" && typeof b?.role === "string")
      : [];
  } catch {
    // A damaged cell must not take the page down: render without bylines.
    return [];
  }
}

export const toArticle = (r: ArticleRow): Article => ({
  id: r.id,
  sectionId: r.section_id,
  status: r.status,
  title: r.title,
  kicker: r.kicker,
  subtitle: r.subtitle,
  summary: r.summary,
  source: r.source,
  bylines: parseBylines(r.bylines),
  bodyMd: r.body_md,
  bodyHtml: r.body_html,
  bodyText: r.body_text,
  coverImage: r.cover_image,
  publishAt: r.publish_at,
  publishedAt: r.published_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
  createdBy: r.created_by,
  deletedAt: r.deleted_at,
});

/** Any article by id, whatever its status (the admin view). */
export async function getArticle(db: D1Database, id: number): Promise<Article | null> {
  const row = await db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`).bind(id).first<ArticleRow>();
  return row ? toArticle(row) : null;
}

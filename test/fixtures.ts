// Builds test data through the app's own write path, so tests see exactly what the API would store.
import { env } from "cloudflare:workers";
import type { Article, Byline } from "../src/db/articles.ts";
import { type Section, createSection, getSectionByPath } from "../src/db/sections.ts";
import { type ArticleFields, createArticle, publishArticle } from "../src/publish/changes.ts";

/** The error body every endpoint answers with. */
export type ErrorJson = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const TEST_ACTOR = { id: null, name: "test-fixture" };

let counter = 0;
/** A section path segment no other test uses, so tests never see each other's data. */
export function uniqueSlug(prefix = "t"): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Creates the section (and any missing ancestors, named after their slug). */
export async function makeSection(path: string, name = path, sortOrder = 0): Promise<Section> {
  const existing = await getSectionByPath(env.DB, path);
  if (existing) return existing;
  const parent = path.split("/").slice(0, -1).join("/");
  if (parent) await makeSection(parent, parent.split("/").pop());
  const section = await createSection(env.DB, { path, name, sortOrder });
  if (!section) throw new Error(`could not create section ${path}`);
  return section;
}

export type ArticleSpec = Partial<Omit<ArticleFields, "sectionPath">> & {
  section: string;
  id?: number;
  /** 'published' (the default) publishes at `publishedAt` (default: now); 'draft' leaves it unpublished. */
  status?: "draft" | "published" | "scheduled";
  publishedAt?: number;
  bylines?: Byline[];
};

/** Creates an article through createArticle/publishArticle; published by default. */
export async function makeArticle(spec: ArticleSpec): Promise<Article> {
  await makeSection(spec.section);
  const now = Date.now();
  const { section, id, status = "published", publishedAt, ...fields } = spec;
  const created = await createArticle(
    env.DB,
    { title: "测试文章", ...fields, sectionPath: section },
    { actor: TEST_ACTOR, now, ...(id !== undefined ? { id } : {}) },
  );
  if (status === "draft") return created.article;
  const at = status === "scheduled" ? (spec.publishAt ?? now + 3_600_000) : (publishedAt ?? now);
  const published = await publishArticle(env.DB, created.article.id, { actor: TEST_ACTOR, now, at });
  return published.article;
}

/** `count` published articles in one section, one minute apart, oldest first. */
export async function makeArticles(section: string, count: number, start = Date.UTC(2023, 5, 1, 0, 0)): Promise<Article[]> {
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    out.push(await makeArticle({ section, title: `第${i + 1}篇`, publishedAt: start + i * 60_000 }));
  }
  return out;
}

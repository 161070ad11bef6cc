// Builds test data through the app's own write path and its follow-ups (the edge-cache purge), so tests
// see exactly what the API would store and serve.
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import type { ChangeReport } from "../src/domain/change.ts";
import { followChanges } from "../src/follow-ups.ts";
import { type Actor, tool } from "../src/domain/actor.ts";
import type { Article } from "../src/domain/article.ts";
import type { Section } from "../src/domain/section.ts";
import type { ArticleInput } from "../src/content/schemas.ts";
import { createSection, getSectionByPath } from "../src/db/sections.ts";
import { changeArticle, createArticle } from "../src/publish/changes.ts";
import type { Media } from "../src/domain/media.ts";
import { uploadImage } from "../src/publish/upload.ts";

/** The error body every endpoint answers with. */
export type ErrorJson = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

export const TEST_ACTOR: Actor = tool("test-fixture", "admin");

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

export type ArticleSpec = Partial<ArticleInput> & {
  section: string;
  id?: number;
  /** 'published' (the default) publishes at `publishedAt` (default: now); 'draft' leaves it unpublished. */
  status?: "draft" | "published" | "scheduled";
  publishedAt?: number;
};

/** Runs what follows changes (the purge) as the API does, and waits for it. */
export async function followUp(...reports: ChangeReport[]): Promise<void> {
  const ctx = createExecutionContext();
  followChanges(env, ctx, reports);
  await waitOnExecutionContext(ctx);
}

/** Creates an article through createArticle and publishes it through changeArticle; published by default. */
export async function makeArticle(spec: ArticleSpec): Promise<Article> {
  await makeSection(spec.section);
  const now = Date.now();
  const { id, status = "published", publishedAt, ...fields } = spec;
  const created = await createArticle(env.DB, { title: "测试文章", ...fields, ...(id !== undefined && { id }) }, { actor: TEST_ACTOR, now });
  if (created.kind !== "created") throw new Error("makeArticle: unexpected idempotent replay");
  if (status === "draft") {
    await followUp(created.report);
    return created.report.article;
  }
  const at = status === "scheduled" ? (spec.publish_at ?? now + 3_600_000) : (publishedAt ?? now);
  const published = await changeArticle(env.DB, created.report.article.id, { kind: "publish", at }, { actor: TEST_ACTOR, now });
  await followUp(created.report, published);
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

/** Uploads an image through the app's own upload (R2 object and media row); the same bytes give the same row. */
export async function makeImage(bytes: Uint8Array, metadata: { alt?: string; caption?: string; credit?: string } = {}): Promise<Media> {
  const { media } = await uploadImage(env.MEDIA, env.DB, {
    bytes,
    metadata: { alt: metadata.alt ?? "", caption: metadata.caption ?? "", credit: metadata.credit ?? "" },
    actor: TEST_ACTOR,
  });
  return media;
}

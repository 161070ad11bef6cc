// Loads the demo site through the app's own write paths: sections with createSection, pictures with
// uploadImage (R2 object + media row, as POST /api/v1/admin/images stores them), articles with
// createArticle, then a publish through changeArticle (revisions, listings and audit entries as in production).
// Idempotent: whatever already exists (a section path, a picture's key, an article id) is left alone.
import { type Actor, tool } from "../../src/domain/actor.ts";
import { loadArticle } from "../../src/db/article-load.ts";
import { getMedia } from "../../src/db/media.ts";
import { createSection, getSectionByPath } from "../../src/db/sections.ts";
import { contentKey } from "../../src/media/key.ts";
import { uploadImage } from "../../src/publish/upload.ts";
import { changeArticle, createArticle } from "../../src/publish/changes.ts";
import { seededRandom } from "./random.ts";
import { CULTURE } from "./articles-culture.ts";
import { ECONOMY } from "./articles-economy.ts";
import { LIFE } from "./articles-life.ts";
import { NEWS } from "./articles-news.ts";
import { SCENES, type SceneName } from "./scenes.ts";
import { type DemoArticle, PICTURES, SECTIONS } from "./site.ts";

export const SEED_ACTOR: Actor = tool("seed", "admin");

/** Beijing wall-clock time ("2026-09-26 10:30") → milliseconds UTC. */
const beijing = (s: string) => Date.parse(`${s.replace(" ", "T")}:00+08:00`);

/** Every demo article with its id: ids rise with time, and the legacy article keeps its old id. */
export function demoArticles(): (DemoArticle & { id: number; at: number })[] {
  const all = [...NEWS, ...ECONOMY, ...CULTURE, ...LIFE]
    .map((a) => ({ ...a, at: beijing(a.date) }))
    .sort((a, b) => a.at - b.at);
  const legacy = all.findIndex((a) => a.legacyId !== undefined);
  const base = legacy >= 0 ? (all[legacy]?.legacyId as number) - legacy : 88_500;
  return all.map((a, i) => ({ ...a, id: base + i }));
}

/** Creates the sections that are missing; returns how many it created. */
export async function ensureSections(db: D1Database): Promise<number> {
  let created = 0;
  for (const s of SECTIONS) {
    if (await getSectionByPath(db, s.path)) continue;
    const section = await createSection(db, s);
    if (!section) throw new Error(`could not create section ${s.path}`);
    created += 1;
  }
  return created;
}

/** A picture's PNG bytes: the same on every run, so the same content-hash key. */
const paintPicture = (name: SceneName) => SCENES[name](seededRandom(name.length * 7919 + name.charCodeAt(0))).png();

/** Uploads the pictures (those not stored yet) and returns every picture's media key. */
export async function ensurePictures(db: D1Database, bucket: R2Bucket, names: readonly SceneName[]): Promise<Map<SceneName, string>> {
  const keys = new Map<SceneName, string>();
  for (const name of new Set(names)) {
    const bytes = paintPicture(name);
    const key = await contentKey(bytes, "png");
    if (!(await getMedia(db, key))) {
      await uploadImage(bucket, db, { bytes, metadata: PICTURES[name], actor: SEED_ACTOR });
    }
    keys.set(name, key);
  }
  return keys;
}

const picturesIn = (a: DemoArticle): SceneName[] => {
  const names = [...a.body.matchAll(/picture:([a-z]+)/g)].map((m) => m[1] as SceneName);
  return a.cover ? [a.cover, ...names] : names;
};

export type DemoResult = { sections: number; articles: number; skipped: number };

export async function loadDemo(db: D1Database, bucket: R2Bucket): Promise<DemoResult> {
  const sections = await ensureSections(db);
  const articles = demoArticles();
  const missing: typeof articles = [];
  for (const a of articles) if (!(await loadArticle(db, a.id))) missing.push(a);
  if (missing.length === 0) return { sections, articles: 0, skipped: articles.length };

  const keys = await ensurePictures(db, bucket, missing.flatMap(picturesIn));
  const media = (name: string) => `/media/${keys.get(name as SceneName) ?? name}`;
  for (const a of missing) {
    // Drafted a little before it went out, then published at its time: the revisions read like a newsroom's.
    const created = await createArticle(
      db,
      {
        id: a.id,
        section: a.section,
        title: a.title,
        kicker: a.kicker ?? "",
        subtitle: a.subtitle ?? "",
        summary: a.summary ?? "",
        source: a.source,
        bylines: a.bylines,
        body: a.body.replace(/picture:([a-z]+)/g, (_, name: string) => media(name)),
        cover_image: a.cover ? (keys.get(a.cover) ?? null) : null,
      },
      { actor: SEED_ACTOR, now: a.at - 40 * 60_000 },
    );
    if (created.kind !== "created") throw new Error(`demo article ${a.id}: unexpected replay`);
    await changeArticle(db, a.id, { kind: "publish", at: a.at }, { actor: SEED_ACTOR, now: a.at });
  }
  return { sections, articles: missing.length, skipped: articles.length - missing.length };
}

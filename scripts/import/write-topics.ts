// Writes the old site's 专题 as topics once its articles are in (specials.ts says what they held): each through
// importTopic (createTopic's rules, one batch with its members and its old URLs), a 专题 an earlier run made
// into a topic left as it is — the newsroom may have edited it since — and everything not kept reported.
import * as v from "valibot";
import type { Actor } from "../../src/domain/actor.ts";
import type { Db } from "../../src/domain/db.ts";
import type { LegacySystem } from "../../src/domain/legacy.ts";
import { TopicCreate } from "../../src/content/front-schemas.ts";
import { getTopic } from "../../src/db/topics.ts";
import { importedTopics } from "../../src/db/legacy-topics.ts";
import { importTopic } from "../../src/publish/curation-import.ts";
import type { OldImages } from "./body/images.ts";
import type { UrlPatterns } from "./old-urls.ts";
import { type OldTopics, type Unmapped, topicSlug } from "./specials.ts";
import { topicPathVerdict } from "./topic-paths.ts";

export type TopicSummary = {
  /** Topics made by this run, and the articles put in them. */
  created: number;
  articles: number;
  /** Old 专题 an earlier run made into topics, by slug: left as they are. */
  kept: string[];
  /** What could not be kept, each with its reason. */
  unmapped: Unmapped[];
};

export const emptyTopics = (): TopicSummary => ({ created: 0, articles: 0, kept: [], unmapped: [] });

type WriteOptions = { system: LegacySystem; actor: Actor; now: number; images: OldImages; urls: UrlPatterns };

/** What an image outcome means for a banner that was not stored. */
const BANNER_LOST = { missing: "not in the uploads folder", refused: "refused", external: "on another site", "not-imported": "not imported (no --uploads)" } as const;

export async function writeTopics(db: Db, found: OldTopics, opts: WriteOptions): Promise<TopicSummary> {
  const out: TopicSummary = { ...emptyTopics(), unmapped: [...found.unmapped] };
  const before = await importedTopics(db, opts.system, found.topics.map((t) => t.legacyId));
  const used = new Set<string>();
  for (const old of found.topics) {
    const note = (entry: string, reason: string) => out.unmapped.push({ legacyId: old.legacyId, title: old.title, entry, reason });
    const earlier = before.get(old.legacyId);
    if (earlier !== undefined) {
      out.kept.push(earlier);
      used.add(earlier);
      continue;
    }
    const base = topicSlug(old.slugBase, old.legacyId);
    const free = async (slug: string) => !used.has(slug) && !(await getTopic(db, slug));
    const slug = (await free(base)) ? base : (await free(`${base}-${old.legacyId}`)) ? `${base}-${old.legacyId}` : null;
    if (slug === null) {
      note("the 专题", `its slug ${base} and ${base}-${old.legacyId} are both taken by other topics`);
      continue;
    }
    used.add(slug);
    let banner: string | null = null;
    if (old.banner) {
      const outcome = await opts.images.resolve(old.banner, old.title);
      if (outcome.kind === "stored") banner = outcome.media.key;
      else note(`banner ${old.banner}`, `${BANNER_LOST[outcome.kind]}${outcome.kind === "refused" ? ` (${outcome.reason})` : ""}: the topic shows without it`);
    }
    const paths: string[] = [];
    for (const p of old.oldPaths) {
      const verdict = topicPathVerdict(p.path, slug);
      if ("unserved" in verdict) opts.urls.add(p.pattern, p.path, { unserved: verdict.unserved });
      else {
        opts.urls.add(p.pattern, p.path, { served: verdict.store ? "301 to the topic, from the paths the import stored" : "unchanged: it is the topic's URL" });
        if (verdict.store) paths.push(verdict.store);
      }
    }
    const checked = v.safeParse(TopicCreate, { slug, title: old.title, intro: old.intro, banner, groups: old.groups.length ? old.groups.map((g) => ({ name: g.name })) : undefined });
    if (!checked.success) {
      note("the 专题", checked.issues.map((i) => `${v.getDotPath(i) ?? "topic"} ${i.message}`).join("; "));
      continue;
    }
    const result = await importTopic(db, { slug, title: old.title, intro: old.intro, banner, groups: old.groups, legacy: { system: opts.system, legacyId: old.legacyId, paths } }, opts);
    if (result.kind === "exists") {
      note("the 专题", `another writer made a topic ${slug} meanwhile`);
      continue;
    }
    out.created += 1;
    out.articles += result.report.articles.length;
    for (const r of result.refused) note(`article ${r.articleId}`, r.error.code === "unknown_article" ? `no article ${r.articleId} here (not in the dump, or not imported)` : r.error.message);
  }
  const byId = out.created + out.kept.length;
  if (opts.system === "phpcms") opts.urls.add("/index.php?m=special&c=index&id={id}", "/index.php?m=special&c=index&id=1", { served: "301 to the topic, by the old 专题 id" }, byId);
  else opts.urls.add("/plus/view.php?aid={aid} (专题)", "/plus/view.php?aid=88609", { served: "301 to the topic, by the old 专题's archive id" }, byId);
  return out;
}

// The cron trigger's job: publish scheduled articles that are due, through the same path as a manual publish.
import type { Bindings } from "./env.ts";
import { type ChangeReport, publishDueArticles } from "./publish/changes.ts";

export async function runScheduledPublishing(env: Bindings, now: number): Promise<ChangeReport[]> {
  const published = await publishDueArticles(env.DB, now);
  if (published.length) console.log(`scheduler: published ${published.map((r) => r.article.id).join(", ")}`);
  return published;
}

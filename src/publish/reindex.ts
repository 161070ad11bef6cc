// Indexing what the search index does not hold yet: the articles in the backlog (every article that
// existed when search arrived, migrations/0008), a batch at a time. Each batch reads the articles and
// writes their rows conditioned on the versions read, so a change that lands in between keeps its own row.
import type { Section } from "../domain/section.ts";
import { ARTICLE_COLUMNS, type ArticleRow, toArticle } from "../db/articles.ts";
import type { Db } from "../domain/db.ts";
import { rowsOf } from "../db/handle.ts";
import { backlogArticlesStatement, reindexStatements } from "../db/search-index.ts";
import { SECTION_COLUMNS, type SectionRow, toSection } from "../db/sections.ts";

/** Articles per batch: the cron trigger indexes this many a minute. */
const BACKLOG_BATCH = 100;

/** A section and its ancestors, root first, from the whole (small) section table. */
function chainOf(sectionId: number, byId: Map<number, Section>): Section[] {
  const chain: Section[] = [];
  for (let s = byId.get(sectionId); s && chain.length < 8; s = s.parentId === null ? undefined : byId.get(s.parentId)) chain.unshift(s);
  return chain;
}

/** Indexes up to `max` articles of the backlog; answers how many it took (0 when the backlog is empty). */
export async function indexBacklog(db: Db, max = BACKLOG_BATCH): Promise<number> {
  const [sections, articles] = await db.batch<unknown>([
    db.prepare(`SELECT ${SECTION_COLUMNS} FROM sections`),
    backlogArticlesStatement(db, ARTICLE_COLUMNS, max),
  ]);
  const byId = new Map(rowsOf<SectionRow>(sections).map((r) => [r.id, toSection(r)]));
  const rows = rowsOf<ArticleRow>(articles);
  const statements = rows.flatMap((row) => reindexStatements(db, toArticle(row), chainOf(row.section_id, byId)));
  if (statements.length) await db.batch(statements);
  return rows.length;
}

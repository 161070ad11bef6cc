// A PHPCMS v9 article: a v9_news row (title, thumb, description, url, status, islink, inputtime, updatetime)
// with its v9_news_data row (content, copyfrom "来源|id"), and an `author` field where the site added one. Pure.
import { cleanLine } from "../../../src/content/legacy-html.ts";
import { parseBylines } from "../bylines.ts";
import type { Candidate, Skip } from "../candidate.ts";
import { printedPath } from "../old-paths.ts";
import { type DumpRecord, int, text } from "../record.ts";

const PUBLISHED = 99;

export type PhpcmsRow = { news: DumpRecord; data: DumpRecord | null; line: number };

/**
 * PHPCMS v9 keeps 99 for published, 0 for returned to the author (退稿), and the steps of its review in
 * between (1–4 by default): those wait in the editors' queue (待审) here, the returned ones are drafts.
 */
function unpublished(status: number): Pick<Candidate, "status" | "statusReason"> {
  if (status === 0) return { status: "draft", statusReason: "returned to its author (status 0)" };
  if (status > 0 && status < PUBLISHED) return { status: "submitted", statusReason: `waiting for review (status ${status})` };
  return { status: "draft", statusReason: `a status PHPCMS does not define (status ${status})` };
}

/** A static URL's shape for the report: the id and other numbers as placeholders. */
const shape = (path: string, id: number) => path.replace(new RegExp(`(?<![0-9])${id}(?![0-9])`), "{id}").replace(/[0-9]+/g, "{n}");

export function phpcmsArticle(row: PhpcmsRow): Candidate | Skip {
  const n = row.news;
  const id = int(n, "id");
  const skip = (reason: string): Skip => ({ id, line: row.line, reason });
  if (id === null || id <= 0) return skip("no id");
  if ((int(n, "islink") ?? 0) === 1) return skip(`a link to ${text(n, "url")}, not an article`);
  if (!row.data) return skip("no body (no v9_news_data row)");
  const title = cleanLine(text(n, "title"));
  if (!title) return skip("empty title");
  const inputtime = int(n, "inputtime") ?? 0;
  if (inputtime <= 0) return skip(`a date that does not exist (inputtime ${text(n, "inputtime") || "empty"})`);
  const updatetime = int(n, "updatetime") ?? 0;
  const status = int(n, "status") ?? PUBLISHED;
  const url = printedPath(text(n, "url"));
  const path = url && !/index\.php|\?/.test(url) && status === PUBLISHED ? url : null;
  return {
    id,
    sectionId: int(n, "catid") ?? 0,
    ...(status === PUBLISHED ? { status: "published" as const } : unpublished(status)),
    publishedAt: inputtime * 1000,
    ...(updatetime > inputtime && { updatedAt: updatetime * 1000 }),
    title,
    titleBold: /font-weight\s*:\s*bold/i.test(text(n, "style")),
    flags: [],
    source: cleanLine(text(row.data, "copyfrom").replace(/\|[0-9]*$/, "")),
    summary: cleanLine(text(n, "description")),
    bylines: parseBylines(cleanLine(text(n, "author") || text(row.data, "author"))),
    cover: text(n, "thumb").trim(),
    html: text(row.data, "content"),
    oldPaths: path ? [path] : [],
    pattern: path ? shape(path, id) : null,
  };
}

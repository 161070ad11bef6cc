// A DedeCMS 5.7 article: a dede_archives row (title, writer, source, litpic, description, pubdate/senddate,
// arcrank, channel…) with its dede_addonarticle row (body, redirecturl). Pure.
import { cleanLine } from "../../../src/content/legacy-html.ts";
import { parseBylines } from "../bylines.ts";
import type { Candidate, Skip } from "../candidate.ts";
import { type DumpRecord, int, text } from "../record.ts";
import type { DedeSectionRules } from "./site.ts";
import { staticArticlePath } from "./urls.ts";
import { dedeFlags } from "../curation.ts";

/** channel 1 is the article model; the others keep their bodies elsewhere (albums, downloads, shop). */
const ARTICLE_CHANNEL = 1;

export type DedeRow = { archive: DumpRecord; addon: DumpRecord | null; line: number };

function status(arcrank: number): Pick<Candidate, "status" | "statusReason"> | string {
  if (arcrank === 0) return { status: "published" };
  // 未审核: it waited for an editor there, and waits in the editors' queue (待审) here.
  if (arcrank === -1) return { status: "submitted", statusReason: "not yet reviewed (arcrank -1)" };
  if (arcrank === -2) return "in the old site's recycle bin (arcrank -2)";
  // Readable by members of a rank only: nothing on Masthead is, so it waits as a draft for an editor.
  return { status: "draft", statusReason: `members only (arcrank ${arcrank})` };
}

export function dedeArticle(row: DedeRow, rulesOf: (typeid: number) => DedeSectionRules | undefined): Candidate | Skip {
  const a = row.archive;
  const id = int(a, "id") ?? int(a, "aid");
  const skip = (reason: string): Skip => ({ id, line: row.line, reason });
  if (id === null || id <= 0) return skip("no id");
  const channel = int(a, "channel") ?? ARTICLE_CHANNEL;
  if (channel !== ARTICLE_CHANNEL) return skip(`not an article (channel ${channel}: an album, a download or another model)`);
  if (!row.addon) return skip("no body (no dede_addonarticle row)");
  const redirect = text(row.addon, "redirecturl").trim();
  if (redirect) return skip(`a link to ${redirect}, not an article`);
  const state = status(int(a, "arcrank") ?? 0);
  if (typeof state === "string") return skip(state);
  const typeid = int(a, "typeid") ?? 0;
  const title = cleanLine(text(a, "title"));
  if (!title) return skip("empty title");
  const pubdate = int(a, "pubdate") ?? 0;
  const senddate = int(a, "senddate") ?? 0;
  const seconds = pubdate > 0 ? pubdate : senddate;
  if (seconds <= 0) return skip(`a date that does not exist (pubdate ${text(a, "pubdate") || "empty"})`);

  // GetFileName: anything not open to all, never made static (ismake -1) or sold (money) lived only at view.php.
  const rules = rulesOf(typeid);
  const dynamic = state.status !== "published" || (int(a, "ismake") ?? 0) === -1 || (int(a, "money") ?? 0) > 0 || !rules;
  const path = dynamic ? null : staticArticlePath(rules.namerule, rules.typedir, { id, senddate: senddate || seconds, filename: text(a, "filename").trim() });
  return {
    id,
    sectionId: typeid,
    ...state,
    publishedAt: seconds * 1000,
    title,
    titleBold: dedeFlags(a).includes("b"),
    flags: dedeFlags(a),
    source: cleanLine(text(a, "source")),
    summary: cleanLine(text(a, "description")),
    bylines: parseBylines(cleanLine(text(a, "writer"))),
    cover: /\/images\/defaultpic\.gif$/i.test(text(a, "litpic")) ? "" : text(a, "litpic").trim(),
    html: text(row.addon, "body"),
    oldPaths: path ? [path] : [],
    pattern: dynamic ? null : (rules?.namerule.toLowerCase() ?? null),
  };
}

// A PHPCMS v9 site as its dump describes it: its domain (v9_site), which model is 新闻 (v9_model, table
// `news`), and the category tree (v9_category: catid, parentid, catname, catdir, url, type, modelid,
// listorder). Pure.
import { cleanLine } from "../../../src/content/legacy-html.ts";
import { printedPath } from "../old-paths.ts";
import { type DumpRecord, int, text } from "../record.ts";
import type { OldSection } from "../sections/plan.ts";

export type PhpcmsSettings = { siteId: number; domain: string; newsModels: Set<number> | null };

export function phpcmsSettings(sites: readonly DumpRecord[], models: readonly DumpRecord[], siteId: number): PhpcmsSettings {
  const site = sites.find((s) => int(s, "siteid") === siteId);
  const news = models.filter((m) => text(m, "tablename") === "news" && (int(m, "siteid") ?? siteId) === siteId);
  return {
    siteId,
    domain: site ? text(site, "domain") : "",
    newsModels: models.length ? new Set(news.map((m) => int(m, "modelid") ?? -1)) : null,
  };
}

const DYNAMIC = /(?:^|\/)index\.php(?:\?|$)|\?/;

export function phpcmsSections(rows: readonly DumpRecord[], settings: PhpcmsSettings): OldSection[] {
  return rows.flatMap((r): OldSection[] => {
    const id = int(r, "catid");
    if (id === null || id <= 0 || (int(r, "siteid") ?? settings.siteId) !== settings.siteId) return [];
    if (text(r, "module") && text(r, "module") !== "content") return [];
    const type = int(r, "type") ?? 0;
    const model = int(r, "modelid") ?? 0;
    const skip =
      type === 1
        ? "a single page (单网页), not a section"
        : type === 2
          ? `a link to ${text(r, "url")}, not a section`
          : settings.newsModels && !settings.newsModels.has(model) && (int(r, "child") ?? 0) === 0
            ? `not a news category (model ${model})`
            : undefined;
    // The category's own URL as its pages printed it; a static one is an old directory to answer.
    const path = printedPath(text(r, "url"));
    const dir = path && !DYNAMIC.test(path) ? path.replace(/index\.html?$/, "") : null;
    return [
      {
        legacyId: id,
        parentLegacyId: (int(r, "parentid") ?? 0) > 0 ? int(r, "parentid") : null,
        dir: text(r, "catdir").replace(/\/+$/, ""),
        name: cleanLine(text(r, "catname")) || `栏目${id}`,
        sortOrder: int(r, "listorder") ?? 0,
        description: cleanLine(text(r, "description")).slice(0, 500),
        oldDirs: dir && !skip ? [dir.endsWith("/") ? dir : `${dir}/`] : [],
        ...(skip !== undefined && { skip }),
      },
    ];
  });
}

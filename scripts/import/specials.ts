// The old site's 专题, read from the dump as Masthead's topics will hold them: groups in order, each with the
// article ids it listed, and every entry that cannot be kept as a fixed list said so. DedeCMS 5.7 made a 专题
// an archive of channel -1 (dede_archives) whose dede_addonspec.note holds one {dede:specnote} tag per group
// (节点: name, idlist in order, or isauto filled by keywords); PHPCMS v9 has v9_special, its groups as v9_type
// rows of module `special` (or a v9_special_type table), and v9_special_content, an entry per article. Pure.
import { cleanLine } from "../../src/content/legacy-html.ts";
import { TOPIC_SLUG } from "../../src/content/front-schemas.ts";
import { type DumpRecord, int, text } from "./record.ts";
import type { DedeSectionRules } from "./dedecms/site.ts";
import { staticArticlePath } from "./dedecms/urls.ts";
import { printedPath } from "./old-paths.ts";

/** A 专题 as the import will make it: `slugBase` the name its slug is made from (the old file name, or ""). */
export type OldTopic = {
  legacyId: number;
  line: number;
  slugBase: string;
  title: string;
  intro: string;
  /** The old banner picture as the dump names it, "" for none. */
  banner: string;
  groups: { name: string; articles: number[] }[];
  /** Its old static pages as the old site printed them, with the pattern the report counts them under. */
  oldPaths: { path: string; pattern: string }[];
};

/** Something of a 专题 not kept, worded as the report prints it. */
export type Unmapped = { legacyId: number; title: string; entry: string; reason: string };

export type OldTopics = { topics: OldTopic[]; unmapped: Unmapped[] };

/** DedeCMS's channel type of 专题 (dede_channeltype id -1, its addon table dede_addonspec). */
export const DEDE_SPECIAL_CHANNEL = -1;

/**
 * The slug of a topic made from an old 专题: its old file name in lower case, each run of anything but ASCII
 * letters and digits one hyphen (`LiangHui_2023` → `lianghui-2023`), at most 50 characters; `zt-<id>` when
 * that leaves nothing (no file name, or one all Chinese). The import makes it unique with `-<id>`.
 */
export function topicSlug(base: string, legacyId: number): string {
  const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 50).replace(/^-+|-+$/g, "");
  return slug && TOPIC_SLUG.test(slug) ? slug : `zt-${legacyId}`;
}

/** The attributes of one `{dede:specnote …}` tag: name='…' pairs, in single or double quotes. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([a-z_]+)\s*=\s*(?:'([^']*)'|"([^"]*)")/gi)) out.set((m[1] ?? "").toLowerCase(), m[2] ?? m[3] ?? "");
  return out;
}

/** The groups a dede_addonspec.note holds, in order: each tag's name, isauto and idlist. */
function specNotes(note: string): { name: string; auto: boolean; ids: number[]; keywords: string; typeid: string }[] {
  return [...note.matchAll(/\{dede:specnote\b([^}]*)\}/gi)].map((m) => {
    const a = attributes(m[1] ?? "");
    const ids = (a.get("idlist") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => /^[1-9][0-9]{0,9}$/.test(s))
      .map(Number);
    return { name: cleanLine(a.get("name") ?? "").slice(0, 40), auto: a.get("isauto") === "1", ids, keywords: a.get("keywords") ?? "", typeid: a.get("typeid") ?? "0" };
  });
}

/** A DedeCMS 专题: its archive row (channel -1) and its dede_addonspec row. */
export function dedeSpecial(archive: DumpRecord, addon: DumpRecord | undefined, line: number, rulesOf: (typeid: number) => DedeSectionRules | undefined): OldTopics {
  const id = int(archive, "id") ?? int(archive, "aid") ?? 0;
  const title = cleanLine(text(archive, "title"));
  const unmapped: Unmapped[] = [];
  const drop = (reason: string): OldTopics => ({ topics: [], unmapped: [{ legacyId: id, title, entry: "the 专题", reason }] });
  if (!title) return drop("empty title");
  const arcrank = int(archive, "arcrank") ?? 0;
  if (arcrank === -2) return drop("in the old site's recycle bin (arcrank -2)");
  if (arcrank !== 0) return drop(`not open to all (arcrank ${arcrank}): a topic is public`);
  if (!addon) return drop("no dede_addonspec row, where its groups are");
  const redirect = text(addon, "redirecturl").trim();
  if (redirect) return drop(`a link to ${redirect}, not a 专题 page`);
  const groups: OldTopic["groups"] = [];
  for (const [i, note] of specNotes(text(addon, "note")).entries()) {
    const name = note.name || `节点${i + 1}`;
    if (note.auto) {
      const by = [note.keywords && `keywords ${note.keywords}`, note.typeid !== "0" && `typeid ${note.typeid}`].filter(Boolean).join(", ");
      unmapped.push({ legacyId: id, title, entry: `group ${name}`, reason: `filled automatically (isauto 1${by ? `, by ${by}` : ""}): no fixed list to keep; add its articles by hand` });
      continue;
    }
    groups.push({ name, articles: note.ids });
  }
  const senddate = int(archive, "senddate") || int(archive, "pubdate") || 0;
  const rules = rulesOf(int(archive, "typeid") ?? 0);
  const dynamic = (int(archive, "ismake") ?? 0) === -1 || !rules || senddate <= 0;
  const path = dynamic ? null : staticArticlePath(rules.namerule, rules.typedir, { id, senddate, filename: text(archive, "filename").trim() });
  const litpic = text(archive, "litpic").trim();
  return {
    topics: [
      {
        legacyId: id,
        line,
        slugBase: text(archive, "filename").trim(),
        title,
        intro: cleanLine(text(archive, "description")),
        banner: /\/images\/defaultpic\.gif$/i.test(litpic) ? "" : litpic,
        groups,
        oldPaths: path && rules ? [{ path, pattern: `${rules.namerule.toLowerCase()} (专题)` }] : [],
      },
    ],
    unmapped,
  };
}

/** A PHPCMS group: v9_type (module special, parentid the 专题) or v9_special_type (specialid). */
type Group = { typeid: number; name: string; order: number };

function phpcmsGroups(specialId: number, types: readonly DumpRecord[], specialTypes: readonly DumpRecord[]): Group[] {
  const fromTypes = types
    .filter((t) => text(t, "module") === "special" && int(t, "parentid") === specialId)
    .map((t) => ({ typeid: int(t, "typeid") ?? 0, name: cleanLine(text(t, "name")), order: int(t, "listorder") ?? 0 }));
  const fromSpecialTypes = specialTypes
    .filter((t) => (int(t, "specialid") ?? int(t, "parentid")) === specialId)
    .map((t) => ({ typeid: int(t, "typeid") ?? int(t, "id") ?? 0, name: cleanLine(text(t, "name") || text(t, "typename")), order: int(t, "listorder") ?? 0 }));
  const seen = new Set<number>();
  return [...fromTypes, ...fromSpecialTypes]
    .filter((g) => g.typeid > 0 && !seen.has(g.typeid) && seen.add(g.typeid))
    .sort((a, b) => a.order - b.order || a.typeid - b.typeid);
}

const DYNAMIC = /(?:^|\/)index\.php(?:\?|$)|\?/;

/**
 * PHPCMS v9 专题 of site `siteId`: v9_special rows, their groups, and their v9_special_content entries in the
 * order PHPCMS lists a group (listorder, then newest first). An entry of an existing article (isdata 0) names
 * it in `curl` as `<contentid>|<catid>`; one written inside the 专题 (isdata 1, its body in
 * v9_special_c_data) is no article of the site's and is reported.
 */
export function phpcmsSpecials(
  tables: { special: readonly DumpRecord[]; types: readonly DumpRecord[]; specialTypes: readonly DumpRecord[]; content: readonly DumpRecord[] },
  siteId: number,
): OldTopics {
  const out: OldTopics = { topics: [], unmapped: [] };
  for (const s of tables.special) {
    const id = int(s, "id") ?? 0;
    if (id <= 0 || (int(s, "siteid") ?? siteId) !== siteId) continue;
    const title = cleanLine(text(s, "title"));
    const note = (entry: string, reason: string) => out.unmapped.push({ legacyId: id, title, entry, reason });
    if (!title) {
      note("the 专题", "empty title");
      continue;
    }
    if ((int(s, "disabled") ?? 0) === 1) {
      note("the 专题", "disabled on the old site (disabled 1)");
      continue;
    }
    const groups = phpcmsGroups(id, tables.types, tables.specialTypes);
    const byGroup = new Map(groups.map((g) => [g.typeid, [] as { articleId: number; order: number; id: number }[]]));
    for (const c of tables.content) {
      if (int(c, "specialid") !== id) continue;
      const entryId = int(c, "id") ?? 0;
      const entry = `entry ${entryId} (${cleanLine(text(c, "title")) || "no title"})`;
      if ((int(c, "isdata") ?? 0) === 1) {
        note(entry, "an article written inside the 专题 (isdata 1, its body in v9_special_c_data), not an article of the site: not imported");
        continue;
      }
      const articleId = Number(/^([1-9][0-9]{0,9})\|/.exec(text(c, "curl").trim())?.[1] ?? NaN);
      const list = byGroup.get(int(c, "typeid") ?? 0);
      if (!Number.isSafeInteger(articleId)) note(entry, `no article named (curl "${text(c, "curl")}")`);
      else if (!list) note(entry, `its group (typeid ${text(c, "typeid")}) is not one of the 专题's`);
      else list.push({ articleId, order: int(c, "listorder") ?? 0, id: entryId });
    }
    const url = printedPath(text(s, "url"));
    out.topics.push({
      legacyId: id,
      line: 0,
      slugBase: text(s, "filename").trim(),
      title,
      intro: cleanLine(text(s, "description")),
      banner: text(s, "banner").trim() || text(s, "thumb").trim(),
      groups: groups.map((g) => ({
        name: g.name.slice(0, 40),
        articles: (byGroup.get(g.typeid) ?? []).sort((a, b) => a.order - b.order || b.id - a.id).map((e) => e.articleId),
      })),
      oldPaths: url && !DYNAMIC.test(url) ? [{ path: url, pattern: "v9_special.url (static 专题 pages)" }] : [],
    });
  }
  return out;
}

// Each system's dump as the importer uses it: its section tree, its own hosts, how a row becomes an article,
// and the old URL patterns every import of it serves by id.
import type { Candidate, Skip } from "./candidate.ts";
import { dedeArticle } from "./dedecms/articles.ts";
import { dedeSections, dedeSettings } from "./dedecms/site.ts";
import { hostsOf } from "./old-paths.ts";
import type { UrlPatterns } from "./old-urls.ts";
import { phpcmsArticle } from "./phpcms/articles.ts";
import { phpcmsSections, phpcmsSettings } from "./phpcms/site.ts";
import { type DumpRecord, int } from "./record.ts";
import type { Scan } from "./scan.ts";
import { DEDE_SPECIAL_CHANNEL, type OldTopics, dedeSpecial, phpcmsSpecials } from "./specials.ts";
import type { OldSection } from "./sections/plan.ts";

export type Site = {
  sections: OldSection[];
  /** The old site's hosts: absolute links and pictures on them are its own. */
  hosts: Set<string>;
  article: (main: DumpRecord, body: DumpRecord | null, line: number) => Candidate | Skip;
  /** What the system calls a section's id, for messages: typeid, catid. */
  sectionWord: string;
  /** The pattern of a section's old directory, for the report. */
  dirPattern: string;
  addFixedPatterns: (urls: UrlPatterns, sections: number, articles: number) => void;
  /** Whether an article-table row is a 专题 (DedeCMS keeps them there), read by `topics` instead. */
  isTopic: (main: DumpRecord) => boolean;
  /** The 专题: DedeCMS's from the rows isTopic picked, PHPCMS's from their own tables. */
  topics: (rows: readonly { record: DumpRecord; line: number }[]) => OldTopics;
};

export function siteOf(scan: Scan, opts: { siteId?: number; oldHosts?: readonly string[] }): Site {
  if (scan.system === "dedecms") {
    const settings = dedeSettings(scan.small.sysconfig ?? []);
    const sections = dedeSections(scan.small.arctype ?? [], settings);
    const rules = new Map(sections.map((s) => [s.legacyId, s.rules]));
    return {
      sections,
      hosts: hostsOf([settings.basehost, ...(opts.oldHosts ?? [])]),
      article: (archive, addon, line) => dedeArticle({ archive, addon, line }, (typeid) => rules.get(typeid)),
      sectionWord: "typeid",
      isTopic: (archive) => int(archive, "channel") === DEDE_SPECIAL_CHANNEL,
      topics(rows) {
        const addons = new Map((scan.small.addonspec ?? []).map((a) => [int(a, "aid"), a]));
        const each = rows.map((r) => dedeSpecial(r.record, addons.get(int(r.record, "id") ?? int(r.record, "aid")), r.line, (typeid) => rules.get(typeid)));
        return { topics: each.flatMap((t) => t.topics), unmapped: each.flatMap((t) => t.unmapped) };
      },
      dirPattern: "{typedir}/ (a section's list, index.html)",
      addFixedPatterns(urls, sectionCount, articles) {
        urls.add("/plus/view.php?aid={aid}", "/plus/view.php?aid=88594", { served: "301, by the article id" }, articles);
        urls.add("/plus/list.php?tid={tid}", "/plus/list.php?tid=5", { served: "301, by the old section id" }, sectionCount);
        // Answered by the old section ids legacy_sections holds: none when no section was made.
        if (sectionCount === 0) return;
        for (const rule of new Set(sections.filter((s) => s.rules.listsAreStatic && !s.skip).map((s) => s.rules.namerule2 || "{typedir}/list_{tid}_{page}.html"))) {
          const ok = /\/list_\{tid\}_\{page\}\.html$/i.test(rule);
          urls.add(rule, "/a/xinwen/list_5_2.html", ok ? { served: "301 to the section, by the old section id" } : { unserved: "list pages named without their section id" }, 1);
        }
      },
    };
  }
  const settings = phpcmsSettings(scan.small.site ?? [], scan.small.model ?? [], opts.siteId ?? 1);
  return {
    sections: phpcmsSections(scan.small.category ?? [], settings),
    hosts: hostsOf([settings.domain, ...(opts.oldHosts ?? [])]),
    article: (news, data, line) => phpcmsArticle({ news, data, line }),
    sectionWord: "catid",
    isTopic: () => false,
    topics: () =>
      phpcmsSpecials(
        { special: scan.small.special ?? [], types: scan.small.type ?? [], specialTypes: scan.small.special_type ?? [], content: scan.small.special_content ?? [] },
        opts.siteId ?? 1,
      ),
    dirPattern: "category url (its list, index.html)",
    addFixedPatterns(urls, sectionCount, articles) {
      urls.add("/index.php?m=content&c=index&a=show&catid={catid}&id={id}", "/index.php?m=content&c=index&a=show&catid=6&id=123", { served: "301, by the article id" }, articles);
      urls.add("/index.php?m=content&c=index&a=lists&catid={catid}", "/index.php?m=content&c=index&a=lists&catid=6", { served: "301, by the old category id" }, sectionCount);
    },
  };
}

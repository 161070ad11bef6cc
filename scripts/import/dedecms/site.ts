// A DedeCMS 5.7 site as its dump describes it: the settings an importer needs (dede_sysconfig) and the
// section tree (dede_arctype: id, reid, typename, typedir, sortrank, ispart, channeltype, namerule…). Pure.
import { cleanLine } from "../../../src/content/legacy-html.ts";
import { type DumpRecord, int, text } from "../record.ts";
import type { OldSection } from "../sections/plan.ts";
import { DEFAULT_NAMERULE, expandTypedir } from "./urls.ts";

export type DedeSettings = {
  /** cfg_cmspath: the folder DedeCMS was installed in ("" at the web root). */
  cmspath: string;
  /** cfg_basehost: the site's origin, so absolute links and images on it are recognised as its own. */
  basehost: string;
  /** cfg_arcdir: where articles of a section without a typedir went. */
  arcdir: string;
};

export function dedeSettings(rows: readonly DumpRecord[]): DedeSettings {
  const value = (name: string) => text(rows.find((r) => text(r, "varname") === name) ?? {}, "value").trim();
  return { cmspath: value("cfg_cmspath").replace(/\/+$/, ""), basehost: value("cfg_basehost"), arcdir: value("cfg_arcdir") || "/a" };
}

/** How a section's article pages were named: its namerule with its typedir expanded. */
export type DedeSectionRules = { typedir: string; namerule: string; namerule2: string; listsAreStatic: boolean };

export type DedeSection = OldSection & { rules: DedeSectionRules };

/** channeltype 1 is DedeCMS's article model; ispart 2 a section that is only a link elsewhere. */
export function dedeSections(rows: readonly DumpRecord[], settings: DedeSettings): DedeSection[] {
  return rows.flatMap((r): DedeSection[] => {
    const id = int(r, "id");
    if (id === null || id <= 0) return [];
    const typedir = expandTypedir(text(r, "typedir") || `{cmspath}${settings.arcdir}`, settings.cmspath).replace(/\/+$/, "");
    const ispart = int(r, "ispart") ?? 0;
    const channeltype = int(r, "channeltype") ?? 1;
    // isdefault -1: the section's lists were made on request by /plus/list.php, never as files.
    const listsAreStatic = (int(r, "isdefault") ?? 0) !== -1;
    const name = cleanLine(text(r, "typename")) || `栏目${id}`;
    const skip =
      ispart === 2 || /^[a-z]+:\/\//i.test(typedir)
        ? `a link to ${text(r, "typedir")}, not a section`
        : channeltype === -1
          ? "the 专题 section (channeltype -1): its 专题 become topics"
          : channeltype !== 1 && ispart !== 1
            ? `not an article section (channeltype ${channeltype})`
          : undefined;
    return [
      {
        legacyId: id,
        parentLegacyId: (int(r, "reid") ?? 0) > 0 ? int(r, "reid") : null,
        dir: typedir.slice(typedir.lastIndexOf("/") + 1),
        name,
        sortOrder: int(r, "sortrank") ?? 50,
        description: cleanLine(text(r, "description")).slice(0, 500),
        oldDirs: listsAreStatic && !skip ? [`${typedir}/`] : [],
        rules: { typedir, namerule: text(r, "namerule") || DEFAULT_NAMERULE, namerule2: text(r, "namerule2"), listsAreStatic },
        ...(skip !== undefined && { skip }),
      },
    ];
  });
}

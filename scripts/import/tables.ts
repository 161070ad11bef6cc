// Each system's tables, as the scan finds them and the mappings (dedecms/, phpcms/) read them.
import type { LegacySystem } from "../../src/domain/legacy.ts";

/**
 * Each system's tables by what follows the prefix (dede_, v9_): articles, bodies, and the small ones kept
 * whole; and the text fields of each that its mapping reads (dedecms/, phpcms/), the only ones checked for
 * text not valid in the dump's encoding: a broken character in a field never imported (keywords) changes nothing.
 */
export const TABLES = {
  dedecms: {
    main: "archives",
    body: "addonarticle",
    bodyId: "aid",
    small: ["arctype", "sysconfig", "addonspec"],
    text: {
      archives: ["title", "writer", "source", "litpic", "description", "filename", "flag"],
      addonarticle: ["body", "redirecturl"],
      arctype: ["typename", "typedir", "description", "namerule", "namerule2"],
      sysconfig: ["varname", "value"],
      addonspec: ["note", "redirecturl"],
    },
  },
  phpcms: {
    main: "news",
    body: "news_data",
    bodyId: "id",
    small: ["category", "site", "model", "position", "position_data", "special", "special_content", "special_type", "type"],
    text: {
      news: ["title", "url", "description", "thumb", "author", "style"],
      news_data: ["content", "copyfrom", "author"],
      category: ["catname", "catdir", "url", "description", "module"],
      site: ["domain"],
      model: ["tablename"],
      position: ["name"],
      position_data: ["module"],
      // Before `type`: a table is read by the first suffix it ends with.
      special_type: ["name", "typename"],
      special_content: ["title", "curl"],
      special: ["title", "description", "url", "filename", "banner", "thumb"],
      type: ["name", "module"],
    },
  },
} as const satisfies Record<
  LegacySystem,
  { main: string; body: string; bodyId: string; small: readonly string[]; text: Readonly<Record<string, readonly string[]>> }
>;

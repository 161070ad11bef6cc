// The systems a newsroom moves in from, and what an imported article remembers of where it came from.

/** DedeCMS 5.7 (织梦) and PHPCMS v9: the portals Masthead imports from their database dumps. */
export const LEGACY_SYSTEMS = ["dedecms", "phpcms"] as const;
export type LegacySystem = (typeof LEGACY_SYSTEMS)[number];

/** Where an imported article came from: which system, a fingerprint of its rows, its old static paths. */
export type LegacyOrigin = {
  system: LegacySystem;
  /** A hash of the dump rows it was made from: a later import tells an unchanged row from a changed one. */
  fingerprint: string;
  /** Old static paths that are not already a Masthead URL (`/a/xinwen/2023/0602/88594.html`). */
  paths: string[];
};

/** Where an old URL leads: an article (when published) or a section, by its path, or a topic (an old 专题), by its slug. */
export type LegacyTarget =
  | { kind: "article"; id: number; sectionPath: string | null }
  | { kind: "section"; sectionPath: string }
  | { kind: "topic"; slug: string };

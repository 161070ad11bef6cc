// The section tree as GET /api/v1/sections answers it.
import type { Section } from "../domain/section.ts";
import type { SectionNode } from "../content/responses.ts";
import { sectionRef } from "./article-json.ts";

/** Nests a flat list (in sort order) under its parents; each level keeps the list's order. */
export function sectionTreeJson(sections: Section[]): SectionNode[] {
  const nodes = new Map<number, SectionNode>(sections.map((s) => [s.id, { ...sectionRef(s), children: [] }]));
  const roots: SectionNode[] = [];
  for (const s of sections) {
    const node = nodes.get(s.id);
    if (!node) continue;
    const parent = s.parentId === null ? undefined : nodes.get(s.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

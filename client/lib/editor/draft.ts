// The article as the editor holds it: the fields a person writes, compared and copied as plain data. Pure,
// so the save queue, the recovery copy and the conflict view agree on what "the same text" means.

export type Byline = { name: string; role: string };

export type Draft = {
  section: string;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: Byline[];
  body: string;
  cover_image: string | null;
};

/** The fields' names as the page labels them. */
export const FIELD_LABELS: Record<keyof Draft, string> = {
  section: "栏目",
  kicker: "引题",
  title: "标题",
  subtitle: "副题",
  source: "来源",
  summary: "摘要",
  bylines: "作者",
  cover_image: "封面",
  body: "正文",
};

const bylinesText = (b: readonly Byline[]) => b.map((x) => `${x.role} ${x.name}`).join("\n");

/** A field's value as text, for comparing and for a diff. */
export function fieldText(d: Draft, key: keyof Draft): string {
  if (key === "bylines") return bylinesText(d.bylines);
  if (key === "cover_image") return d.cover_image ?? "";
  return d[key];
}

const FIELDS = Object.keys(FIELD_LABELS) as (keyof Draft)[];

/** The fields whose values differ. */
export const changedFields = (a: Draft, b: Draft): (keyof Draft)[] => FIELDS.filter((k) => fieldText(a, k) !== fieldText(b, k));

/** Whether two drafts hold the same text in every field. */
export const sameDraft = (a: Draft, b: Draft): boolean => changedFields(a, b).length === 0;

/** The PATCH body that turns `base` into `next`: only what changed. */
export function patchOf(base: Draft, next: Draft): Partial<Draft> {
  const patch: Partial<Draft> = {};
  for (const key of changedFields(base, next)) Object.assign(patch, { [key]: next[key] });
  return patch;
}

/** Characters as the API counts them: code points, so an emoji or a rare 𠀀 is one. */
export const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
};

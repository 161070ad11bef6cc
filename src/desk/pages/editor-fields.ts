// 写稿's fields, each labelled in Chinese with its limit (characters, as the API counts them) shown beside it
// from the start, so a reporter sees the end coming before the server refuses it. Pure: data in, HTML out.
import { html } from "hono/html";
import type { Byline } from "../../domain/article.ts";
import { LIMITS } from "../../content/schemas.ts";
import type { Html } from "../../render/layout.ts";
import { options, picturePicker } from "./parts.ts";

/** The byline roles a newsroom writes, in the order it writes them; an article's other roles are kept as they are. */
const BYLINE_ROLES = ["记者", "通讯员", "摄影", "编辑", "责任编辑"] as const;

export type EditorFields = {
  section: string;
  title: string;
  kicker: string;
  subtitle: string;
  summary: string;
  source: string;
  bylines: Byline[];
  body: string;
  coverImage: string | null;
};

export type SectionChoice = { path: string; name: string; depth: number };
export type CoverChoice = { key: string; alt: string };

export const EMPTY_FIELDS: EditorFields = {
  section: "",
  title: "",
  kicker: "",
  subtitle: "",
  summary: "",
  source: "",
  bylines: [],
  body: "",
  coverImage: null,
};

const count = (name: string, limit: number) =>
  html`<span class="count" id="count-${name}" data-count="${name}" data-limit="${limit}">上限 ${limit} 字</span>`;

function line(name: keyof typeof LIMITS, label: string, value: string, extra: Html | string = ""): Html {
  const limit = LIMITS[name];
  return html`<div class="field"><label for="e-${name}">${label}</label>
<input id="e-${name}" name="${name}" type="text" value="${value}" aria-describedby="count-${name}" autocomplete="off"${extra}>
${count(name, limit)}</div>`;
}

function bylineRow(b: Byline, index: number): Html {
  const roles = BYLINE_ROLES.includes(b.role as (typeof BYLINE_ROLES)[number]) || b.role === "" ? BYLINE_ROLES : [...BYLINE_ROLES, b.role];
  const n = index + 1;
  return html`<li class="byline" data-byline>
<div class="field"><label for="e-byline-role-${n}">第 ${n} 位的身份</label><select id="e-byline-role-${n}" data-byline-role>${options(
    roles.map((r) => ({ value: r, label: r })),
    b.role || "记者",
  )}</select></div>
<div class="field"><label for="e-byline-name-${n}">第 ${n} 位的姓名</label><input id="e-byline-name-${n}" type="text" value="${b.name}" maxlength="${LIMITS.bylineName}" data-byline-name autocomplete="off"></div>
<button type="button" class="quiet" data-byline-remove hidden>删除第 ${n} 位</button>
</li>`;
}

function coverPicker(selected: string | null, covers: readonly CoverChoice[]): Html {
  return html`<div class="field">${picturePicker({ id: "e-cover", name: "cover_image", word: "封面", hintId: "cover-hint", selected, pictures: covers })}
<img class="cover-preview" data-cover-preview alt="" hidden></div>`;
}

// A newline right after <textarea> is dropped by every HTML parser: one is written there, so a body that
// begins with its own blank line keeps it.
export function editorFields(f: EditorFields, sections: readonly SectionChoice[], covers: readonly CoverChoice[]): Html {
  const sectionOptions = [
    { value: "", label: "请选择栏目" },
    ...sections.map((s) => ({ value: s.path, label: `${"\u3000".repeat(s.depth)}${s.name}` })),
  ];
  const bylines = f.bylines.length > 0 ? f.bylines : [{ name: "", role: "记者" }];
  return html`<div class="field"><label for="e-section">栏目</label><select id="e-section" name="section" required>${options(sectionOptions, f.section)}</select></div>
${line("kicker", "引题", f.kicker)}
${line("title", "标题", f.title, html` required`)}
${line("subtitle", "副题", f.subtitle)}
${line("source", "来源", f.source)}
<div class="field"><label for="e-summary">摘要</label>
<textarea id="e-summary" name="summary" rows="3" aria-describedby="count-summary">
${f.summary}</textarea>
${count("summary", LIMITS.summary)}</div>
<fieldset class="bylines"><legend>作者</legend>
<ol class="byline-list" data-bylines>${bylines.map(bylineRow)}</ol>
<button type="button" class="quiet" data-byline-add hidden>添加作者</button>
</fieldset>
${coverPicker(f.coverImage, covers)}
<div class="field"><label for="e-body">正文（Markdown）</label>
<textarea id="e-body" name="body" rows="20" aria-describedby="count-body">
${f.body}</textarea>
${count("body", LIMITS.body)}</div>`;
}

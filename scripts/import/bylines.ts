// An old "作者" field as bylines: "记者 林晓 通讯员 王芳", "林晓、王芳", "本报记者林晓" — names with the role
// written before them, 作者 when none is. Pure.
import type { Byline } from "../../src/domain/article.ts";
import { LIMITS } from "../../src/content/schemas.ts";

// Longest first, so 实习记者 is not read as 实习 + 记者; each maps to the role Masthead shows.
const ROLES: ReadonlyArray<readonly [string, string]> = [
  ["本报记者", "记者"], ["本网记者", "记者"], ["实习记者", "实习记者"], ["特约记者", "特约记者"], ["责任编辑", "责任编辑"],
  ["通讯员", "通讯员"], ["实习生", "实习生"], ["文/图", "文/图"], ["记者", "记者"], ["摄影", "摄影"], ["编辑", "编辑"],
  ["责编", "责任编辑"], ["作者", "作者"], ["撰稿", "撰稿"], ["文", "文"], ["图", "图"], ["摄", "摄影"],
];
// Placeholders, not people: the admin account's name, 佚名 (anonymous), 未知.
const NOT_A_NAME = /^(?:admin|administrator|佚名|未知|无|本站|管理员)$/i;

export function parseBylines(writer: string): Byline[] {
  const out: Byline[] = [];
  let role = "作者";
  // 文/图 is one role; any other slash separates names, like spaces, commas and 、.
  for (const raw of writer.match(/文\s*\/\s*图|[^\s,，、;；|｜/()（）【】[\]:：]+/g) ?? []) {
    let token = raw.replace(/\s+/g, "");
    if (!token) continue;
    for (const [word, name] of ROLES) {
      if (!token.startsWith(word)) continue;
      role = name;
      token = token.slice(word.length);
      break;
    }
    if (!token || NOT_A_NAME.test(token) || [...token].length > LIMITS.bylineName) continue;
    if (!out.some((b) => b.name === token && b.role === role)) out.push({ name: token, role });
  }
  return out.slice(0, LIMITS.bylines);
}

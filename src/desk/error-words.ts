// What the desk says when a request is refused for what was typed or sent: Chinese words chosen by the API's
// error code, the field's path and the rule it breaks (never by translating the API's English), with the
// limits read from the same constants the server checks. Pure, so the pages' scripts (client/lib/messages.ts)
// and the desk's server-rendered error pages say the same thing.
import { PEOPLE_LIMITS } from "../domain/staff.ts";

/** One problem of a 400/422 body's `details`, as the desk reads it. */
export type Problem = { path: string; rule?: string | undefined; limit?: number | undefined };

const FIELD_WORDS: Readonly<Record<string, string>> = {
  login: "登录名",
  display_name: "姓名",
  email: "邮箱",
  role: "角色",
  name: "名称",
  password: "密码",
  new_password: "新密码",
  current_password: "当前密码",
  state: "状态",
  // 操作日志's filters.
  article: "文章编号",
  actor: "操作人",
  action: "操作",
  cursor: "翻页位置",
  "(body)": "提交的内容",
  // 推荐位 and 专题.
  slug: "标识",
  title: "标题",
  capacity: "容量",
  description: "说明",
  banner: "题图",
  intro: "导语",
  groups: "分组",
  items: "推荐的文章",
  expires_at: "下线时间",
  image: "图片",
};

/** A field of one entry of a list (`items.2.expires_at`, `groups.0.name`) as `第 3 条的下线时间`. */
function fieldWords(path: string): string {
  const entry = /^(items|groups)\.(\d+)\.(\w+)$/.exec(path);
  if (!entry) return FIELD_WORDS[path] ?? path;
  const [, list, index, name] = entry;
  const n = Number(index) + 1;
  return `${list === "items" ? `第 ${n} 条` : `第 ${n} 个分组`}的${FIELD_WORDS[name ?? ""] ?? name}`;
}

/** A field's own wording of a rule, where the generic one would not say enough. */
const FIELD_RULES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  login: { regex: `只能由字母、数字和 . _ @ - 组成，以字母或数字开头，最多 ${PEOPLE_LIMITS.login} 个字符` },
  email: { email: "不是有效的邮箱地址" },
  role: { picklist: "只能是作者、编辑或管理员" },
  // Blank or a value (a GET form sends empty fields): valibot reports the filter's union.
  article: { regex: "必须是正整数", union: "必须是正整数" },
  actor: { regex: "必须是正整数", union: "必须是正整数" },
  action: { regex: "必须是操作的名称，例如 article.publish", union: "必须是操作的名称，例如 article.publish" },
  cursor: { regex: "无效，请从第一页重新翻起" },
};

/** Each rule in general words; `limit` is the rule's number when the API sends one. */
function ruleWords(rule: string | undefined, limit: number | undefined): string {
  const n = limit === undefined ? "" : ` ${limit} `;
  switch (rule) {
    case "max_characters":
    case "max_length":
      return limit === undefined ? "太长了" : `最多${n}个字符`;
    case "min_characters":
    case "min_length":
      return limit === undefined ? "太短了" : `至少${n}个字符`;
    case "not_empty":
      return "不能为空";
    case "one_line":
      return "只能是一行，不能含换行或控制字符";
    case "no_control":
      return "不能含控制字符";
    case "unicode":
      return "含有无效的字符";
    case "utf8":
      return "不是有效的 UTF-8 文本，请从本站的页面重新提交";
    case "never":
    case "strict_object":
    case "object_with_rest":
      return "不是这里能填写的项目";
    case "string":
      return "必须是文字";
    case "picklist":
      return "不是可选的值";
    default:
      return "格式不正确";
  }
}

/** `姓名最多 50 个字符`: one problem in words. */
function problemWords(p: Problem): string {
  const field = fieldWords(p.path);
  return `${field}${(p.rule !== undefined && FIELD_RULES[p.path]?.[p.rule]) || ruleWords(p.rule, p.limit)}`;
}

/** The refusals of the request itself, by code, that the desk can meet outside a field. */
const CODE_WORDS: Readonly<Record<string, string>> = {
  unsupported_media_type: "提交的格式不对，请从本站的页面重新提交。",
  payload_too_large: "提交的内容太大了。",
  empty_body: "没有收到提交的内容，请重试。",
  slug_taken: "这个标识已被使用，请换一个。",
  unknown_article: "没有这篇文章，可能已被删除。请刷新页面。",
  not_published: "这篇文章没有发布：推荐位只能放读者能打开的文章。",
  needs_picture: "这个推荐位每条都要显示图片：这篇文章没有封面，请先给它设置封面，或为这一条另选一张图片。",
  unknown_image: "这张图片不在图片库里，请重新选择。",
  unknown_group: "没有这个分组，可能刚被别人删除了。请刷新页面。",
  group_not_empty: "有文章的分组不能删除：请先把其中的文章移到别的分组或移除。",
};

/** The desk's sentence for a refusal of what was sent, or null when it is not one (the caller has its own words). */
export function refusalWords(code: string, problems: readonly Problem[]): string | null {
  if (problems.length > 0 && (code === "bad_request" || code === "invalid")) {
    return `填写的内容有误：${problems.map(problemWords).join("；")}。`;
  }
  return CODE_WORDS[code] ?? null;
}

const MIB = 1024 * 1024;

/** Why the server could not fetch a picture from another site (422 fetch_failed's `reason`). */
const FETCH_REASON_WORDS: Readonly<Record<string, string>> = {
  bad_url: "图片地址无效",
  refused_host: "图片地址指向内部网络，不能从那里取图",
  unreachable: "图片所在的网站连不上",
  timeout: "图片所在的网站太久没有回应",
  status: "图片所在的网站没有给出图片",
  too_many_redirects: "图片地址跳转次数过多",
  too_large: "图片太大了",
  not_an_image: "那个地址上的不是图片",
  invalid_image: "图片文件已损坏",
  empty: "那个地址上的文件是空的",
};

const number = (x: unknown): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/**
 * Why a picture was refused (an upload or a fetch), in the words the editor shows beside it, from the error's
 * code and the numbers it carries; null when the refusal is not about the picture (the caller's general words).
 */
export function imageRefusalWords(code: string, info: Readonly<Record<string, unknown>>): string | null {
  const maxBytes = number(info.max_bytes);
  const tooLarge = maxBytes === null ? "图片太大了" : `图片太大了：不能超过 ${Math.floor(maxBytes / MIB)} MB`;
  switch (code) {
    case "payload_too_large":
      return tooLarge;
    case "unsupported_media_type":
      return "不是可用的图片格式：只能用 JPEG、PNG、WebP、GIF 或 AVIF 图片";
    case "invalid_image":
      return "图片文件已损坏，或者只有文件头没有图像";
    case "image_too_large": {
      const side = number(info.max_side);
      return side === null ? "图片的像素太多了" : `图片的像素太多了：每边不能超过 ${side} 像素`;
    }
    case "empty_body":
      return "文件是空的";
    case "fetch_failed": {
      const reason = typeof info.reason === "string" ? info.reason : "";
      if (reason === "too_large") return tooLarge;
      const upstream = number(info.upstream_status);
      if (reason === "status" && upstream !== null) return `图片所在的网站回答 ${upstream}，没有给出图片`;
      return FETCH_REASON_WORDS[reason] ?? "没能从那个网站取到图片";
    }
    default:
      return null;
  }
}

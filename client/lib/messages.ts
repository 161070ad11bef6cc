// What the desk says when the server refuses something: one Chinese sentence per error code, and the
// detail the error body carries (when the lock ends, which field is wrong) worked into it.
import * as v from "valibot";
import type { ApiError } from "./api-error.ts";
import { PASSWORD_RULES, type PasswordRule } from "../../src/auth/password-rule.ts";
import { refusalWords } from "../../src/desk/error-words.ts";

const MESSAGES: Record<string, string> = {
  invalid_credentials: "登录名或密码不正确。",
  too_many_requests: "这个网络地址发出的请求过于频繁，请一分钟后再试。",
  access_only: "本站通过 Cloudflare Access 登录，请从 Access 的入口进入。",
  csrf: "请求被拒绝：页面来源校验未通过。请刷新页面后重试。",
  weak_password: `密码至少 ${PASSWORD_RULES.minCharacters} 个字符（不超过 ${PASSWORD_RULES.maxBytes} 字节），不能全是空格。`,
  link_expired: "这个链接已过期，请联系管理员重新生成。",
  link_used: "这个链接已经用过了。如需重设密码，请联系管理员重新生成。",
  link_unknown: "这个链接无效，请检查是否完整复制。",
  last_admin: "这是最后一位在职的管理员，不能降级或停用。",
  last_admin_key: "这是最后一把有效的管理员密钥，请先新建另一把管理员密钥。",
  key_revoked: "已吊销的密钥不能轮换。",
  rotated_concurrently: "这把密钥刚被轮换过，请刷新页面后重试。",
  version_conflict: "这条记录刚被别人修改过，请刷新页面后再试。",
  precondition_required: "这条记录刚被别人修改过，请刷新页面后再试。",
  login_taken: "这个登录名已被使用。",
  passkey_taken: "这个通行密钥已登记在某个账户上。",
  passkey_rejected: "通行密钥没有被接受（登记已过期或已用过），请重试。",
  access_denied: "Cloudflare Access 认证的邮箱没有对应的在职员工账户，请联系管理员。",
  email_taken: "这个邮箱已被其他员工使用。",
  conflict: "与现有记录冲突，请检查后重试。",
  not_a_person: "这个操作只能由员工本人登录后进行。",
  forbidden: "您没有权限执行这个操作。",
  not_found: "找不到这条记录，可能已被删除。请刷新页面。",
  unauthorized: "登录已过期，请重新登录。",
  unavailable: "数据库暂时不可用，请稍后再试。",
  network: "网络连接失败，请检查网络后重试。",
  passkey_cancelled: "通行密钥操作已取消，或设备没有完成验证。",
  passkey_exists: "这台设备上已经有您的通行密钥了。",
  passkey_unsupported: "这个浏览器不支持通行密钥。",
  passkey_refused: "这个通行密钥无法登录：它可能已被删除，或账户已停用。",
  passwords_differ: "两次输入的新密码不一致。",
};

/** Which part of the password rule a 422 weak_password (or the page's own check) names. */
const PASSWORD_RULE_WORDS: Record<PasswordRule, string> = {
  unicode: "密码含有无效的字符，请重新输入。",
  max_bytes: `密码太长了：不能超过 ${PASSWORD_RULES.maxBytes} 字节（约 ${Math.floor(PASSWORD_RULES.maxBytes / 3)} 个汉字）。`,
  min_characters: `密码至少要有 ${PASSWORD_RULES.minCharacters} 个字符（控制字符和零宽字符不计）。`,
  invisible: "密码不能全是空格或看不见的字符。",
};

const pad = (n: number) => String(n).padStart(2, "0");
const beijing = (ms: number) => new Date(ms + 8 * 3600 * 1000);

/** `14:32` in Beijing time, `seconds` from now: when a lock ends. */
function beijingClock(seconds: number): string {
  const at = beijing(Date.now() + seconds * 1000);
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** An API time (RFC 3339) as the desk prints times: `2026年12月07日 14:02`, Beijing time. */
export function beijingTime(rfc3339: string): string {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  const at = beijing(ms);
  return `${at.getUTCFullYear()}年${pad(at.getUTCMonth() + 1)}月${pad(at.getUTCDate())}日 ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** One problem of a 400/422 body's `details`: which field, and what is wrong with it. */
const Detail = v.object({ path: v.string(), message: v.string(), rule: v.optional(v.string()), limit: v.optional(v.number()) });

export function messageFor(error: ApiError): string {
  const details = Array.isArray(error.info.details) ? error.info.details.filter((d) => v.is(Detail, d)) : [];
  if (error.code === "weak_password") {
    const rule = details[0]?.rule;
    const words = rule !== undefined && Object.hasOwn(PASSWORD_RULE_WORDS, rule) ? PASSWORD_RULE_WORDS[rule as PasswordRule] : undefined;
    if (words) return words;
  }
  if (error.code === "too_many_failures") {
    const seconds = Number(error.info.retry_after);
    const when = Number.isFinite(seconds) && seconds > 0 ? `请在北京时间 ${beijingClock(seconds)} 之后再试` : "请稍后再试";
    return `尝试次数过多，已暂时锁定，${when}。`;
  }
  if (error.code === "over_capacity") {
    const capacity = Number(error.info.capacity);
    return Number.isSafeInteger(capacity) ? `这个推荐位最多放 ${capacity} 篇文章，已经满了：请先移除一篇再加入。` : "这个推荐位已经满了：请先移除一篇再加入。";
  }
  const known = MESSAGES[error.code];
  if (known) return known;
  // Changing my password with a wrong current one: a field's problem, not a failed sign-in.
  if (details.some((d) => d.path === "current_password")) return "当前密码不正确。";
  const refused = refusalWords(error.code, details);
  if (refused !== null) return refused;
  return `操作没有成功（${error.code}）：${error.message}`;
}

// The desk's words for the system's values: statuses, roles, states, audit actions. One table each, so a list,
// a filter and a message name a thing the same way; a value without a word shows as itself, never as blank.
import type { ArticleState } from "../domain/article.ts";
import type { Role } from "../domain/role.ts";
import type { RevisionAction } from "../domain/revision.ts";

/** What an article list shows and filters by: its state (a workflow status, or the trash). */
export const STATUS_WORDS: Record<ArticleState, string> = {
  draft: "草稿",
  submitted: "待审",
  scheduled: "定时",
  published: "已发布",
  archived: "已归档",
  trash: "回收站",
};

export const ROLE_WORDS: Record<Role, string> = { author: "作者", editor: "编辑", admin: "管理员" };

export const STAFF_STATE_WORDS: Record<string, string> = { invited: "已邀请", active: "正常", disabled: "已停用" };

const ARTICLE_ACTION_WORDS: Record<RevisionAction, string> = {
  create: "新建",
  update: "修改",
  autosave: "自动保存",
  submit: "提交审核",
  return: "退回",
  // 撤回 is a submission taken back (review's word); taking a published article off the site is 取消发布.
  recall: "撤回",
  publish: "发布",
  schedule: "定时发布",
  unpublish: "取消发布",
  archive: "归档",
  trash: "移入回收站",
  untrash: "移出回收站",
  revert: "恢复旧版本",
};

const OTHER_ACTION_WORDS: Record<string, string> = {
  "article.import": "导入",
  "article.takeover": "接管编辑",
  "image.upload": "上传图片",
  "image.fetch": "从其他网站取图",
  "key.create": "新建 API 密钥",
  "key.revoke": "吊销 API 密钥",
  "key.rotate": "轮换 API 密钥",
  "staff.invite": "邀请员工",
  "staff.invite_link": "生成邀请链接",
  "staff.reset_link": "生成重设密码链接",
  "staff.activate": "接受邀请、设置密码",
  "staff.reset": "用重设链接设置密码",
  "staff.update": "修改员工资料",
  "staff.sign_in": "登录",
  "staff.password_change": "修改密码",
  "staff.sessions_end": "结束员工的全部登录",
  "staff.passkey_add": "添加通行密钥",
  "staff.passkey_remove": "删除通行密钥",
};

const ACTION_WORDS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(ARTICLE_ACTION_WORDS).map(([action, word]) => [`article.${action}`, word])),
  ...OTHER_ACTION_WORDS,
};

/** `article.publish` → 发布; an action the desk has no word for yet shows as recorded. */
export const actionWord = (action: string): string => ACTION_WORDS[action] ?? action;

/** Every audit action the desk names, for the audit log's filter. */
export const KNOWN_ACTIONS: readonly string[] = Object.keys(ACTION_WORDS);

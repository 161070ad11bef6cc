// 员工 (/desk/staff and /desk/staff/:id, admins): the newsroom's people. Listed and shown without JavaScript;
// inviting, changing a role, disabling, issuing a reset link and ending sessions go through
// /api/v1/admin/staff, and a link made for someone is shown once, with a copy button.
import { html } from "hono/html";
import { ROLES, type Role } from "../../domain/role.ts";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import { ROLE_WORDS, STAFF_STATE_WORDS } from "../words.ts";
import { badge, changesNeedScript, facts, nothing, options, pager, time } from "./parts.ts";

export type StaffMember = {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  state: string;
  email: string | null;
  createdAt: number;
  lastSignInAt: number | null;
  version: number;
};

export type StaffSession = { id: number; createdAt: number; lastSeenAt: number; userAgent: string };

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_WORDS[r] }));

export const staffUrl = (id: number) => `/desk/staff/${id}`;

const stateBadge = (state: string) => badge(state, STAFF_STATE_WORDS[state] ?? state);

function inviteForm(): Html {
  return html`<section class="panel" aria-labelledby="invite-title"><h2 id="invite-title">邀请员工</h2>
<form data-form="invite" hidden>
<div class="filters">
<div class="field"><label for="invite-login">登录名</label><input id="invite-login" name="login" type="text" maxlength="64" required autocapitalize="none" spellcheck="false"></div>
<div class="field"><label for="invite-name">姓名</label><input id="invite-name" name="display_name" type="text" maxlength="100" required></div>
<div class="field"><label for="invite-role">角色</label><select id="invite-role" name="role">${options(ROLE_OPTIONS, "author")}</select></div>
<div class="field"><label for="invite-email">邮箱（可选）</label><input id="invite-email" name="email" type="email" maxlength="254"></div>
<button type="submit">发送邀请</button>
</div>
</form>
<div data-link hidden></div>
</section>`;
}

const memberRow = (s: StaffMember) => html`<li class="row"><h3><a href="${staffUrl(s.id)}">${s.displayName}</a></h3>
${facts([
  ["登录名", s.login],
  ["角色", ROLE_WORDS[s.role]],
  ["状态", stateBadge(s.state)],
  ["最近登录", s.lastSignInAt === null ? "从未登录" : time(s.lastSignInAt)],
])}</li>
`;

export type StaffListPage = { siteName: string; person: DeskPerson; staff: StaffMember[]; next: string | null; paged: boolean };

export function renderStaffPage(p: StaffListPage): Html {
  return deskLayout({
    siteName: p.siteName,
    title: "员工",
    room: "staff",
    person: p.person,
    script: "staff",
    main: html`<div class="page-head"><h1>员工</h1></div>
${changesNeedScript("邀请员工")}
${inviteForm()}
<section class="panel" aria-labelledby="staff-title"><h2 id="staff-title">全部员工</h2>
${p.staff.length === 0 ? nothing("还没有员工。") : html`<ul class="rows">${p.staff.map(memberRow)}</ul>`}
${pager("/desk/staff", p.next, p.paged)}
</section>`,
  });
}

export type StaffMemberPage = { siteName: string; person: DeskPerson; member: StaffMember; sessions: StaffSession[] };

function manage(m: StaffMember): Html {
  const disabled = m.state === "disabled";
  return html`<section class="panel" aria-labelledby="manage-title"><h2 id="manage-title">管理</h2>
<form class="filters" data-form="change-role" data-id="${m.id}" data-version="${m.version}" hidden>
<div class="field"><label for="member-role">角色</label><select id="member-role" name="role">${options(ROLE_OPTIONS, m.role)}</select></div>
<button type="submit">保存角色</button>
</form>
<p class="hint">更改角色或停用账户会立即结束此人所有的登录。</p>
<p class="actions" data-member-actions hidden>${
    disabled
      ? html`<button type="button" class="quiet" data-state="active" data-id="${m.id}" data-version="${m.version}">启用账户</button>`
      : html`<button type="button" class="danger" data-state="disabled" data-id="${m.id}" data-version="${m.version}">停用账户</button>`
  }<button type="button" class="quiet" data-reset-link="${m.id}">生成重设密码链接</button></p>
<div data-link hidden></div>
</section>`;
}

const sessionRow = (s: StaffSession) => html`<li class="row"><h3>${s.userAgent || "未知设备"}</h3>
${facts([
  ["登录于", time(s.createdAt)],
  ["最近活动", time(s.lastSeenAt)],
])}</li>
`;

export function renderStaffMemberPage(p: StaffMemberPage): Html {
  const m = p.member;
  return deskLayout({
    siteName: p.siteName,
    title: `${m.displayName} - 员工`,
    room: "staff",
    person: p.person,
    script: "staff",
    main: html`<div class="page-head"><h1>${m.displayName}</h1><a href="/desk/staff">返回员工列表</a></div>
${changesNeedScript("更改角色、停用账户、生成重设链接和结束登录")}
<section class="panel" aria-labelledby="facts-title"><h2 id="facts-title" class="visually-hidden">基本信息</h2>
${facts([
  ["登录名", m.login],
  ["角色", ROLE_WORDS[m.role]],
  ["状态", stateBadge(m.state)],
  ["邮箱", m.email ?? "未填写"],
  ["加入于", time(m.createdAt)],
  ["最近登录", m.lastSignInAt === null ? "从未登录" : time(m.lastSignInAt)],
])}</section>
${manage(m)}
<section class="panel" aria-labelledby="sessions-title"><h2 id="sessions-title">登录会话</h2>
${p.sessions.length === 0 ? nothing("此人目前没有登录。") : html`<ul class="rows">${p.sessions.map(sessionRow)}</ul>
<p class="actions" data-end-sessions hidden><button type="button" class="danger" data-id="${m.id}">结束此人所有的登录</button></p>`}
</section>`,
  });
}

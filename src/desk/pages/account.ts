// 我的账户 (/desk/account): who I am, my password, my passkeys and where I am signed in. Read from D1 and
// shown without JavaScript; each change is a form the page's script sends to /api/v1/admin/me/*.
import { html } from "hono/html";
import type { Role } from "../../domain/role.ts";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import { PASSWORD_RULE } from "../password-rule.ts";
import { ROLE_WORDS } from "../words.ts";
import { changesNeedScript, facts, nothing, time } from "./parts.ts";

export type AccountPasskey = { id: number; name: string; createdAt: number; lastUsedAt: number | null };
export type AccountSession = { id: number; createdAt: number; lastSeenAt: number; userAgent: string; current: boolean };

export type AccountPage = {
  siteName: string;
  person: DeskPerson;
  me: { login: string; displayName: string; role: Role; email: string | null };
  passkeys: AccountPasskey[];
  sessions: AccountSession[];
};

function passwordForm(): Html {
  return html`<section class="panel" aria-labelledby="password-title"><h2 id="password-title">修改密码</h2>
<form data-form="change-password" hidden>
<div class="field"><label for="current-password">当前密码</label><input id="current-password" name="current_password" type="password" autocomplete="current-password" required></div>
<p class="hint" id="password-rule">${PASSWORD_RULE.text}</p>
<div class="field"><label for="new-password">新密码</label><input id="new-password" name="new_password" type="password" autocomplete="new-password" required minlength="${PASSWORD_RULE.minChars}" aria-describedby="password-rule"></div>
<div class="field"><label for="confirm-password">再输入一次新密码</label><input id="confirm-password" name="confirm" type="password" autocomplete="new-password" required></div>
<button type="submit">修改密码</button>
<p class="hint">修改后，您在其他设备上的登录会结束。</p>
</form></section>`;
}

const passkeyRow = (k: AccountPasskey) => html`<li class="row" data-passkey="${k.id}"><h3>${k.name}</h3>
${facts([
  ["添加于", time(k.createdAt)],
  ["最近使用", k.lastUsedAt === null ? "从未使用" : time(k.lastUsedAt)],
])}
<form class="actions" data-form="rename-passkey" data-id="${k.id}" hidden>
<label class="visually-hidden" for="rename-${k.id}">“${k.name}”的新名称</label><input id="rename-${k.id}" name="name" type="text" maxlength="64" value="${k.name}" required>
<button type="submit" class="quiet">重命名</button>
<button type="button" class="danger" data-remove-passkey="${k.id}" data-name="${k.name}">删除“${k.name}”</button>
</form></li>
`;

function passkeys(p: AccountPage): Html {
  return html`<section class="panel" aria-labelledby="passkeys-title"><h2 id="passkeys-title">通行密钥</h2>
<p class="hint">用指纹、面容或设备的锁屏密码登录，不必输入密码。</p>
${p.passkeys.length === 0 ? nothing("还没有通行密钥。") : html`<ul class="rows">${p.passkeys.map(passkeyRow)}</ul>`}
<form data-form="add-passkey" hidden>
<div class="field"><label for="passkey-name">新通行密钥的名称</label><input id="passkey-name" name="name" type="text" maxlength="64" value="我的设备" required></div>
<button type="submit">添加通行密钥</button>
</form></section>`;
}

const sessionRow = (s: AccountSession) => html`<li class="row"><h3>${s.userAgent || "未知设备"}${s.current ? "（当前设备）" : ""}</h3>
${facts([
  ["登录于", time(s.createdAt)],
  ["最近活动", time(s.lastSeenAt)],
])}${
  s.current
    ? ""
    : html`<p class="actions" data-session-actions hidden><button type="button" class="quiet" data-end-session="${s.id}">结束这个登录</button></p>`
}</li>
`;

function sessions(p: AccountPage): Html {
  return html`<section class="panel" aria-labelledby="sessions-title"><h2 id="sessions-title">登录设备</h2>
<ul class="rows">${p.sessions.map(sessionRow)}</ul>
<p class="actions" data-sign-out-everywhere hidden><button type="button" class="danger">退出所有设备</button></p>
</section>`;
}

export function renderAccountPage(p: AccountPage): Html {
  return deskLayout({
    siteName: p.siteName,
    title: "我的账户",
    room: "account",
    person: p.person,
    script: "account",
    main: html`<div class="page-head"><h1>我的账户</h1></div>
${changesNeedScript("修改密码、管理通行密钥和结束登录")}
<section class="panel" aria-labelledby="me-title"><h2 id="me-title">${p.me.displayName}</h2>
${facts([
  ["登录名", p.me.login],
  ["角色", ROLE_WORDS[p.me.role]],
  ["邮箱", p.me.email ?? "未填写"],
])}</section>
${passwordForm()}
${passkeys(p)}
${sessions(p)}`,
  });
}

// API 密钥 (/desk/keys, admins): the key tool's features in the desk. Keys are listed without JavaScript; making,
// rotating and revoking one go through /api/v1/admin/keys, and a new secret is shown once, with a copy button.
import { html } from "hono/html";
import type { ApiKey } from "../../domain/api-key.ts";
import { ROLES } from "../../domain/role.ts";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout } from "../layout.ts";
import { ROLE_WORDS } from "../words.ts";
import { badge, changesNeedScript, facts, nothing, options, time } from "./parts.ts";

export type KeysPage = { siteName: string; person: DeskPerson; keys: ApiKey[] };

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_WORDS[r] }));

function createForm(): Html {
  return html`<section class="panel" aria-labelledby="new-key-title"><h2 id="new-key-title">新建密钥</h2>
<form data-form="create-key" hidden>
<div class="filters">
<div class="field wide"><label for="key-name">名称</label><input id="key-name" name="name" type="text" maxlength="100" required placeholder="例如：客户端、导入脚本"></div>
<div class="field"><label for="key-role">角色</label><select id="key-role" name="role">${options(ROLE_OPTIONS, "editor")}</select></div>
<button type="submit">新建密钥</button>
</div>
</form>
<div data-secret hidden></div>
</section>`;
}

function keyRow(k: ApiKey): Html {
  const revoked = k.revokedAt !== null;
  return html`<li class="row"><h3>${k.name}</h3>
${facts([
  ["前缀", html`<code>mh_${k.prefix}</code>`],
  ["角色", ROLE_WORDS[k.role]],
  ["状态", revoked ? badge("disabled", "已吊销") : badge("active", "有效")],
  ["创建于", time(k.createdAt)],
  ["最近使用", k.lastUsedAt === null ? "从未使用" : time(k.lastUsedAt)],
  ...(revoked && k.revokedAt !== null ? [["吊销于", time(k.revokedAt)] as const] : []),
])}${
    revoked
      ? ""
      : html`<p class="actions" data-key-actions hidden><button type="button" class="quiet" data-rotate="${k.id}" data-name="${k.name}">轮换“${k.name}”</button><button type="button" class="danger" data-revoke="${k.id}" data-name="${k.name}">吊销“${k.name}”</button></p>`
  }</li>
`;
}

export function renderKeysPage(p: KeysPage): Html {
  return deskLayout({
    siteName: p.siteName,
    title: "API 密钥",
    room: "keys",
    person: p.person,
    script: "keys",
    main: html`<div class="page-head"><h1>API 密钥</h1></div>
${changesNeedScript("新建、轮换和吊销密钥")}
${createForm()}
<section class="panel" aria-labelledby="keys-title"><h2 id="keys-title">全部密钥</h2>
${p.keys.length === 0 ? nothing("还没有密钥。") : html`<ul class="rows">${p.keys.map(keyRow)}</ul>`}
</section>`,
  });
}

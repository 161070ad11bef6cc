// The frame of every desk page: the newsroom's bar with who is signed in and 退出登录, the rooms they may
// enter, the two live regions every screen speaks through, and the page's one script. Pure: data in, HTML out.
import { html } from "hono/html";
import { type Role, roleAtLeast } from "../domain/role.ts";
import type { Html } from "../render/layout.ts";
import { DESK_STYLESHEET_URL } from "../render/desk-stylesheet.ts";
import { ROLE_WORDS } from "./words.ts";
import { type DeskScript, scriptTags } from "./scripts.ts";

/** The rooms of the desk, in the bar's order; the editor's rooms (issue 21) open under 写稿. */
export type Room = "articles" | "write" | "slots" | "topics" | "staff" | "keys" | "audit" | "account";

const ROOMS: { room: Room; label: string; href: string; minimum: Role }[] = [
  { room: "articles", label: "文章", href: "/desk", minimum: "author" },
  { room: "write", label: "写稿", href: "/desk/articles/new", minimum: "author" },
  { room: "slots", label: "推荐位", href: "/desk/slots", minimum: "editor" },
  { room: "topics", label: "专题", href: "/desk/topics", minimum: "editor" },
  { room: "staff", label: "员工", href: "/desk/staff", minimum: "admin" },
  { room: "keys", label: "API 密钥", href: "/desk/keys", minimum: "admin" },
  { room: "audit", label: "操作日志", href: "/desk/audit", minimum: "editor" },
  { room: "account", label: "我的账户", href: "/desk/account", minimum: "author" },
];

/** The rooms a role may enter: the bar offers no door that would answer 403. */
const roomsFor = (role: Role) => ROOMS.filter((r) => roleAtLeast(role, r.minimum));

/** The person signed in, as the bar shows them. */
export type DeskPerson = { displayName: string; role: Role };

export type DeskPage = {
  siteName: string;
  /** The page's own name: the <title> starts with it, and it is the page's <h1> unless `main` has its own. */
  title: string;
  room: Room | null;
  person: DeskPerson;
  /** The screen's module (client/pages/<script>.ts), when it has changes to make: reading needs none. */
  script?: DeskScript;
  /** A message the server already has for the person (e.g. after a form it handled). */
  notice?: { kind: "error" | "ok"; text: string };
  main: Html;
};

const titleOf = (title: string, siteName: string) => `${title} - ${siteName}编辑部`;

function head(title: string, script: DeskScript | undefined): Html {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<link rel="stylesheet" href="${DESK_STYLESHEET_URL}">
${script === undefined ? "" : scriptTags(script)}</head>
`;
}

/**
 * The regions every screen reports through: errors in an alert, outcomes in a status, both present (empty)
 * from the start, as a live region must be before it changes.
 */
const liveRegions = (notice?: DeskPage["notice"]) => html`<div id="desk-error" class="message error" role="alert">${
  notice?.kind === "error" ? notice.text : ""
}</div>
<div id="desk-status" class="message ok" role="status">${notice?.kind === "ok" ? notice.text : ""}</div>`;

export function deskLayout(p: DeskPage): Html {
  return html`${head(titleOf(p.title, p.siteName), p.script)}<body>
<a class="skip" href="#main">跳到正文</a>
<header class="deskbar">
<div class="wrap deskbar-top"><a class="brand" href="/desk">${p.siteName}编辑部</a>
<div class="who"><span>${p.person.displayName}（${ROLE_WORDS[p.person.role]}）</span>
<form method="post" action="/desk/logout"><button type="submit">退出登录</button></form></div></div>
<nav class="rooms" aria-label="编辑部导航"><ul class="wrap">
${roomsFor(p.person.role).map(
  (r) => html`<li><a href="${r.href}"${r.room === p.room ? html` aria-current="page"` : ""}>${r.label}</a></li>\n`,
)}</ul></nav>
</header>
<main id="main" class="wrap">
${liveRegions(p.notice)}
${p.main}
</main>
</body>
</html>
`;
}

export type GatePage = { siteName: string; title: string; script?: DeskScript; notice?: DeskPage["notice"]; main: Html };

/** The pages before signing in (登录, the invitation and reset link): one card, no rooms. */
export function gateLayout(p: GatePage): Html {
  return html`${head(titleOf(p.title, p.siteName), p.script)}<body>
<main id="main" class="gate">
<p class="brand">${p.siteName}编辑部</p>
<div class="panel">
<h1>${p.title}</h1>
${liveRegions(p.notice)}
${p.main}
</div>
</main>
</body>
</html>
`;
}

// 登录 (/desk/login): 登录名 and 密码 in a plain form that works without JavaScript (it posts to /desk/login),
// and 使用通行密钥登录 where the browser can use a passkey (that one needs JavaScript: WebAuthn is a script API).
import { html } from "hono/html";
import type { Html } from "../../render/layout.ts";
import { type GatePage, gateLayout } from "../layout.ts";
import { needsScript } from "./parts.ts";

export type LoginPage = {
  siteName: string;
  /** Where to go once signed in: a /desk path, already checked. */
  next: string;
  /** The 登录名 tried, put back after a failure. */
  login?: string;
  /** Cloudflare Access signs people in: no form, only the way in through Access. */
  access?: boolean;
  notice?: GatePage["notice"];
};

function throughAccess(p: LoginPage): Html {
  return gateLayout({
    siteName: p.siteName,
    title: "登录",
    ...(p.notice && { notice: p.notice }),
    main: html`<p>本站通过 Cloudflare Access 登录：用单位的账户通过 Access 认证后，就能进入编辑部，不需要另外的密码。</p>
<p><a class="button" href="${p.next}">通过 Access 进入编辑部</a></p>`,
  });
}

export function renderLoginPage(p: LoginPage): Html {
  if (p.access) return throughAccess(p);
  return gateLayout({
    siteName: p.siteName,
    title: "登录",
    script: "login",
    ...(p.notice && { notice: p.notice }),
    main: html`<form method="post" action="/desk/login" data-form="login">
<input type="hidden" name="next" value="${p.next}">
<div class="field"><label for="login">登录名</label><input id="login" name="login" type="text" value="${p.login ?? ""}" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="64"></div>
<div class="field"><label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024"></div>
<button type="submit">登录</button>
</form>
<div data-passkey-login hidden>
<p class="or">或</p>
<button type="button" class="quiet" data-next="${p.next}">使用通行密钥登录</button>
</div>
${needsScript("使用通行密钥登录需要启用 JavaScript；用密码登录不需要。")}`,
  });
}

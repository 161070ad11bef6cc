// 设置密码 (/desk/welcome#token=…): where an invitation or a reset link lands. The token stays in the fragment,
// out of logs and Referer, so the page's script reads it, asks whom it is for, and sets the password; the rule
// is on the page before anyone types. Afterwards it offers a passkey.
import { html } from "hono/html";
import type { Html } from "../../render/layout.ts";
import { gateLayout } from "../layout.ts";
import { PASSWORD_RULE } from "../password-rule.ts";
import { needsScript } from "./parts.ts";

export function renderWelcomePage(p: { siteName: string }): Html {
  return gateLayout({
    siteName: p.siteName,
    title: "设置密码",
    script: "welcome",
    main: html`<p data-link-state>正在核对链接……</p>
<form data-form="set-password" hidden>
<p data-link-for></p>
<p class="hint" id="password-rule">${PASSWORD_RULE.text}</p>
<div class="field"><label for="new-password">新密码</label><input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="${PASSWORD_RULE.minChars}" aria-describedby="password-rule"></div>
<div class="field"><label for="confirm-password">再输入一次新密码</label><input id="confirm-password" name="confirm" type="password" autocomplete="new-password" required></div>
<button type="submit">设置密码并登录</button>
</form>
<section data-signed-in hidden aria-labelledby="signed-in-title">
<h2 id="signed-in-title">密码已设置，您已登录</h2>
<p>还可以添加一个通行密钥，以后用指纹、面容或设备的锁屏密码登录，不必输入密码。</p>
<div class="field"><label for="passkey-name">通行密钥名称</label><input id="passkey-name" name="name" type="text" maxlength="64" value="我的设备"></div>
<p class="actions"><button type="button" data-add-passkey>添加通行密钥</button><a class="button quiet" href="/desk">进入编辑部</a></p>
</section>
${needsScript("设置密码需要启用 JavaScript。")}`,
  });
}

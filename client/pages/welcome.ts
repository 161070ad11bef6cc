// 设置密码's script: reads the link's token from the fragment (never sent to the server in a URL), asks whom
// it is for, sets the password (which signs the person in) and offers to add a passkey.
import * as v from "valibot";
import { request } from "../lib/api.ts";
import { field, one, reveal } from "../lib/dom.ts";
import { fail, onClick, onSubmit } from "../lib/forms.ts";
import { showError, showOk } from "../lib/live.ts";
import { beijingTime, messageFor } from "../lib/messages.ts";
import { canUsePasskeys, addPasskey } from "../lib/passkeys.ts";
import { passwordProblem } from "../lib/password.ts";

const LinkInfo = v.object({
  purpose: v.picklist(["invite", "reset"]),
  login: v.string(),
  display_name: v.string(),
  expires_at: v.string(),
});
const SignedIn = v.object({ me: v.looseObject({ login: v.string() }) });

const state = one("[data-link-state]", HTMLElement);
const form = one('[data-form="set-password"]', HTMLFormElement);
const signedIn = one("[data-signed-in]", HTMLElement);
const token = new URLSearchParams(location.hash.slice(1)).get("token");

function linkFor(info: v.InferOutput<typeof LinkInfo>): string {
  const until = `链接有效期至 ${beijingTime(info.expires_at)}。`;
  return info.purpose === "invite"
    ? `欢迎，${info.display_name}！请为登录名“${info.login}”设置密码。${until}`
    : `为 ${info.display_name}（登录名“${info.login}”）重设密码。${until}`;
}

async function start(): Promise<void> {
  if (!token) {
    state.textContent = "";
    showError(messageFor({ status: 404, code: "link_unknown", message: "", info: {} }));
    return;
  }
  const info = await request("POST", "/api/v1/auth/links/inspect", LinkInfo, { body: { token } });
  state.textContent = "";
  if (!info.ok) return fail(info.error);
  one("[data-link-for]", HTMLElement, form).textContent = linkFor(info.value);
  reveal(form);
  one("#new-password", HTMLInputElement).focus();
}

onSubmit(form, async () => {
  const password = field(form, "password");
  const problem = passwordProblem(password, field(form, "confirm"));
  if (problem) return { ok: false, error: problem };
  const done = await request("POST", "/api/v1/auth/links/complete", SignedIn, { body: { token, password } });
  if (!done.ok) return done;
  // The link is used up: keep it out of the address bar and the history.
  history.replaceState(null, "", location.pathname);
  form.hidden = true;
  reveal(signedIn);
  const heading = one("h2", HTMLElement, signedIn);
  heading.tabIndex = -1;
  heading.focus();
  return null;
});

const addButton = one("[data-add-passkey]", HTMLButtonElement, signedIn);
if (!canUsePasskeys()) addButton.hidden = true;
onClick(addButton, async () => {
  const answer = await addPasskey(one("#passkey-name", HTMLInputElement).value.trim() || "我的设备");
  if (answer.ok) {
    showOk("通行密钥已添加。以后可以在登录页选择“使用通行密钥登录”。");
    addButton.hidden = true;
  }
  return answer;
});

void start();

// 登录's script. The 登录名/密码 form posts without it; this adds 使用通行密钥登录 where the browser can use a
// passkey, and goes on to the page the person came for.
import { maybe, one, reveal } from "../lib/dom.ts";
import { onClick } from "../lib/forms.ts";
import { showOk } from "../lib/live.ts";
import { canUsePasskeys, signInWithPasskey } from "../lib/passkeys.ts";

/** Only back into the desk: never to another site, whatever the page was given. */
const deskPath = (next: string | undefined) => (next && /^\/desk(?:[/?#]|$)/.test(next) ? next : "/desk");

const block = maybe("[data-passkey-login]", HTMLElement);
if (block && canUsePasskeys()) {
  reveal(block);
  const button = one("button", HTMLButtonElement, block);
  onClick(button, async () => {
    const answer = await signInWithPasskey();
    if (answer.ok) {
      showOk("已登录，正在进入编辑部……");
      location.assign(deskPath(button.dataset.next));
      return null;
    }
    // The sign-in API's one refusal reads as a password's; for a passkey it means something else.
    if (answer.error.code === "invalid_credentials") return { ok: false, error: { ...answer.error, code: "passkey_refused" } };
    return answer;
  });
}

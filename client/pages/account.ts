// 我的账户's script: change my password, add, rename and remove my passkeys, end a sign-in or all of them.
// Each change goes to /api/v1/admin/me/*; the page then reloads to show the server's new state.
import { command } from "../lib/api.ts";
import { all, field, maybe, one, reveal } from "../lib/dom.ts";
import { onClick, onSubmit } from "../lib/forms.ts";
import { reloadWith, showFlash } from "../lib/live.ts";
import { addPasskey, canUsePasskeys } from "../lib/passkeys.ts";
import { passwordProblem } from "../lib/password.ts";

showFlash();

const password = one('[data-form="change-password"]', HTMLFormElement);
reveal(password);
onSubmit(password, async () => {
  const next = field(password, "new_password");
  const problem = passwordProblem(next, field(password, "confirm"));
  if (problem) return { ok: false, error: problem };
  const answer = await command("POST", "/api/v1/admin/me/password", {
    body: { current_password: field(password, "current_password"), new_password: next },
  });
  if (answer.ok) reloadWith("密码已修改，您在其他设备上的登录已结束。");
  return answer;
});

const add = one('[data-form="add-passkey"]', HTMLFormElement);
if (canUsePasskeys()) reveal(add);
onSubmit(add, async () => {
  const name = field(add, "name");
  const answer = await addPasskey(name);
  if (answer.ok) reloadWith(`通行密钥“${name}”已添加。`);
  return answer;
});

for (const rename of all('[data-form="rename-passkey"]', HTMLFormElement)) {
  reveal(rename);
  onSubmit(rename, async () => {
    const answer = await command("PATCH", `/api/v1/admin/me/passkeys/${encodeURIComponent(rename.dataset.id ?? "")}`, {
      body: { name: field(rename, "name") },
    });
    if (answer.ok) reloadWith("通行密钥已重命名。");
    return answer;
  });
}

for (const remove of all("[data-remove-passkey]", HTMLButtonElement)) {
  onClick(remove, async () => {
    if (!confirm(`确定删除通行密钥“${remove.dataset.name ?? ""}”吗？删除后不能再用它登录。`)) return null;
    const answer = await command("DELETE", `/api/v1/admin/me/passkeys/${encodeURIComponent(remove.dataset.removePasskey ?? "")}`);
    if (answer.ok) reloadWith("通行密钥已删除。");
    return answer;
  });
}

for (const actions of all("[data-session-actions]", HTMLElement)) reveal(actions);
for (const end of all("[data-end-session]", HTMLButtonElement)) {
  onClick(end, async () => {
    const answer = await command("DELETE", `/api/v1/admin/me/sessions/${encodeURIComponent(end.dataset.endSession ?? "")}`);
    if (answer.ok) reloadWith("已结束那个设备上的登录。");
    return answer;
  });
}

const everywhere = maybe("[data-sign-out-everywhere]", HTMLElement);
if (everywhere) {
  reveal(everywhere);
  onClick(one("button", HTMLButtonElement, everywhere), async () => {
    if (!confirm("确定退出所有设备上的登录吗？包括这一台。")) return null;
    const answer = await command("DELETE", "/api/v1/admin/me/sessions");
    if (answer.ok) location.assign("/desk/login?signed_out=everywhere");
    return answer;
  });
}

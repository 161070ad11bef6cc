// API 密钥's script: make, rotate and revoke keys through /api/v1/admin/keys. A new secret is shown once, in
// the page, with a copy button; revoking reloads the list.
import * as v from "valibot";
import { command, request } from "../lib/api.ts";
import { all, field, one, reveal } from "../lib/dom.ts";
import { onClick, onSubmit } from "../lib/forms.ts";
import { reloadWith, showFlash, showOk } from "../lib/live.ts";
import { showOnce } from "../lib/once.ts";

const Created = v.object({ key: v.object({ name: v.string(), prefix: v.string() }), secret: v.string() });

showFlash();

const create = one('[data-form="create-key"]', HTMLFormElement);
const secretBox = one("[data-secret]", HTMLElement);
const NOTE = "只显示这一次：请立即复制，保存到安全的地方。刷新页面后可在列表中看到它。";

reveal(create);
onSubmit(create, async () => {
  const answer = await request("POST", "/api/v1/admin/keys", Created, { body: { name: field(create, "name"), role: field(create, "role") } });
  if (answer.ok) {
    create.reset();
    showOk(`已新建密钥“${answer.value.key.name}”。`);
    showOnce(secretBox, { title: `“${answer.value.key.name}”的密钥：`, value: answer.value.secret, copyLabel: "复制密钥", note: NOTE });
  }
  return answer;
});

for (const actions of all("[data-key-actions]", HTMLElement)) reveal(actions);

for (const rotate of all("[data-rotate]", HTMLButtonElement)) {
  onClick(rotate, async () => {
    const name = rotate.dataset.name ?? "";
    if (!confirm(`轮换“${name}”后，它的旧密钥立即失效。确定轮换吗？`)) return null;
    const answer = await request("POST", `/api/v1/admin/keys/${rotate.dataset.rotate ?? ""}/rotate`, Created);
    if (answer.ok) {
      showOk(`“${name}”已轮换，旧密钥已失效。`);
      showOnce(secretBox, { title: `“${name}”的新密钥：`, value: answer.value.secret, copyLabel: "复制密钥", note: NOTE });
    }
    return answer;
  });
}

for (const revoke of all("[data-revoke]", HTMLButtonElement)) {
  onClick(revoke, async () => {
    const name = revoke.dataset.name ?? "";
    if (!confirm(`吊销后，“${name}”再也不能使用，也不能恢复。确定吊销吗？`)) return null;
    const answer = await command("POST", `/api/v1/admin/keys/${revoke.dataset.revoke ?? ""}/revoke`);
    if (answer.ok) reloadWith(`已吊销“${name}”。`);
    return answer;
  });
}

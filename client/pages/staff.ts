// 员工's script, on the list and on a person's page: invite, change a role, disable or enable, make a reset
// link, end someone's sessions, all through /api/v1/admin/staff. A link is shown once, with a copy button.
import * as v from "valibot";
import { command, request } from "../lib/api.ts";
import { field, maybe, one, reveal, all } from "../lib/dom.ts";
import { onClick, onSubmit } from "../lib/forms.ts";
import { reloadWith, showFlash, showOk } from "../lib/live.ts";
import { beijingTime } from "../lib/messages.ts";
import { showOnce } from "../lib/once.ts";

const Link = v.object({ url: v.string(), expires_at: v.string() });
const Invited = v.object({ staff: v.object({ display_name: v.string() }), link: Link });
const ResetLink = v.object({ link: Link });

showFlash();

/** The link as the person will open it: absolute, whatever the API gave. */
const absolute = (url: string) => new URL(url, location.origin).href;
const linkNote = (link: v.InferOutput<typeof Link>) =>
  `只显示这一次：有效期至 ${beijingTime(link.expires_at)}，用过一次即失效。请通过可靠的渠道发给对方。`;

const invite = maybe('[data-form="invite"]', HTMLFormElement);
if (invite) {
  const box = one("[data-link]", HTMLElement, invite.parentElement ?? document);
  reveal(invite);
  onSubmit(invite, async () => {
    const email = field(invite, "email");
    const answer = await request("POST", "/api/v1/admin/staff", Invited, {
      body: { login: field(invite, "login"), display_name: field(invite, "display_name"), role: field(invite, "role"), ...(email && { email }) },
    });
    if (answer.ok) {
      invite.reset();
      const name = answer.value.staff.display_name;
      showOk(`已邀请${name}。刷新页面后可在列表中看到此人。`);
      showOnce(box, { title: `${name}的邀请链接：`, value: absolute(answer.value.link.url), copyLabel: "复制邀请链接", note: linkNote(answer.value.link) });
    }
    return answer;
  });
}

const role = maybe('[data-form="change-role"]', HTMLFormElement);
if (role) {
  reveal(role);
  onSubmit(role, async () => {
    const answer = await command("PATCH", `/api/v1/admin/staff/${role.dataset.id ?? ""}`, {
      body: { role: field(role, "role") },
      ifMatch: `"${role.dataset.version ?? ""}"`,
    });
    if (answer.ok) reloadWith("角色已更改，此人的登录已全部结束。");
    return answer;
  });
}

for (const actions of all("[data-member-actions], [data-end-sessions]", HTMLElement)) reveal(actions);

for (const toggle of all("button[data-state]", HTMLButtonElement)) {
  onClick(toggle, async () => {
    const disabling = toggle.dataset.state === "disabled";
    if (disabling && !confirm("停用后，此人立即退出所有登录，也不能再登录。确定停用吗？")) return null;
    const answer = await command("PATCH", `/api/v1/admin/staff/${toggle.dataset.id ?? ""}`, {
      body: { state: toggle.dataset.state },
      ifMatch: `"${toggle.dataset.version ?? ""}"`,
    });
    if (answer.ok) reloadWith(disabling ? "账户已停用。" : "账户已启用。");
    return answer;
  });
}

const reset = maybe("[data-reset-link]", HTMLButtonElement);
if (reset) {
  const box = one("[data-link]", HTMLElement, reset.closest("section") ?? document);
  onClick(reset, async () => {
    const answer = await request("POST", `/api/v1/admin/staff/${reset.dataset.resetLink ?? ""}/reset-link`, ResetLink);
    if (answer.ok) {
      showOk("已生成重设密码链接，之前未用的链接已失效。");
      showOnce(box, { title: "重设密码链接：", value: absolute(answer.value.link.url), copyLabel: "复制重设链接", note: linkNote(answer.value.link) });
    }
    return answer;
  });
}

const endAll = maybe("[data-end-sessions] button", HTMLButtonElement);
if (endAll) {
  onClick(endAll, async () => {
    if (!confirm("确定结束此人所有的登录吗？")) return null;
    const answer = await command("DELETE", `/api/v1/admin/staff/${endAll.dataset.id ?? ""}/sessions`);
    if (answer.ok) reloadWith("此人的登录已全部结束。");
    return answer;
  });
}

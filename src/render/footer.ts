// The foot of every reader page: the copyright line, and what a Chinese news site must show — the owner and
// how to reach them, the news-service licence, the ICP 备案号 linked to the MIIT's register and the 公安备案号
// linked to its record — each only when configured (src/content/registration.ts).
import { html } from "hono/html";
import { ICP_REGISTER_URL, type Registration, psbRecordUrl } from "../content/registration.ts";
// The layout prints this footer, so its type is hono's own, not the layout's (no import back up to it).
import type { HtmlEscapedString } from "hono/utils/html";

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Parts of a line, or nothing at all when none is configured. */
const line = (parts: (Html | string)[]) => {
  const shown = parts.filter((p) => p !== "");
  return shown.length ? html`<p class="registration">${shown.map((p, i) => html`${i ? " · " : ""}${p}`)}</p>\n` : "";
};

export function siteFooter(siteName: string, r: Registration | undefined): Html {
  const psbUrl = r?.psb ? psbRecordUrl(r.psb) : null;
  const psb = r?.psb ? (psbUrl ? html`<a href="${psbUrl}" rel="noopener">${r.psb}</a>` : html`${r.psb}`) : "";
  return html`<footer class="sitefoot"><div class="wrap">
<p><a href="/">${siteName}</a> 版权所有 · 未经授权不得转载</p>
${r
  ? html`${line([r.ownerName ? html`主办单位：${r.ownerName}` : "", r.ownerContact ? html`联系方式：${r.ownerContact}` : ""])}${line([
      r.newsLicense ? html`互联网新闻信息服务许可证：${r.newsLicense}` : "",
      r.icp ? html`<a href="${ICP_REGISTER_URL}" rel="noopener">${r.icp}</a>` : "",
      psb,
    ])}`
  : ""}</div></footer>`;
}

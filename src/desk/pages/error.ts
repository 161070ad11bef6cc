// A desk page that cannot be shown: a 403 for a room the person's role does not open, a 404, a bad filter.
// Inside the desk's frame when someone is signed in, so the way on is one click away.
import { html } from "hono/html";
import type { Html } from "../../render/layout.ts";
import { type DeskPerson, deskLayout, gateLayout } from "../layout.ts";

const HEADINGS: Record<number, string> = {
  400: "请求有误",
  403: "没有权限",
  404: "找不到这个页面",
};

export function renderDeskError(p: { siteName: string; person: DeskPerson | null; status: number; message: string }): Html {
  const heading = HEADINGS[p.status] ?? (p.status >= 500 ? "服务暂时不可用" : "无法完成请求");
  const rest = html`<p>${p.message}</p><p><a href="/desk">返回编辑部首页</a></p>`;
  if (p.person === null) return gateLayout({ siteName: p.siteName, title: heading, main: rest });
  return deskLayout({
    siteName: p.siteName,
    title: heading,
    room: null,
    person: p.person,
    main: html`<div class="error-page panel"><p class="code">${p.status}</p><h1>${heading}</h1>${rest}</div>`,
  });
}

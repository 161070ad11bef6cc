// The error page, in the site's look. Pure: data in, HTML out. A 404 shows the site's sections, so a reader
// who followed a dead link can go on; a server error shows none (it may come from the database itself).
import { html } from "hono/html";
import type { Section } from "../domain/section.ts";
import { type Html, layout } from "./layout.ts";
import type { Registration } from "../content/registration.ts";

export type ErrorPageData = { siteName: string; status: number; message: string; nav?: Section[]; registration?: Registration };

const HEADINGS: Record<number, string> = {
  400: "请求有误",
  404: "您访问的页面不存在",
  405: "不支持该请求方法",
  429: "请求过于频繁",
  500: "服务器开小差了",
};

export function renderErrorPage(data: ErrorPageData): Html {
  const heading = HEADINGS[data.status] ?? (data.status >= 500 ? "服务暂时不可用" : "无法完成请求");
  return layout({
    // Canonical links on error pages would be wrong; the site URL is not needed.
    site: { name: data.siteName, url: "", ...(data.registration && { registration: data.registration }) },
    nav: data.nav ?? [],
    title: `${heading} - ${data.siteName}`,
    description: heading,
    main: html`<div class="error panel">
<p class="status">${data.status}</p>
<h1>${heading}</h1>
<p>${data.message}</p>
<p><a href="/">返回首页</a></p>
</div>`,
  });
}

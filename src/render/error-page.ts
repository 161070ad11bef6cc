// The error page, in the site's look. Pure: data in, HTML out.
import { html } from "hono/html";

export type ErrorPageData = { siteName: string; status: number; message: string };

export function renderErrorPage(data: ErrorPageData) {
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${data.status} · ${data.siteName}</title></head>
<body><h1>${data.status}</h1><p>${data.message}</p></body></html>`;
}

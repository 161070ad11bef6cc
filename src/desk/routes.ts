// The desk's pages (mounted at /desk): server-rendered, read from D1 through src/db/, and a client of the
// admin API for every change (their scripts send those). Pages only: GETs, plus the sign-in form's POST.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError } from "../domain/errors.ts";
import { handleError, statusOf } from "../http/errors.ts";
import { deskNext } from "./next.ts";
import { renderDeskError } from "./pages/error.ts";
import { renderLoginPage } from "./pages/login.ts";
import { renderWelcomePage } from "./pages/welcome.ts";

export const desk = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

/** What 登录 says when it is sent back there: a session that ended, or a sign-out. */
function loginNotice(c: Ctx) {
  if (c.req.query("expired") !== undefined) return { kind: "error" as const, text: "登录已过期或已在别处结束，请重新登录。" };
  const out = c.req.query("signed_out");
  if (out === "everywhere") return { kind: "ok" as const, text: "您已退出所有设备上的登录。" };
  if (out !== undefined) return { kind: "ok" as const, text: "您已退出登录。" };
  return undefined;
}

desk.get("/login", (c) => {
  const notice = loginNotice(c);
  return c.html(renderLoginPage({ siteName: c.env.SITE_NAME, next: deskNext(c.req.query("next")), ...(notice && { notice }) }));
});

desk.get("/welcome", (c) => c.html(renderWelcomePage({ siteName: c.env.SITE_NAME })));

// A refusal on a desk page is a desk page (in its frame, in Chinese); a failure of the service, or anything
// unexpected, is the app's to log and answer (with its Retry-After).
desk.onError((err, c) => {
  if (!(err instanceof DomainError) || statusOf(err.code) >= 500) return handleError(err, c);
  const status = statusOf(err.code);
  return c.html(renderDeskError({ siteName: c.env.SITE_NAME, person: null, status, message: err.message }), status);
});

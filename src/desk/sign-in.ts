// 登录 and 退出登录 without JavaScript: the sign-in form posts here and this calls the same sign-in code as
// POST /api/v1/auth/login (src/auth/sign-in.ts), then sends the person on with 303; a refusal is the login
// page again with the reason (a wrong password, a lock and until when). Both POSTs must come from this
// site's own pages: a browser always names a form POST's Origin, and another site's form is refused (login
// CSRF, or signing someone out). Under Cloudflare Access, Access signs people in and out.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { DomainError } from "../domain/errors.ts";
import { formatChineseDateTime } from "../content/dates.ts";
import { readForm } from "../http/form-body.ts";
import { signInConfig } from "../auth/config.ts";
import { clientOf } from "../auth/client.ts";
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from "../auth/cookie.ts";
import { siteOrigin } from "../auth/origin.ts";
import { signInWithPassword } from "../auth/sign-in.ts";
import { hashToken } from "../auth/tokens.ts";
import { endSessionByToken } from "../db/sessions.ts";
import { deskNext } from "./next.ts";
import { signedInPerson } from "../auth/person.ts";
import { type LoginPage, renderLoginPage } from "./pages/login.ts";

export const deskSignIn = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

/** A login and a password are far below this. */
const MAX_FORM_BYTES = 16_384;

/** Where Cloudflare Access ends its own session for this site. */
const ACCESS_LOGOUT = "/cdn-cgi/access/logout";

function fromThisSite(c: Ctx): void {
  if (c.req.header("Origin") !== siteOrigin(c.env.SITE_URL, c.req.url)) {
    throw new DomainError("csrf", "请求不是从本站的页面发出的。请打开本站的登录页重试。");
  }
}

/** What 登录 says when it is sent back there: a session that ended, or a sign-out. */
function loginNotice(c: Ctx): LoginPage["notice"] {
  if (c.req.query("expired") !== undefined) return { kind: "error", text: "登录已过期或已在别处结束，请重新登录。" };
  const out = c.req.query("signed_out");
  if (out === "everywhere") return { kind: "ok", text: "您已退出所有设备上的登录。" };
  if (out !== undefined) return { kind: "ok", text: "您已退出登录。" };
  return undefined;
}

deskSignIn.get("/login", async (c) => {
  const next = deskNext(c.req.query("next"));
  // Already signed in (a bookmarked 登录, a second tab): straight on.
  if (await signedInPerson(c)) return c.redirect(next, 303);
  const notice = loginNotice(c);
  const access = signInConfig(c.env).access !== null;
  return c.html(renderLoginPage({ siteName: c.env.SITE_NAME, next, access, ...(notice && { notice }) }));
});

deskSignIn.post("/login", async (c) => {
  fromThisSite(c);
  const config = signInConfig(c.env);
  const form = await readForm(c, MAX_FORM_BYTES);
  const next = deskNext(form.get("next"));
  const login = (form.get("login") ?? "").trim();
  const password = form.get("password") ?? "";
  const again = (status: 400 | 401 | 403 | 429, text: string) =>
    c.html(renderLoginPage({ siteName: c.env.SITE_NAME, next, login, access: config.access !== null, notice: { kind: "error", text } }), status);
  if (config.access) return again(403, "本站通过 Cloudflare Access 登录，不使用密码。");
  if (login === "" || password === "") return again(400, "请填写登录名和密码。");
  try {
    const started = await signInWithPassword(c.var.db, config, { login, password, client: clientOf(c), now: Date.now() });
    setSessionCookie(c, started.token, started.expiresAt, started.createdAt);
    return c.redirect(next, 303);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    if (err.code === "invalid_credentials") {
      // RFC 9110 §15.5.2: a 401 names a scheme; the API's, as for the JSON sign-in.
      c.header("WWW-Authenticate", 'Bearer realm="masthead"');
      return again(401, "登录名或密码不正确。");
    }
    if (err.code === "too_many_failures") {
      const seconds = Number(err.info.retry_after);
      c.header("Retry-After", String(seconds));
      return again(429, `登录失败的次数过多，已暂时锁定。请在 ${formatChineseDateTime(Date.now() + seconds * 1000)} 之后再试。`);
    }
    throw err;
  }
});

deskSignIn.post("/logout", async (c) => {
  fromThisSite(c);
  if (signInConfig(c.env).access) return c.redirect(ACCESS_LOGOUT, 303);
  const token = sessionTokenOf(c);
  if (token !== undefined) await endSessionByToken(c.var.db, await hashToken(token), Date.now());
  clearSessionCookie(c);
  return c.redirect("/desk/login?signed_out=1", 303);
});

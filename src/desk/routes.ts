// The desk's pages (mounted at /desk): server-rendered, read from D1 through src/db/, and a client of the
// admin API for every change (their scripts send those). Pages only: GETs, plus the sign-in and sign-out
// forms' POSTs (src/desk/sign-in.ts), which work without JavaScript.
import { type Context, Hono } from "hono";
import * as v from "valibot";
import type { AppEnv } from "../env.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { handleError, statusOf } from "../http/errors.ts";
import { d1Session } from "../http/d1-session.ts";
import { Cursor, KeyNumber, pageOf } from "../http/list-query.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { requireRole } from "../auth/roles.ts";
import { signInConfig } from "../config.ts";
import { listApiKeys } from "../db/keys.ts";
import { listActorNames } from "../db/desk-articles.ts";
import { getStaff, getStaffRecord, listStaff } from "../db/staff.ts";
import { listSessions } from "../db/sessions.ts";
import { listPasskeys } from "../db/passkeys.ts";
import { listAudit } from "../db/audit.ts";
import { ArticlesQuerySchema, filtersOf, readArticles } from "./articles.ts";
import { AuditQuerySchema, auditFiltersOf } from "./audit.ts";
import { readChoices, readEditorArticle } from "./editor.ts";
import { deskPerson, personOf } from "./person.ts";
import { deskSignIn } from "./sign-in.ts";
import { frontRooms } from "./front-rooms.ts";
import { refusalWords } from "./error-words.ts";
import { renderArticlesPage } from "./pages/articles.ts";
import { auditUrl, renderAuditPage } from "./pages/audit.ts";
import { renderAccountPage } from "./pages/account.ts";
import { renderDeskError } from "./pages/error.ts";
import { renderEditorPage } from "./pages/editor.ts";
import { renderKeysPage } from "./pages/keys.ts";
import { renderStaffMemberPage, renderStaffPage } from "./pages/staff.ts";
import { renderWelcomePage } from "./pages/welcome.ts";

export const desk = new Hono<AppEnv>();

type Ctx = Context<AppEnv>;

const STAFF_PAGE_SIZE = 50;
const AUDIT_PAGE_SIZE = 50;
const ID = "/:id{[1-9][0-9]{0,15}}";

const frame = (c: Ctx) => ({ siteName: c.env.SITE_NAME, person: personOf(c) });

// Every desk read goes to the primary: a person who just changed something sees it on the next page.
desk.use("*", d1Session("editors"));

// Every desk path is for a signed-in person — a room added later too, unless it is listed here — and each
// room for the roles its API needs.
const BEFORE_SIGNING_IN = new Set(["/desk/login", "/desk/logout", "/desk/welcome"]);
const signedIn = deskPerson();
desk.use("*", (c, next) => (BEFORE_SIGNING_IN.has(c.req.path) ? next() : signedIn(c, next)));
for (const path of ["/staff", "/staff/*", "/keys"]) desk.use(path, requireRole("admin"));
desk.use("/audit", requireRole("editor"));
for (const path of ["/slots", "/slots/*", "/topics", "/topics/*"]) desk.use(path, requireRole("editor"));

// 登录, its form, 退出登录 and the link landing: before anyone is signed in.
desk.route("/", deskSignIn);
desk.get("/welcome", (c) => c.html(renderWelcomePage({ siteName: c.env.SITE_NAME })));

desk.get("/", async (c) => {
  const query = filtersOf(parseQuery(c, ArticlesQuerySchema));
  const viewer = { actorId: c.get("signedIn").staff.id, now: Date.now() };
  const [read, authors] = await Promise.all([readArticles(c.var.db, query, viewer), listActorNames(c.var.db)]);
  return c.html(renderArticlesPage({ ...frame(c), filters: query.filters, authors, ...read, paged: query.cursor !== undefined }));
});

// 写稿 and the editor: the fields as stored, the choices for 栏目 and 封面; the page's script does the rest.
desk.get("/articles/new", async (c) => {
  parseQuery(c, NoQuery);
  return c.html(renderEditorPage({ ...frame(c), meId: c.get("signedIn").staff.id, article: null, ...(await readChoices(c.var.db)) }));
});

desk.get(`/articles${ID}`, async (c) => {
  parseQuery(c, NoQuery);
  const id = Number(c.req.param("id"));
  const meId = c.get("signedIn").staff.id;
  const [article, choices] = await Promise.all([readEditorArticle(c.var.db, id, meId), readChoices(c.var.db)]);
  return c.html(renderEditorPage({ ...frame(c), meId, article, ...choices }));
});

const StaffQuery = v.objectWithRest({ cursor: v.optional(Cursor(v.strictTuple([KeyNumber]))) }, v.never("is not a parameter here"));

desk.get("/staff", async (c) => {
  const { cursor } = parseQuery(c, StaffQuery);
  const rows = await listStaff(c.var.db, { afterId: cursor?.[0] ?? 0, limit: STAFF_PAGE_SIZE + 1 });
  const page = pageOf(rows, STAFF_PAGE_SIZE, (s) => [s.id]);
  const next = page.next_cursor === null ? null : `/desk/staff?cursor=${page.next_cursor}`;
  return c.html(renderStaffPage({ ...frame(c), staff: page.items, next, paged: cursor !== undefined }));
});

desk.get(`/staff${ID}`, async (c) => {
  parseQuery(c, NoQuery);
  const member = await getStaff(c.var.db, Number(c.req.param("id")));
  if (!member) throw notFound("没有这位员工。");
  const sessions = await listSessions(c.var.db, member.id, Date.now(), signInConfig(c.env).session.idleMs);
  return c.html(renderStaffMemberPage({ ...frame(c), member, sessions }));
});

desk.get("/keys", async (c) => {
  parseQuery(c, NoQuery);
  return c.html(renderKeysPage({ ...frame(c), keys: await listApiKeys(c.var.db) }));
});

desk.get("/audit", async (c) => {
  const { filters, cursor } = auditFiltersOf(parseQuery(c, AuditQuerySchema));
  const [rows, actors] = await Promise.all([
    listAudit(c.var.db, {
      limit: AUDIT_PAGE_SIZE + 1,
      ...(filters.article !== undefined && { articleId: filters.article }),
      ...(filters.actor !== undefined && { actorId: filters.actor }),
      ...(filters.action !== undefined && { action: filters.action }),
      ...(cursor !== undefined && { beforeId: cursor }),
    }),
    listActorNames(c.var.db),
  ]);
  const page = pageOf(rows, AUDIT_PAGE_SIZE, (a) => [a.id]);
  const next = page.next_cursor === null ? null : auditUrl(filters, page.next_cursor);
  return c.html(renderAuditPage({ ...frame(c), filters, actors, items: page.items, next, paged: cursor !== undefined }));
});

desk.get("/account", async (c) => {
  parseQuery(c, NoQuery);
  const me = c.get("signedIn");
  const record = await getStaffRecord(c.var.db, me.staff.id);
  if (!record) throw notFound("没有这个账户。");
  const [passkeys, sessions] = await Promise.all([
    listPasskeys(c.var.db, me.staff.id),
    // Under Cloudflare Access, Access keeps the sessions: the desk has none to show.
    me.via === "session" ? listSessions(c.var.db, me.staff.id, Date.now(), signInConfig(c.env).session.idleMs) : Promise.resolve([]),
  ]);
  const current = me.via === "session" ? me.session.id : null;
  return c.html(
    renderAccountPage({
      ...frame(c),
      me: { login: record.staff.login, displayName: record.staff.displayName, role: record.staff.role, email: record.staff.email },
      passkeys,
      sessions: sessions.map((s) => ({ ...s, current: s.id === current })),
    }),
  );
});

// 推荐位 and 专题 (issue 22).
desk.route("/", frontRooms);

// Last: any other desk path is a desk page that is not there, in the desk's frame (after signing in).
desk.get("*", () => {
  throw notFound("编辑部里没有这个页面。");
});

// A refusal on a desk page is a desk page (in its frame, in Chinese); a failure of the service, or anything
// unexpected, is the app's to log and answer (with its Retry-After).
desk.onError((err, c) => {
  if (!(err instanceof DomainError) || statusOf(err.code) >= 500) return handleError(err, c);
  const status = statusOf(err.code);
  const signedIn = c.get("signedIn");
  const person = signedIn ? { displayName: signedIn.staff.displayName, role: signedIn.staff.role } : null;
  // The API's refusals of what was sent are in English: the desk says them in its own words, field by field.
  const message = refusalWords(err.code, err.info.details ?? []) ?? err.message;
  return c.html(renderDeskError({ siteName: c.env.SITE_NAME, person, status, message }), status);
});

// People management for admins, under /api/v1/admin/staff (behind authenticate() and requireRole("admin")):
// invite someone (the link is shown once), change a person's name, role, email or state, issue a reset
// link, see and end a person's sessions. Each person's version is its ETag; a change needs If-Match.
import { type Context, Hono } from "hono";
import type { AppEnv } from "../env.ts";
import type { Staff, StaffState } from "../domain/staff.ts";
import { DomainError, notFound, versionConflict } from "../domain/errors.ts";
import { readJson } from "../http/json-body.ts";
import { pageOf } from "../http/list-query.ts";
import { StaffListQuery } from "../http/api-queries.ts";
import { NoQuery, parseQuery } from "../http/query.ts";
import { notModifiedSince, preconditions } from "../http/preconditions.ts";
import { signInConfig } from "../auth/config.ts";
import { makeLink } from "../auth/links.ts";
import { siteOrigin } from "../auth/origin.ts";
import { StaffInput, StaffPatch } from "../auth/staff-input.ts";
import { type StaffRecord, createStaff, endStaffSessions, getStaffRecord, issueLink, listStaff, updateStaff } from "../db/staff.ts";
import { listSessions } from "../db/sessions.ts";
import { linkJson, sessionJson, staffJson } from "../render/staff-json.ts";

type Ctx = Context<AppEnv>;

const MAX_BODY_BYTES = 4096;
const ID = "/:id{[1-9][0-9]{0,15}}";

export const adminStaff = new Hono<AppEnv>();

// Links and sessions are in these answers: no cache may keep one (RFC 9111 §5.2.2.5).
adminStaff.use("*", async function noStore(c, next) {
  c.header("Cache-Control", "no-store");
  await next();
});

async function recordOf(c: Ctx): Promise<StaffRecord> {
  const id = Number(c.req.param("id"));
  const record = Number.isSafeInteger(id) ? await getStaffRecord(c.var.db, id) : null;
  if (!record) throw notFound("No such person");
  return record;
}

function answer(c: Ctx, staff: Staff, status: 200 | 201 = 200) {
  c.header("ETag", `"${staff.version}"`);
  return c.json(staffJson(staff), status);
}

adminStaff.get("/", async (c) => {
  const { state, role, cursor, limit } = parseQuery(c, StaffListQuery);
  const rows = await listStaff(c.var.db, { afterId: cursor?.[0] ?? 0, limit: limit + 1, ...(state && { state }), ...(role && { role }) });
  const page = pageOf(rows, limit, (s) => [s.id]);
  return c.json({ items: page.items.map(staffJson), next_cursor: page.next_cursor });
});

adminStaff.post("/", async (c) => {
  parseQuery(c, NoQuery);
  const input = (await readJson(c, StaffInput, MAX_BODY_BYTES)).value;
  const config = signInConfig(c.env);
  const email = input.email ?? null;
  // Behind Cloudflare Access a person signs in as their Access identity: no link, but an email to know them by.
  if (config.access && email === null) {
    throw new DomainError("invalid", "Behind Cloudflare Access a person needs the email address Access knows them by", {
      details: [{ path: "email", message: "is required when Cloudflare Access signs people in" }],
    });
  }
  const now = Date.now();
  const link = config.access ? null : await makeLink(siteOrigin(c.env.SITE_URL, c.req.url), "invite", config.linkTtlMs, now);
  const staff = await createStaff(
    c.var.db,
    { login: input.login, displayName: input.display_name, role: input.role, email },
    link && { tokenHash: link.link.tokenHash, expiresAt: link.expiresAt },
    c.get("actor"),
    now,
  );
  c.header("Location", `/api/v1/admin/staff/${staff.id}`);
  c.header("ETag", `"${staff.version}"`);
  return c.json({ staff: staffJson(staff), link: link && linkJson(link.url, link.expiresAt) }, 201);
});

adminStaff.get(ID, async (c) => {
  parseQuery(c, NoQuery);
  const { staff } = await recordOf(c);
  if (notModifiedSince(c, staff.version)) return c.body(null, 304, { ETag: `"${staff.version}"` });
  return answer(c, staff);
});

/** The state a person moves to when an admin asks for `wanted`. */
function nextState(record: StaffRecord, wanted: "active" | "disabled" | undefined, accessMode: boolean): StaffState {
  const { state } = record.staff;
  if (wanted === undefined || wanted === state) return state;
  if (wanted === "disabled") return "disabled";
  // Behind Access, Access vouches for them: active at once. Otherwise only a way to sign in makes them active.
  if (accessMode || record.passwordHash !== null || record.passkeys > 0) return "active";
  if (state === "invited") {
    throw new DomainError("conflict", "An invited person becomes active by using their invite link; issue a new one if it expired");
  }
  // Disabled before ever signing in: invited again, waiting for a link.
  return "invited";
}

adminStaff.patch(ID, async (c) => {
  parseQuery(c, NoQuery);
  const conditions = preconditions(c, true);
  const patch = (await readJson(c, StaffPatch, MAX_BODY_BYTES)).value;
  const record = await recordOf(c);
  const before = record.staff;
  if (conditions.ifMatch !== "any" && !conditions.ifMatch?.includes(before.version)) throw versionConflict(before.version);
  const next = {
    displayName: patch.display_name ?? before.displayName,
    role: patch.role ?? before.role,
    email: patch.email === undefined ? before.email : patch.email,
    state: nextState(record, patch.state, signInConfig(c.env).access !== null),
  };
  const result = await updateStaff(c.var.db, before, next, c.get("actor"), Date.now());
  if (result.kind === "last_admin") {
    throw new DomainError("last_admin", "This is the last active admin; make someone else an admin first");
  }
  if (result.kind === "changed_meanwhile") {
    const now = await getStaffRecord(c.var.db, before.id);
    throw versionConflict(now?.staff.version ?? before.version);
  }
  return answer(c, result.staff);
});

adminStaff.post(`${ID}/reset-link`, async (c) => {
  parseQuery(c, NoQuery);
  const config = signInConfig(c.env);
  if (config.access) throw new DomainError("access_only", "Behind Cloudflare Access people sign in through Access: there is nothing to reset here");
  const { staff } = await recordOf(c);
  if (staff.state === "disabled") throw new DomainError("conflict", "This person is disabled; enable them first");
  const now = Date.now();
  // An invited person who lost their invite gets a new invite; anyone else a reset.
  const link = await makeLink(siteOrigin(c.env.SITE_URL, c.req.url), staff.state === "invited" ? "invite" : "reset", config.linkTtlMs, now);
  await issueLink(c.var.db, staff, link.link, c.get("actor"), now);
  return c.json({ link: linkJson(link.url, link.expiresAt) }, 201);
});

adminStaff.get(`${ID}/sessions`, async (c) => {
  parseQuery(c, NoQuery);
  const { staff } = await recordOf(c);
  const sessions = await listSessions(c.var.db, staff.id, Date.now(), signInConfig(c.env).session.idleMs);
  return c.json({ items: sessions.map((s) => sessionJson(s, null)) });
});

adminStaff.delete(`${ID}/sessions`, async (c) => {
  parseQuery(c, NoQuery);
  const { staff } = await recordOf(c);
  const now = Date.now();
  await endStaffSessions(c.var.db, staff, c.get("actor"), now);
  return c.body(null, 204);
});

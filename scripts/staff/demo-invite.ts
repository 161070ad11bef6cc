// The demo's first admin, so a newcomer reaches the desk in one step: `npm run dev` invites `admin` (once)
// and prints the invite link at every start until it is used. The database keeps only the link's hash; the
// link itself is kept beside the local state (never committed, never deployed) so that the same link is
// printed again, and a new one made only when it expired.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../src/domain/db.ts";
import { tool } from "../../src/domain/actor.ts";
import { makeLink } from "../../src/auth/links.ts";
import { hashToken } from "../../src/auth/tokens.ts";
import { createStaff, findStaffByLogin, issueLink } from "../../src/db/staff.ts";
import { findLink } from "../../src/db/staff-links.ts";
import type { StaffSite } from "./site.ts";

const DEMO_ADMIN = { login: "admin", displayName: "管理员", role: "admin" } as const;

const SEED = tool("seed", "admin");

/** The link to print, or null once the demo admin has used theirs (or the demo admin is not an invite). */
export async function demoAdminLink(db: Db, state: string, site: StaffSite, now = Date.now()): Promise<string | null> {
  if (site.access) return null;
  const saved = join(state, "demo-admin-invite.txt");
  const record = await findStaffByLogin(db, DEMO_ADMIN.login);
  if (record && record.staff.state !== "invited") return null;
  const kept = existsSync(saved) ? readFileSync(saved, "utf8").trim() : "";
  const keptToken = /#token=([A-Za-z0-9_-]{43})$/.exec(kept)?.[1];
  if (record && keptToken && kept.startsWith(site.origin)) {
    const found = await findLink(db, await hashToken(keptToken));
    if (found && found.staff.id === record.staff.id && found.link.usedAt === null && found.link.expiresAt > now) return kept;
  }
  const issued = await makeLink(site.origin, "invite", site.linkTtlMs, now);
  if (record) await issueLink(db, record.staff, issued.link, SEED, now);
  else await createStaff(db, { login: DEMO_ADMIN.login, displayName: DEMO_ADMIN.displayName, role: DEMO_ADMIN.role, email: null }, issued.link, SEED, now);
  writeFileSync(saved, `${issued.url}\n`);
  return issued.url;
}

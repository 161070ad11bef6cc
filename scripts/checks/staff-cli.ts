// Runs `npm run staff` as an admin would, into a fresh local state, and the demo admin's invite as
// `npm run dev` makes it: what the workerd tests cannot reach (the command line, exit codes, the link on the
// last line, the link kept beside the local state). Part of `npm test`.
//
//   node scripts/checks/staff-cli.ts
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ROOT, applyMigrations, openLocalEnv, wranglerBin } from "../bindings/local-env.ts";
import { demoAdminLink, demoAdminNotice } from "../staff/demo-invite.ts";
import { staffSite } from "../staff/site.ts";
import { hashToken } from "../../src/auth/tokens.ts";
import { hashPassword } from "../../src/auth/password.ts";
import { useLink } from "../../src/db/staff-links.ts";

const work = mkdtempSync(join(tmpdir(), "masthead-staff-check-"));
after(() => rmSync(work, { recursive: true, force: true }));

function staffCli(state: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts/staff.ts"), ...args, "--state", state], { cwd: ROOT, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, last: run.stdout.trimEnd().split("\n").pop() ?? "" };
}

const LINK = /^http:\/\/localhost:8787\/desk\/welcome#token=[A-Za-z0-9_-]{43}$/;

test("invites, lists, resets and disables, with the link alone on the last line", () => {
  const state = join(work, "cli");
  const invited = staffCli(state, "invite", "--login", "lina", "--name", "李娜", "--role", "admin");
  assert.equal(invited.code, 0, invited.stderr);
  assert.match(invited.last, LINK);
  const taken = staffCli(state, "invite", "--login", "LINA", "--name", "李娜", "--role", "editor");
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /^staff: Someone already has this login$/m);
  const bad = staffCli(state, "invite", "--login", "li na", "--name", " ", "--role", "boss");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--login: .*\n--name: must not be empty\n--role: must be one of author, editor, admin/);
  assert.match(staffCli(state, "list").stdout, /^1 +lina +admin +invited +- +李娜$/m);
  const reset = staffCli(state, "reset", "lina");
  assert.equal(reset.code, 0, reset.stderr);
  assert.match(reset.stdout, /A new invite link for 李娜/);
  assert.match(reset.last, LINK);
  assert.notEqual(reset.last, invited.last);
  const disabled = staffCli(state, "disable", "1");
  assert.equal(disabled.code, 0, disabled.stderr);
  assert.match(disabled.stdout, /^Disabled 李娜 \(lina, admin, invited\)/);
  assert.equal(staffCli(state, "reset").code, 2);
});

test("the demo admin's invite is printed again at each start until it expires, then replaced, and not once used", async () => {
  const state = join(work, "demo", "v3");
  const env = await openLocalEnv(state);
  try {
    await applyMigrations(env.db);
    const site = staffSite();
    const now = Date.now();
    const first = await demoAdminLink(env.db, state, site, now);
    assert.match(first ?? "", LINK);
    assert.equal(await demoAdminLink(env.db, state, site, now + 60_000), first);
    const later = await demoAdminLink(env.db, state, site, now + site.linkTtlMs + 1);
    assert.match(later ?? "", LINK);
    assert.notEqual(later, first);
    const people = await env.db.prepare("SELECT login, display_name, role, state FROM staff").all();
    assert.deepEqual(people.results, [{ login: "admin", display_name: "管理员", role: "admin", state: "invited" }]);
    // Used as the welcome page uses it (the sign-in API's own write): nothing more to print.
    const token = new URL(later ?? "").hash.replace("#token=", "");
    const session = { tokenHash: await hashToken("a session"), method: "link" as const, expiresAt: now + 3_600_000, userAgent: "" };
    const used = await useLink(env.db, { tokenHash: await hashToken(token), passwordHash: await hashPassword("the demo password"), session, previousTokenHash: null, audit: { actor: { id: null, name: "check" }, action: "staff.activate" }, now: now + site.linkTtlMs + 2 });
    assert.equal(used?.state, "active");
    assert.equal(await demoAdminLink(env.db, state, site, now + site.linkTtlMs + 3), null);
  } finally {
    await env.dispose();
  }
});

test("migrations applied by the tools are the ones wrangler counts as applied", () => {
  // The state the first test's CLI migrated: wrangler, asked itself, has nothing left to apply there.
  const listed = spawnSync(process.execPath, [wranglerBin(), "d1", "migrations", "list", "DB", "--local", "--persist-to", join(work, "cli")], { cwd: ROOT, encoding: "utf8" });
  assert.equal(listed.status, 0, listed.stderr);
  assert.match(listed.stdout, /No migrations to apply/);
});

test("the demo admin's invite says where to open it when wrangler was given another port", () => {
  const link = "http://localhost:8787/desk/welcome#token=" + "a".repeat(43);
  const notice = demoAdminNotice(link);
  assert.ok(notice.includes(`    ${link}\n`));
  assert.ok(notice.includes(`open /desk/welcome#token=${"a".repeat(43)} on the address wrangler shows below`));
});

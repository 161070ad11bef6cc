// The staff tool: invite people, issue reset links, disable someone, list everyone — in the local D1 that
// `wrangler dev` serves (migrated first, so a fresh clone needs nothing else) or, with --remote, in the
// deployed one through wrangler. It writes with the Worker's own data functions, so a person made here is
// exactly what the staff API makes; the link is printed alone on the last line, for `| tail -n 1`.
import { parseArgs } from "node:util";
import * as v from "valibot";
import type { Staff } from "../src/domain/staff.ts";
import { issueDetails } from "../src/content/text-rules.ts";
import { toRfc3339 } from "../src/content/dates.ts";
import { makeLink } from "../src/auth/links.ts";
import { StaffInput } from "../src/auth/staff-input.ts";
import { type StaffRecord, createStaff, findStaffByLogin, getStaffRecord, issueLink, listStaff, updateStaff } from "../src/db/staff.ts";
import { DomainError } from "../src/domain/errors.ts";
import { type Database, openDatabase, toolActor, where } from "./bindings/database.ts";
import { CliError, printTable, runTool } from "./tool-cli.ts";
import { staffSite } from "./staff/site.ts";

const USAGE = `Usage: npm run staff -- <command> [options]

Commands:
  invite --login <login> --name <display name> --role <author|editor|admin> [--email <address>]
                       invite someone; their invite link (single use, 72 hours) is printed alone on the
                       last line. Behind Cloudflare Access: --email is required and they are active at once
  reset <login|id>     a reset link for a forgotten password or a lost passkey (an unused invite is
                       issued again); earlier unused links stop working
  disable <login|id>   they cannot sign in any more; their sessions end at once
  list                 everyone: id, login, role, state, last sign-in, name

Options:
  --remote             the deployed database (after \`wrangler login\`, with the real database_id in
                       wrangler.toml and the migrations applied); default: the local one
  --state DIR          the local state, as for npm run seed (default .wrangler/state/v3)
  --help`;

const actor = (t: Database) => toolActor("staff", t);

const describe = (s: Staff) => `${s.displayName} (${s.login}, ${s.role}, ${s.state})`;

async function resolve(t: Database, name: string | undefined): Promise<StaffRecord> {
  if (name === undefined) throw new CliError("name the person by their login or id", 2);
  const record = /^[1-9][0-9]{0,15}$/.test(name) ? await getStaffRecord(t.db, Number(name)) : await findStaffByLogin(t.db, name);
  if (!record) throw new CliError(`nobody with login or id ${name} in ${where(t)}`);
  return record;
}

type Invite = { login: string; displayName: string; role: Staff["role"]; email: string | null };

/** The invite's options, checked before any database is opened: a typo costs nothing. */
function parseInvite(values: { login?: string; name?: string; role?: string; email?: string }): Invite {
  const parsed = v.safeParse(StaffInput, { login: values.login, display_name: values.name, role: values.role, ...(values.email !== undefined && { email: values.email }) });
  if (!parsed.success) {
    const flag = (path: string) => (path === "display_name" ? "name" : path);
    throw new CliError(issueDetails(parsed.issues).map((d) => `--${flag(d.path)}: ${d.message}`).join("\n"), 2);
  }
  const input = { login: parsed.output.login, displayName: parsed.output.display_name, role: parsed.output.role, email: parsed.output.email ?? null };
  if (staffSite().access && input.email === null) throw new CliError("--email: Cloudflare Access signs people in here; give the address Access knows them by", 2);
  return input;
}

async function invite(t: Database, input: Invite): Promise<void> {
  const site = staffSite();
  const now = Date.now();
  const link = site.access ? null : await makeLink(site.origin, "invite", site.linkTtlMs, now);
  let staff: Staff;
  try {
    staff = await createStaff(t.db, input, link?.link ?? null, actor(t), now);
  } catch (err) {
    if (err instanceof DomainError) throw new CliError(err.message);
    throw err;
  }
  if (!link) {
    console.log(`Added ${describe(staff)} to ${where(t)}. They sign in through Cloudflare Access as ${input.email}:`);
    console.log(`${site.origin}/desk`);
    return;
  }
  console.log(`Invited ${describe(staff)} in ${where(t)}. Send them this link (it works once, until ${toRfc3339(link.expiresAt)}):`);
  console.log(link.url);
}

async function reset(t: Database, name: string | undefined): Promise<void> {
  const site = staffSite();
  if (site.access) throw new CliError("Cloudflare Access signs people in here: passwords are Access's business");
  const { staff } = await resolve(t, name);
  if (staff.state === "disabled") throw new CliError(`${describe(staff)} is disabled; enable them on the desk first`);
  const now = Date.now();
  const purpose = staff.state === "invited" ? "invite" : "reset";
  const link = await makeLink(site.origin, purpose, site.linkTtlMs, now);
  await issueLink(t.db, staff, link.link, actor(t), now);
  console.log(`A new ${purpose} link for ${describe(staff)}; earlier unused links no longer work. It works once, until ${toRfc3339(link.expiresAt)}:`);
  console.log(link.url);
}

async function disable(t: Database, name: string | undefined): Promise<void> {
  const { staff } = await resolve(t, name);
  if (staff.state === "disabled") {
    console.log(`${describe(staff)} was already disabled.`);
    return;
  }
  const result = await updateStaff(t.db, staff, { ...staff, state: "disabled" }, actor(t), Date.now());
  if (result.kind === "last_admin") throw new CliError(`${describe(staff)} is the last active admin; make someone else an admin first`);
  if (result.kind === "changed_meanwhile") throw new CliError(`${describe(staff)} was changed meanwhile; run the command again`);
  console.log(`Disabled ${describe(staff)} in ${where(t)}: they cannot sign in, and their sessions have ended.`);
}

async function list(t: Database): Promise<void> {
  const people: Staff[] = [];
  for (let page = await listStaff(t.db, { afterId: 0, limit: 100 }); page.length; page = await listStaff(t.db, { afterId: page[page.length - 1]?.id ?? 0, limit: 100 })) {
    people.push(...page);
  }
  const when = (ms: number | null) => (ms === null ? "-" : toRfc3339(ms).slice(0, 16).replace("T", " "));
  const table = [["ID", "LOGIN", "ROLE", "STATE", "LAST SIGN-IN (UTC+8)", "NAME"], ...people.map((s) => [String(s.id), s.login, s.role, s.state, when(s.lastSignInAt), s.displayName])];
  printTable(table);
  if (people.length === 0) console.log(`Nobody in ${where(t)} yet: npm run staff -- invite --login <login> --name <name> --role admin`);
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        login: { type: "string" },
        name: { type: "string" },
        role: { type: "string" },
        email: { type: "string" },
        remote: { type: "boolean", default: false },
        state: { type: "string" },
        help: { type: "boolean", default: false },
      },
    });
  } catch (err) {
    throw new CliError(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`, 2);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine(argv);
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    console.log(USAGE);
    return;
  }
  if (!["invite", "reset", "disable", "list"].includes(command)) throw new CliError(`unknown command: ${command}\n\n${USAGE}`, 2);
  if (values.remote && values.state !== undefined) throw new CliError("--remote and --state exclude each other", 2);
  const expected = command === "reset" || command === "disable" ? 1 : 0;
  if (rest.length !== expected) throw new CliError(`${command} takes ${expected ? "one person: their login or id" : "no arguments"}\n\n${USAGE}`, 2);
  const invited = command === "invite" ? parseInvite(values) : null;
  const t = await openDatabase(values.remote, values.state);
  try {
    if (invited) await invite(t, invited);
    else if (command === "reset") await reset(t, rest[0]);
    else if (command === "disable") await disable(t, rest[0]);
    else await list(t);
  } finally {
    await t.close();
  }
}

await runTool("staff", main);

// The key tool: create, list, revoke and rotate API keys, in the local D1 that `wrangler dev` uses (migrated
// first, so a fresh clone needs nothing else) or, with --remote, in the deployed database. It goes through
// `wrangler d1 execute`, the one way to reach both without an API of our own, and makes and hashes keys
// with the Worker's own code, so a key made here is a key the Worker accepts.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as v from "valibot";
import { generateKey } from "../src/auth/keys.ts";
import { KeyInput } from "../src/auth/key-input.ts";
import { issueDetails } from "../src/content/schemas.ts";
import { toRfc3339 } from "../src/content/dates.ts";
import type { AuditActor as Actor } from "../src/db/audit.ts";
import type { ApiKey } from "../src/domain/api-key.ts";
import { type ApiKeyRow, toApiKey } from "../src/db/keys.ts";
import { createKeySql, findKeySql, listKeysSql, revokeKeySql, rotateKeySql } from "../src/db/keys-literal.ts";

const USAGE = `Usage: npm run key -- <command> [options]

Commands:
  create --name <name> --role <author|editor|admin>
                       make a key; it is printed once, alone on the last line
  list                 every key: id, prefix, role, status, times, name (never a secret)
  revoke <id|prefix>   refuse the key from now on
  rotate <id|prefix>   a new secret for the same key (id, name, role); the old secret stops working

Options:
  --remote             the deployed database (needs \`wrangler login\` and the real
                       database_id in wrangler.toml); default: the local one
  --persist-to <dir>   the local state directory, as for \`wrangler dev --persist-to\`
  --help`;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WRANGLER = fileURLToPath(new URL("../node_modules/wrangler/bin/wrangler.js", import.meta.url));

/** A failure to report in one line and exit with `code` (2 for bad usage). */
class CliError extends Error {
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

type Target = { remote: boolean; persistTo: string | undefined };

const where = (t: Target) => (t.remote ? "the remote database" : "the local database");

function wrangler(args: string[]): { ok: boolean; stdout: string; stderr: string } {
  // The project's own wrangler, run by this same Node (what `npx wrangler` would run), without a shell.
  const run = spawnSync(process.execPath, [WRANGLER, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new CliError(`could not run wrangler: ${run.error.message}`);
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
}

const locationArgs = (t: Target) =>
  t.remote ? ["--remote"] : ["--local", ...(t.persistTo === undefined ? [] : ["--persist-to", t.persistTo])];

/** Brings the local database up to date; a no-op when it already is. */
function applyLocalMigrations(t: Target): void {
  const run = wrangler(["d1", "migrations", "apply", "DB", ...locationArgs(t)]);
  if (!run.ok) throw new CliError(`applying local migrations failed:\n${run.stdout}${run.stderr}`);
}

/** Runs the statements as one batch and returns each statement's rows. */
function execute<Row>(t: Target, statements: string[]): Row[][] {
  const run = wrangler(["d1", "execute", "DB", ...locationArgs(t), "--json", "--command", statements.join(";\n")]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(run.stdout);
  } catch {
    throw new CliError(`wrangler d1 execute failed:\n${run.stdout}${run.stderr}`);
  }
  if (!run.ok || !Array.isArray(parsed)) {
    const text = (parsed as { error?: { text?: string } } | null)?.error?.text;
    throw new CliError(`wrangler d1 execute failed: ${text ?? `${run.stdout}${run.stderr}`}`);
  }
  return parsed.map((result: { results?: Row[] }) => result.results ?? []);
}

function actor(t: Target): Actor {
  const user = process.env.USER ?? process.env.USERNAME ?? "unknown user";
  return { id: null, name: `key CLI (${user}${t.remote ? ", remote" : ""})` };
}

const describe = (k: ApiKey) => `key ${k.id} "${k.name}" (${k.role}, prefix ${k.prefix})`;

function printNewKey(message: string, key: ApiKey, secret: string): void {
  console.log(message);
  console.log(`Prefix ${key.prefix} is what listings show. The key is shown only this once; store it now.`);
  // Alone on the last line, so scripts can take it with `| tail -n 1`.
  console.log(secret);
}

/** The key a user named by id or by prefix (with or without `mh_`). */
function resolveKey(t: Target, name: string | undefined): ApiKey {
  if (name === undefined) throw new CliError("name the key by its id or its prefix", 2);
  const prefix = /^(?:mh_)?([a-z2-7]{8})$/.exec(name)?.[1];
  if (!/^[0-9]{1,15}$/.test(name) && prefix === undefined) throw new CliError(`not a key id or prefix: ${name}`, 2);
  const [rows = []] = execute<ApiKeyRow>(t, findKeySql(prefix === undefined ? { id: Number(name) } : { prefix }));
  const keys = rows.map(toApiKey);
  const [key] = keys;
  if (!key) throw new CliError(prefix === undefined ? `no key with id ${name}` : `no active key with prefix ${prefix}`);
  if (keys.length > 1) {
    throw new CliError(`several active keys share prefix ${prefix}: ids ${keys.map((k) => k.id).join(", ")}; name one by id`);
  }
  return key;
}

async function create(t: Target, name: string | undefined, role: string | undefined): Promise<void> {
  const parsed = v.safeParse(KeyInput, { name, role });
  if (!parsed.success) {
    throw new CliError(issueDetails(parsed.issues).map((d) => `--${d.path}: ${d.message}`).join("\n"), 2);
  }
  const input = { name: parsed.output.name, role: parsed.output.role };
  const material = await generateKey();
  // The first statement makes the key's actor; the second answers the new key.
  const [, rows = []] = execute<ApiKeyRow>(t, createKeySql(input, material, Date.now(), actor(t)));
  const [row] = rows;
  if (!row) throw new CliError("the database returned no new key");
  const key = toApiKey(row);
  printNewKey(`Created ${describe(key)} in ${where(t)}.`, key, material.key);
}

function list(t: Target): void {
  const [rows = []] = execute<ApiKeyRow>(t, listKeysSql());
  const when = (ms: number | null) => (ms === null ? "-" : toRfc3339(ms).slice(0, 16).replace("T", " "));
  const table = [
    ["ID", "PREFIX", "ROLE", "STATUS", "CREATED (UTC+8)", "LAST USED", "NAME"],
    ...rows.map(toApiKey).map((k) => [
      String(k.id),
      k.prefix,
      k.role,
      k.revokedAt === null ? "active" : "revoked",
      when(k.createdAt),
      when(k.lastUsedAt),
      k.name,
    ]),
  ];
  const widths = table[0]?.map((_, i) => Math.max(...table.map((r) => (r[i] ?? "").length))) ?? [];
  for (const r of table) console.log(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "));
  if (rows.length === 0) console.log(`No keys in ${where(t)} yet: npm run key -- create --name <name> --role admin`);
}

function revoke(t: Target, name: string | undefined): void {
  const key = resolveKey(t, name);
  if (key.revokedAt !== null) {
    console.log(`${describe(key)} was already revoked at ${toRfc3339(key.revokedAt)}.`);
    return;
  }
  const [rows = []] = execute<ApiKeyRow>(t, revokeKeySql(key.id, Date.now(), actor(t)));
  console.log(rows.length > 0 ? `Revoked ${describe(key)} in ${where(t)}.` : `${describe(key)} was already revoked.`);
}

async function rotate(t: Target, name: string | undefined): Promise<void> {
  const key = resolveKey(t, name);
  if (key.revokedAt !== null) throw new CliError(`${describe(key)} is revoked; create a new key instead`);
  const material = await generateKey();
  // The first statement retires the old secret; the second answers the rotated key.
  const [, rows = []] = execute<ApiKeyRow>(t, rotateKeySql(key, material, Date.now(), actor(t)));
  const [row] = rows;
  if (!row) throw new CliError(`${describe(key)} was revoked or rotated meanwhile; nothing changed`);
  const next = toApiKey(row);
  printNewKey(`Rotated ${describe(key)} in ${where(t)}: its old secret no longer works; new prefix ${next.prefix}.`, next, material.key);
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: "string" },
        role: { type: "string" },
        remote: { type: "boolean", default: false },
        local: { type: "boolean", default: false },
        "persist-to": { type: "string" },
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
  if (values.remote && (values.local || values["persist-to"] !== undefined)) {
    throw new CliError("--remote cannot be combined with --local or --persist-to", 2);
  }
  const expected = command === "revoke" || command === "rotate" ? 1 : 0;
  if (rest.length !== expected) throw new CliError(`unexpected arguments: ${rest.join(" ")}\n\n${USAGE}`, 2);
  const t: Target = { remote: values.remote, persistTo: values["persist-to"] };
  if (!["create", "list", "revoke", "rotate"].includes(command)) throw new CliError(`unknown command: ${command}\n\n${USAGE}`, 2);
  // The remote schema is the deployment's business (`wrangler d1 migrations apply DB --remote`).
  if (!t.remote) applyLocalMigrations(t);

  if (command === "create") await create(t, values.name, values.role);
  else if (command === "list") list(t);
  else if (command === "revoke") revoke(t, rest[0]);
  else await rotate(t, rest[0]);
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof CliError)) throw err;
  console.error(`key: ${err.message}`);
  process.exitCode = err.code;
}

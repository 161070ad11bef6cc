// The key tool: create, list, revoke and rotate API keys, in the local D1 that `wrangler dev` uses (migrated
// first, so a fresh clone needs nothing else) or, with --remote, in the deployed database through `wrangler
// d1 execute`. It makes, hashes and stores keys with the Worker's own code (src/db/keys.ts), so a key made
// here is a key the Worker accepts, written and audited exactly as the keys API writes it.
import { parseArgs } from "node:util";
import * as v from "valibot";
import { generateKey } from "../src/auth/keys.ts";
import { KeyInput } from "../src/auth/key-input.ts";
import { issueDetails } from "../src/content/text-rules.ts";
import { toRfc3339 } from "../src/content/dates.ts";
import type { ApiKey } from "../src/domain/api-key.ts";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey, rotateApiKey } from "../src/db/keys.ts";
import { type Database, openDatabase, toolActor, where } from "./bindings/database.ts";
import { CliError, printTable, runTool } from "./tool-cli.ts";

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

const actor = (t: Database) => toolActor("key", t);

const describe = (k: ApiKey) => `key ${k.id} "${k.name}" (${k.role}, prefix ${k.prefix})`;

function printNewKey(message: string, key: ApiKey, secret: string): void {
  console.log(message);
  console.log(`Prefix ${key.prefix} is what listings show. The key is shown only this once; store it now.`);
  // Alone on the last line, so scripts can take it with `| tail -n 1`.
  console.log(secret);
}

/** The key a user named by id or by prefix (with or without `mh_`); by prefix, only active keys count. */
async function resolveKey(t: Database, name: string | undefined): Promise<ApiKey> {
  if (name === undefined) throw new CliError("name the key by its id or its prefix", 2);
  const prefix = /^(?:mh_)?([a-z2-7]{8})$/.exec(name)?.[1];
  if (!/^[0-9]{1,15}$/.test(name) && prefix === undefined) throw new CliError(`not a key id or prefix: ${name}`, 2);
  const keys =
    prefix === undefined
      ? [await getApiKey(t.db, Number(name))].filter((k) => k !== null)
      : (await listApiKeys(t.db)).filter((k) => k.prefix === prefix && k.revokedAt === null);
  const [key] = keys;
  if (!key) throw new CliError(prefix === undefined ? `no key with id ${name}` : `no active key with prefix ${prefix}`);
  if (keys.length > 1) {
    throw new CliError(`several active keys share prefix ${prefix}: ids ${keys.map((k) => k.id).join(", ")}; name one by id`);
  }
  return key;
}

async function create(t: Database, name: string | undefined, role: string | undefined): Promise<void> {
  const parsed = v.safeParse(KeyInput, { name, role });
  if (!parsed.success) {
    throw new CliError(issueDetails(parsed.issues).map((d) => `--${d.path}: ${d.message}`).join("\n"), 2);
  }
  const { key, secret } = await createApiKey(t.db, { name: parsed.output.name, role: parsed.output.role }, await generateKey(), actor(t));
  printNewKey(`Created ${describe(key)} in ${where(t)}.`, key, secret);
}

async function list(t: Database): Promise<void> {
  const keys = await listApiKeys(t.db);
  const when = (ms: number | null) => (ms === null ? "-" : toRfc3339(ms).slice(0, 16).replace("T", " "));
  const table = [
    ["ID", "PREFIX", "ROLE", "STATUS", "CREATED (UTC+8)", "LAST USED", "NAME"],
    ...keys.map((k) => [
      String(k.id),
      k.prefix,
      k.role,
      k.revokedAt === null ? "active" : "revoked",
      when(k.createdAt),
      when(k.lastUsedAt),
      k.name,
    ]),
  ];
  printTable(table);
  if (keys.length === 0) console.log(`No keys in ${where(t)} yet: npm run key -- create --name <name> --role admin`);
}

async function revoke(t: Database, name: string | undefined): Promise<void> {
  const key = await resolveKey(t, name);
  if (key.revokedAt !== null) {
    console.log(`${describe(key)} was already revoked at ${toRfc3339(key.revokedAt)}.`);
    return;
  }
  // Even the last admin key: whoever runs this can make another, and a leaked key must be stoppable.
  await revokeApiKey(t.db, key.id, actor(t), { evenLastAdmin: true });
  console.log(`Revoked ${describe(key)} in ${where(t)}.`);
}

async function rotate(t: Database, name: string | undefined): Promise<void> {
  const key = await resolveKey(t, name);
  if (key.revokedAt !== null) throw new CliError(`${describe(key)} is revoked; create a new key instead`);
  const rotated = await rotateApiKey(t.db, key.id, await generateKey(), actor(t));
  if (!rotated) throw new CliError(`${describe(key)} was revoked or rotated meanwhile; nothing changed`);
  printNewKey(`Rotated ${describe(key)} in ${where(t)}: its old secret no longer works; new prefix ${rotated.key.prefix}.`, rotated.key, rotated.secret);
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
  if (!["create", "list", "revoke", "rotate"].includes(command)) throw new CliError(`unknown command: ${command}\n\n${USAGE}`, 2);
  // The remote schema is the deployment's business (`wrangler d1 migrations apply DB --remote`).
  const t = await openDatabase(values.remote, values["persist-to"]);
  try {
    if (command === "create") await create(t, values.name, values.role);
    else if (command === "list") await list(t);
    else if (command === "revoke") await revoke(t, rest[0]);
    else await rotate(t, rest[0]);
  } finally {
    await t.close();
  }
}

await runTool("key", main);

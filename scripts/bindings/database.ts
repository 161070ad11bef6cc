// The database a command-line tool (staff.ts, key.ts) changes: the local D1 that `wrangler dev` serves,
// migrated first (a no-op when current, so a fresh clone needs nothing else), or with --remote the deployed
// one through wrangler, whose schema is the deployment's business (`wrangler d1 migrations apply DB --remote`).
import { type Actor, tool } from "../../src/domain/actor.ts";
import type { Db } from "../../src/domain/db.ts";
import { DEFAULT_STATE, applyMigrations, openLocalEnv, resolveState } from "./local-env.ts";
import { WranglerD1 } from "./wrangler-d1.ts";

export type Database = { db: Db; remote: boolean; close: () => Promise<void> };

/** The deployed database, or the local one in `state` (a --persist-to or v3 directory; default the usual one). */
export async function openDatabase(remote: boolean, state: string | undefined): Promise<Database> {
  if (remote) return { db: new WranglerD1(), remote, close: async () => {} };
  const dir = state ? resolveState(state) : DEFAULT_STATE;
  const env = await openLocalEnv(dir);
  await applyMigrations(env.db);
  return { db: env.db, remote, close: env.dispose };
}

/** Which database, as the tools' messages name it. */
export const where = (d: Database) => (d.remote ? "the remote database" : "the local database");

/** Who the audit log says acted: the tool, run by this machine's user, with an admin's rights. */
export function toolActor(name: string, d: Database): Actor {
  const user = process.env.USER ?? process.env.USERNAME ?? "unknown user";
  return tool(`${name} CLI (${user}${d.remote ? ", remote" : ""})`, "admin");
}

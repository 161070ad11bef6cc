// Runs before each test file. One workerd serves many test files in turn (vitest.config.ts, `isolate: false`:
// starting a runtime and loading the Worker for each file cost more than the tests themselves), so each file
// starts here from what a fresh runtime would give it: empty databases with every migration applied, an
// empty bucket, and a cache no earlier file has written to.
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { startFile } from "./file-state.ts";

/** Drops every table and view of `db` (foreign keys checked at the end, when nothing is left to point at). */
async function emptied(db: D1Database): Promise<void> {
  // SQLite's own list, which names a virtual table's shadow tables (an FTS5 index's _data, _idx, …) as such:
  // those go with their virtual table.
  const { results } = await db
    .prepare("SELECT type, name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'view', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'")
    .all<{ type: string; name: string }>();
  if (results.length === 0) return;
  const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
  await db.batch([
    db.prepare("PRAGMA defer_foreign_keys = ON"),
    ...results.map((r) => db.prepare(`DROP ${r.type === "view" ? "VIEW" : "TABLE"} ${quoted(r.name)}`)),
  ]);
}

async function emptiedBucket(bucket: R2Bucket): Promise<void> {
  for (;;) {
    const listed = await bucket.list({ limit: 1000 });
    if (listed.objects.length === 0) return;
    await bucket.delete(listed.objects.map((o) => o.key));
  }
}

const file = startFile();
await Promise.all([emptied(env.DB), emptied(env.MIGRATION_DB), emptiedBucket(env.MEDIA)]);
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
// The Worker reads and writes `caches.default`; a named cache of this file's own stands in for it.
Object.defineProperty(caches, "default", { value: await caches.open(`test-file-${file}`), configurable: true });

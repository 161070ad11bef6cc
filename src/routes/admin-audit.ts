// The audit log for editors and admins, under /api/v1/admin/audit: who (a key, a person or a tool) did
// what and when, newest first, by article, actor or action, paged by the entry id.
import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { pageOf } from "../http/list-query.ts";
import { AuditListQuery } from "../http/api-queries.ts";
import { parseQuery } from "../http/query.ts";
import { listAudit } from "../db/audit.ts";
import { auditJson } from "../render/staff-json.ts";

export const adminAudit = new Hono<AppEnv>();

adminAudit.get("/", async (c) => {
  const q = parseQuery(c, AuditListQuery);
  const rows = await listAudit(c.var.db, {
    limit: q.limit + 1,
    ...(q.article !== undefined && { articleId: q.article }),
    ...(q.actor !== undefined && { actorId: q.actor }),
    ...(q.action !== undefined && { action: q.action }),
    ...(q.cursor && { beforeId: q.cursor[0] }),
  });
  const page = pageOf(rows, q.limit, (a) => [a.id]);
  c.header("Cache-Control", "no-store");
  return c.json({ items: page.items.map(auditJson), next_cursor: page.next_cursor });
});

// What 操作日志 (/desk/audit) shows for a query string: its filters checked (blank fields are no filter, as a
// GET form sends them), and the cursor of the page, the id of the last entry shown.
import * as v from "valibot";
import { Cursor, KeyNumber } from "../http/list-query.ts";
import type { AuditFilters } from "./pages/audit.ts";

const blankOr = <T>(schema: v.GenericSchema<string, T>) => v.optional(v.union([v.literal(""), schema]));
const Id = v.pipe(v.string(), v.regex(/^[1-9][0-9]{0,15}$/, "must be a positive whole number"), v.transform(Number));

export const AuditQuerySchema = v.objectWithRest(
  {
    article: blankOr(Id),
    actor: blankOr(Id),
    action: blankOr(v.pipe(v.string(), v.regex(/^[a-z_]{1,32}\.[a-z_]{1,32}$/, "must be an action such as article.publish"))),
    cursor: v.optional(Cursor(v.strictTuple([KeyNumber]))),
  },
  v.never("is not a filter of this log"),
);

export function auditFiltersOf(q: v.InferOutput<typeof AuditQuerySchema>): { filters: AuditFilters; cursor: number | undefined } {
  const filters: AuditFilters = {
    ...(q.article !== undefined && q.article !== "" && { article: q.article }),
    ...(q.actor !== undefined && q.actor !== "" && { actor: q.actor }),
    ...(q.action !== undefined && q.action !== "" && { action: q.action }),
  };
  return { filters, cursor: q.cursor?.[0] };
}

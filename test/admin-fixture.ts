// An editor's change through the articles API, as the reader-side tests make one: it must succeed, and
// its follow-ups (purges, pings) have settled before it returns. Edits overwrite whatever version is
// current (If-Match: *): these tests are about what readers see, not about racing editors.
import { expect } from "vitest";
import { settledFetch } from "./settle.ts";

export type AdminAnswer = Record<string, unknown> & { id: number; version: number; updated_at: string; purge?: { tags: string[] } };

export async function admin(key: { headers: Record<string, string> }, method: string, path: string, body?: unknown): Promise<AdminAnswer> {
  const res = await settledFetch(`http://localhost/api/v1/admin/articles${path}`, {
    method,
    headers: { ...key.headers, ...(body !== undefined && { "Content-Type": "application/json" }), ...(method === "PATCH" && { "If-Match": "*" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as AdminAnswer;
}

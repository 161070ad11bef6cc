// Calls to the front page's admin API (slots and topics) as the tests make them: the answer's status and JSON,
// with every follow-up (the purge) settled before it returns.
import type { TestKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

export type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: { path: string; message: string }[] } };

export async function call(key: TestKey, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await settledFetch(`http://localhost/api/v1/admin${path}`, {
    method,
    headers: { ...key.headers, ...headers, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (res.headers.get("Content-Type") ?? "").includes("json") ? ((await res.json()) as Json) : ({} as Json);
  return { res, json, status: res.status };
}

export type SlotJson = Json & {
  slug: string;
  version: number;
  capacity: number;
  items: { article_id: number; title: string; image: string | null; expires_at: string | null }[];
  dropped?: number[];
  purge: { tags: string[] };
};

export type TopicJson = Json & { slug: string; title: string; version: number; groups: { id: number; name: string; articles: number }[]; purge: { tags: string[] } };

/** A slot of the test's own, made by `admin` (capacity 3 unless given). */
export async function makeSlot(admin: TestKey, slug: string, extra: Record<string, unknown> = {}): Promise<SlotJson> {
  const { status, json } = await call(admin, "POST", "/slots", { slug, name: "测试位", capacity: 3, ...extra });
  if (status !== 201) throw new Error(`makeSlot: ${status} ${JSON.stringify(json)}`);
  return json as SlotJson;
}

/** A topic of the test's own, with these groups. */
export async function makeTopic(editor: TestKey, slug: string, groups: string[] = ["最新报道", "背景"], extra: Record<string, unknown> = {}): Promise<TopicJson> {
  const { status, json } = await call(editor, "POST", "/topics", { slug, title: `专题 ${slug}`, groups: groups.map((name) => ({ name })), ...extra });
  if (status !== 201) throw new Error(`makeTopic: ${status} ${JSON.stringify(json)}`);
  return json as TopicJson;
}

/** A slug no other test uses (slot slugs are at most 32 characters). */
export const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-5)}${Math.floor(Math.random() * 1e8).toString(36)}`;

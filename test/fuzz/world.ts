// What the fuzzer's requests refer to: a newsroom made through the write path (sections, published articles,
// drafts of an author, one in the trash, one scheduled, images), a key of each role for the fuzzer itself,
// keys it may revoke and rotate, and what the answers add as the run goes on (new articles, versions,
// cursors). The fuzzer's own keys are never a target: it would lock itself out.
import { env } from "cloudflare:workers";
import type { Role } from "../../src/domain/role.ts";
import { generateKey } from "../../src/auth/keys.ts";
import { createApiKey, revokeApiKey, rotateApiKey } from "../../src/db/keys.ts";
import { TEST_ACTOR, makeArticle, makeImage, makeSection, uniqueSlug } from "../fixtures.ts";
import { type TestKey, makeKey } from "../keys-fixture.ts";
import * as images from "../fixtures/images.ts";
import { settledFetch } from "../settle.ts";

export type World = {
  sections: string[];
  /** Every article id the fuzzer knows, with the version its last answer said. */
  versions: Map<number, number>;
  mediaKeys: string[];
  keys: Record<Role, TestKey>;
  /** Key ids the fuzzer may revoke and rotate (never its own). */
  targetKeys: number[];
  /** Secrets that do not authenticate: a revoked key's, a rotated key's old one. */
  deadSecrets: { revoked: string; rotated: string };
  /** next_cursor values answers gave, by operation. */
  cursors: Map<string, string[]>;
  /** A signed preview needs a secret; the fuzzer's requests have it or not. */
  previewSecret: string;
};

export const articleIds = (w: World) => [...w.versions.keys()];

/** Picks from a list by a generated index, so one generated request works whatever the list holds by then. */
export const pick = <T>(list: readonly T[], index: number): T | undefined => list[index % Math.max(1, list.length)];

async function deadSecrets(): Promise<World["deadSecrets"]> {
  const revoked = await createApiKey(env.DB, { name: "fuzz revoked", role: "editor" }, await generateKey());
  await revokeApiKey(env.DB, revoked.key.id, TEST_ACTOR);
  const rotated = await createApiKey(env.DB, { name: "fuzz rotated", role: "editor" }, await generateKey());
  await rotateApiKey(env.DB, rotated.key.id, await generateKey(), TEST_ACTOR);
  return { revoked: revoked.secret, rotated: rotated.secret };
}

export async function makeWorld(): Promise<World> {
  const root = uniqueSlug("fz");
  const sections = [root, `${root}/news`, `${root}/news/city`, `${uniqueSlug("fy")}`];
  for (const s of sections) await makeSection(s, "栏目");
  const keys = { author: await makeKey("author"), editor: await makeKey("editor"), admin: await makeKey("admin") };
  const media = [await makeImage(images.jpeg(), { alt: "图" }), await makeImage(images.png())];
  const start = Date.UTC(2025, 0, 1);
  const made = [];
  for (let i = 0; i < 5; i++) {
    made.push(await makeArticle({ section: sections[i % 3] as string, title: `岚江新闻${i}`, body: "岚江两岸灯火璀璨。", publishedAt: start + i * 60_000 }));
  }
  made.push(
    await makeArticle({ section: sections[1] as string, title: "封面文章", cover_image: media[0]?.key ?? null, body: `![图](/media/${media[1]?.key})` }),
    await makeArticle({ section: sections[2] as string, title: "定时", status: "scheduled", publish_at: Date.now() + 86_400_000 }),
  );
  const versions = new Map(made.map((a) => [a.id, a.version]));
  // Drafts an author owns, so an author's edits can succeed; one of them in the trash.
  for (const title of ["作者草稿", "作者草稿二", "回收站"]) {
    const res = await fetchAs(keys.author, "POST", "/api/v1/admin/articles", { section: sections[1], title });
    const created = (await res.json()) as { id: number; version: number };
    versions.set(created.id, created.version);
  }
  const trashed = [...versions.keys()].at(-1) as number;
  const gone = await fetchAs(keys.author, "DELETE", `/api/v1/admin/articles/${trashed}`);
  versions.set(trashed, ((await gone.json()) as { version: number }).version);
  const targets = await Promise.all((["author", "editor", "admin"] as const).map(async (role) => (await createApiKey(env.DB, { name: `fuzz target ${role}`, role }, await generateKey())).key.id));
  return {
    sections,
    versions,
    mediaKeys: media.map((m) => m.key),
    keys,
    targetKeys: targets,
    deadSecrets: await deadSecrets(),
    cursors: new Map(),
    previewSecret: "a preview secret of the fuzzer's own",
  };
}

async function fetchAs(key: TestKey, method: string, path: string, body?: unknown): Promise<Response> {
  const res = await settledFetch(`http://localhost${path}`, {
    method,
    headers: { ...key.headers, ...(body !== undefined && { "Content-Type": "application/json" }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`fuzz world: ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res;
}

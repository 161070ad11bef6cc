// What the fuzzer's requests refer to: a newsroom made through the write path (sections, published articles,
// drafts of an author, one in the trash, one waiting for review, one scheduled, images, slots and topics with
// articles in them), a key of each role for the fuzzer itself,
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
import { type Person, invitePerson, makePerson } from "../staff-fixture.ts";
import { SoftwareAuthenticator } from "../software-authenticator.ts";

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
  /** A signed-in person of each role (their cookie is renewed when a request of the run ends it). */
  persons: Record<Role, Person>;
  /** A session cookie that no longer signs anyone in. */
  deadCookie: string;
  /** People the fuzzer may edit, disable and sign out (never its own). */
  targetStaff: number[];
  /**
   * What a sign-in may be tried with: the logins and passwords of people the run signs in as and locks out
   * (never its own, whose sessions it renews), and invite links' tokens.
   */
  signInPeople: Person[];
  logins: string[];
  passwords: string[];
  linkTokens: string[];
  /** People whose session a request of the run ended: signed in again before they are next used. */
  stale: Set<Role>;
  /** Session ids answers showed, by whose they are (a person's own list, or an admin's list of someone's). */
  sessionIds: Map<string, number[]>;
  passkeyIds: Map<string, number[]>;
  /** The role of the person sending the request being built, when a person sends it. */
  sender: Role | null;
  /** Published articles: what a slot or topic may hold. */
  published: number[];
  /** Slots and topics the path's slug may name (those the run makes join them), their groups' ids, and versions by slug. */
  slots: string[];
  topics: string[];
  topicGroups: number[];
  curationVersions: Map<string, number>;
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
  // Drafts of the desk's, so any editor's submit (提交审核) can succeed.
  for (const title of ["编辑草稿", "编辑草稿二", "编辑草稿三"]) {
    const created = (await (await fetchAs(keys.editor, "POST", "/api/v1/admin/articles", { section: sections[2], title })).json()) as { id: number; version: number };
    versions.set(created.id, created.version);
  }
  // One waiting for review (待审), so an editor's return and an author's recall can succeed from the start.
  const waiting = await fetchAs(keys.author, "POST", "/api/v1/admin/articles", { section: sections[1], title: "待审稿" });
  const waitingId = ((await waiting.json()) as { id: number }).id;
  const submitted = await fetchAs(keys.author, "POST", `/api/v1/admin/articles/${waitingId}/submit`, { note: "请审" });
  versions.set(waitingId, ((await submitted.json()) as { version: number }).version);
  // Slots and topics holding published articles, made as the desk makes them, so their operations can succeed.
  const published = made.slice(0, 5).map((a) => a.id);
  const slots: string[] = [];
  const topics: string[] = [];
  const topicGroups: number[] = [];
  const curationVersions = new Map<string, number>();
  for (const i of [0, 1]) {
    const slug = uniqueSlug("fzs");
    await fetchAs(keys.admin, "POST", "/api/v1/admin/slots", { slug, name: `快讯${i}`, capacity: 5 });
    // Full, so removing any published article from it can succeed.
    let version = 1;
    for (const article_id of published) version = ((await (await fetchAs(keys.editor, "POST", `/api/v1/admin/slots/${slug}/items`, { article_id })).json()) as { version: number }).version;
    slots.push(slug);
    curationVersions.set(slug, version);
  }
  for (const i of [0, 1]) {
    const slug = uniqueSlug("fzt");
    const made = (await (await fetchAs(keys.editor, "POST", "/api/v1/admin/topics", { slug, title: `岚江专题${i}`, groups: [{ name: "要闻" }, { name: "图片" }] })).json()) as { groups: { id: number }[] };
    const groups = made.groups.map((g) => g.id);
    const placed = (await (await fetchAs(keys.editor, "PUT", `/api/v1/admin/topics/${slug}/articles/${published[i + 2]}`, { group: groups[0] })).json()) as { version: number };
    topics.push(slug);
    topicGroups.push(...groups);
    curationVersions.set(slug, placed.version);
  }
  const targets = await Promise.all((["author", "editor", "admin"] as const).map(async (role) => (await createApiKey(env.DB, { name: `fuzz target ${role}`, role }, await generateKey())).key.id));
  const persons = { author: await makePerson("author"), editor: await makePerson("editor"), admin: await makePerson("admin") };
  const leaving = await makePerson("author");
  const signInPeople = [await makePerson("editor"), await makePerson("author")];
  await settledFetch("http://localhost/api/v1/auth/logout", { method: "POST", headers: { Cookie: leaving.cookie, ...DESK } });
  const invited = [await invitePerson("author"), await invitePerson("editor"), await invitePerson("author"), await invitePerson("admin")];
  // A passkey each, from a software authenticator, so renaming and removing one can succeed.
  const passkeyIds = new Map<string, number[]>();
  for (const [role, person] of Object.entries(persons)) passkeyIds.set(role, [await registerPasskey(person), await registerPasskey(person)]);
  return {
    persons,
    deadCookie: leaving.cookie,
    targetStaff: [leaving.staff.id, ...invited.map((i) => i.staff.id)],
    signInPeople,
    logins: [...signInPeople.map((p) => p.login), leaving.login, "nobody"],
    passwords: [...signInPeople.map((p) => p.password), "wrong password 2026"],
    linkTokens: invited.map((i) => i.token),
    stale: new Set(),
    sessionIds: new Map(),
    passkeyIds,
    sender: null,
    published,
    slots,
    topics,
    topicGroups,
    curationVersions,
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

/** Registers a passkey for `person` through the API, as the desk does with a browser's authenticator; its id. */
async function registerPasskey(person: Person): Promise<number> {
  const deskAs = (body: unknown): RequestInit => ({ method: "POST", headers: { Cookie: person.cookie, ...DESK }, body: JSON.stringify(body) });
  const options = await (await settledFetch("http://localhost/api/v1/admin/me/passkeys/options", deskAs({}))).json<{ challenge: string; user: { id: string } }>();
  const response = await new SoftwareAuthenticator().register(options, { origin: "http://localhost", rpId: "localhost" });
  const res = await settledFetch("http://localhost/api/v1/admin/me/passkeys", deskAs({ response, name: "办公室电脑" }));
  if (res.status !== 201) throw new Error(`fuzz world: a passkey for ${person.login} answered ${res.status}`);
  return (await res.json<{ id: number }>()).id;
}

/** What the desk's pages send with a change. */
const DESK = { "X-Masthead-Desk": "1", "Content-Type": "application/json", Origin: "http://localhost" };

/** Signs `person` in again, after a request of the run ended their session or changed their password. */
export async function renewSession(person: Person): Promise<void> {
  const res = await settledFetch("http://localhost/api/v1/auth/login", {
    method: "POST",
    headers: { ...DESK, "CF-Connecting-IP": person.ip },
    body: JSON.stringify({ login: person.login, password: person.password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-masthead_session="))?.split(";")[0];
  if (res.status !== 200 || !cookie) throw new Error(`fuzz world: ${person.login} could not sign in again (${res.status})`);
  person.cookie = cookie;
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

// The fuzzer's run: requests generated from the document for every operation, taken in turn (so the state one
// leaves — a publish, a trash, a revoked key — is what the next meets), sent to the Worker directly (no
// HTTP), each answer checked: no server error, a documented status, a body its schema allows, no request the
// document forbids accepted, no field it allows refused with a 400. Seeded, so a run is repeatable.
import fc from "fast-check";
import type { Role } from "../../src/domain/role.ts";
import type { OpenApiDocument } from "../../src/openapi/document.ts";
import { type Answer, type DocumentedOperation, answerOf, answerProblems, operationsOf } from "../openapi-check.ts";
import { settledFetch } from "../settle.ts";
import { type Sent, type SentBody, forbiddenBy } from "./oracle.ts";
import { type Auth, LOGINS_PASSWORD, type RequestSpec, SENDERS_PASSWORD, requestsFor } from "./requests.ts";
import { type World, renewSession } from "./world.ts";

export type Problem = { operation: string; request: string; status: number; problem: string; answer: string };

export type Report = {
  requests: number;
  seconds: number;
  /** By operation id: how many requests, by status. */
  statuses: Map<string, Map<number, number>>;
  /** Requests the document forbids, by operation: how many the run sent. */
  forbidden: Map<string, number>;
  /** Milliseconds spent, by operation. */
  spent: Map<string, number>;
  problems: Problem[];
};

const SHARED_ADDRESS = "2001:db8:f022::1";
const UNKNOWN_KEY = `mh_aaaaaaaa_${"a".repeat(52)}`;

type Credentials = { authorization: string | null; cookie: string | null };

function credentialsOf(auth: Auth, w: World): Credentials {
  const none = { authorization: null, cookie: null };
  switch (auth) {
    case "admin":
    case "editor":
    case "author":
      return { ...none, authorization: w.keys[auth].authHeader };
    case "session-admin":
    case "session-editor":
    case "session-author":
      return { ...none, cookie: w.persons[roleOf(auth) as Role].cookie };
    case "dead-session":
      return { ...none, cookie: w.deadCookie };
    case "none":
      return none;
    case "malformed":
      return { ...none, authorization: "Bearer junk" };
    case "unknown-key":
      return { ...none, authorization: `Bearer ${UNKNOWN_KEY}` };
    case "revoked":
      return { ...none, authorization: `Bearer ${w.deadSecrets.revoked}` };
    case "rotated":
      return { ...none, authorization: `Bearer ${w.deadSecrets.rotated}` };
    case "basic":
      return { ...none, authorization: "Basic dXNlcjpwYXNz" };
  }
}

const roleOf = (auth: Auth): Role | null => {
  const role = auth.replace(/^session-/, "");
  return role === "admin" || role === "editor" || role === "author" ? role : null;
};

/** The JSON text of a body, with a member written twice when the spec asks. */
function jsonText(value: unknown, duplicate: boolean): string {
  const text = JSON.stringify(value);
  if (!duplicate) return text;
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const [first] = Object.entries(value);
    if (first) return `{${JSON.stringify(first[0])}:${JSON.stringify(first[1])},${text.slice(1)}`;
  }
  return '{"title":"甲","title":"乙"}';
}

function credentialKind(auth: Auth): Sent["credential"] {
  if (auth === "dead-session") return "bad-session";
  if (auth.startsWith("session-")) return "session";
  if (auth === "none" || auth === "malformed" || auth === "basic") return "none";
  return roleOf(auth) ? "key" : "bad-key";
}

/** The stand-ins for passwords replaced by the real ones: the sender's, and that of the login a sign-in names. */
function withPasswords(text: string, w: World): string {
  const sender = w.sender ? w.persons[w.sender].password : "";
  const login = /"login":("(?:[^"\\]|\\.)*")/.exec(text)?.[1];
  const named = w.signInPeople.find((p) => login !== undefined && p.login === JSON.parse(login))?.password ?? "nobody's password";
  return text.replaceAll(JSON.stringify(SENDERS_PASSWORD), JSON.stringify(sender)).replaceAll(JSON.stringify(LOGINS_PASSWORD), JSON.stringify(named));
}

type Built = { url: string; init: RequestInit; sent: Sent; bindings: Record<string, string> };

let address = 0;

function build(documented: DocumentedOperation, spec: RequestSpec, w: World): Built {
  const pathParams = Object.fromEntries(Object.entries(spec.params).map(([name, value]) => [name, value(w)]));
  const path = documented.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathParams[name] ?? "");
  const search = spec.query(w);
  const headers = new Headers();
  const { authorization, cookie } = credentialsOf(spec.auth, w);
  if (authorization) headers.set("Authorization", authorization);
  if (cookie) headers.set("Cookie", cookie);
  if (spec.desk === "as-the-desk" || spec.desk === "other-origin") headers.set("X-Masthead-Desk", "1");
  if (spec.desk === "as-the-desk" || spec.desk === "no-header") headers.set("Origin", "http://localhost");
  if (spec.desk === "other-origin") headers.set("Origin", "https://evil.example");
  // The desk sends its JSON Content-Type with every change, a body or none (auth/csrf.ts).
  if (spec.desk === "as-the-desk") headers.set("Content-Type", "application/json");
  address += 1;
  headers.set("CF-Connecting-IP", spec.sharedAddress ? SHARED_ADDRESS : `2001:db8:f0:${address.toString(16)}::1`);
  for (const [name, value] of Object.entries(spec.headers)) headers.set(name, value(w));
  let body: BodyInit | undefined;
  let sentBody: SentBody | null = null;
  const b = spec.body;
  if (b?.kind === "json" || b?.kind === "text") {
    const text = b.kind === "json" ? withPasswords(jsonText(b.value(w), b.duplicate ?? false), w) : b.text;
    if (b.contentType) headers.set("Content-Type", b.contentType);
    body = text;
    sentBody = { kind: "json", contentType: headers.get("Content-Type"), text, duplicate: b.kind === "json" && (b.duplicate ?? false) };
  } else if (b?.kind === "bytes") {
    const bytes = b.bytes();
    if (b.contentType) headers.set("Content-Type", b.contentType);
    body = bytes;
    sentBody = { kind: "bytes", contentType: headers.get("Content-Type"), size: bytes.length };
  } else if (b?.kind === "form") {
    // The form's own multipart Content-Type, with its boundary, is what fetch sends.
    headers.delete("Content-Type");
    const form = new FormData();
    for (const [name, value] of b.fields) form.append(name, value === "file" ? new File([b.file()], "photo.jpg") : value);
    body = form;
    sentBody = { kind: "form", fields: b.fields };
  }
  return {
    url: `http://localhost${path}${search}`,
    init: { method: documented.method, headers, redirect: "manual", ...(body !== undefined && { body }) },
    sent: {
      method: documented.method,
      role: spec.auth === "dead-session" ? null : roleOf(spec.auth),
      credential: credentialKind(spec.auth),
      pathParams,
      search,
      headers,
      body: sentBody,
    },
    bindings: spec.withPreviewSecret ? { PREVIEW_SECRET: w.previewSecret } : {},
  };
}

/** Operations that end the caller's own session, or change their password, when they succeed. */
const ENDS_SESSION = new Set(["signOut", "signOutEverywhere", "changePassword", "endSession"]);

/** What an answer teaches the run: an article's version, a new article, key, image, session or passkey, a cursor; a session ended. */
function learn(documented: DocumentedOperation, answer: Answer, w: World, person: Role | null, sent: Sent) {
  const id = documented.op.operationId;
  if (person && ENDS_SESSION.has(id)) {
    if (id === "changePassword" && sent.body?.kind === "json") w.persons[person].password = (JSON.parse(sent.body.text) as { new_password: string }).new_password;
    // Signed in again when next needed: several endings in a row cost one sign-in.
    w.stale.add(person);
  }
  if (!/json/.test(answer.contentType ?? "")) return;
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  if (typeof body.id === "number" && typeof body.version === "number" && /\/articles(?:\/|$)/.test(documented.path) && !/slots|topics/.test(documented.path)) w.versions.set(body.id, body.version);
  learnCuration(documented, body, w);
  if (typeof body.next_cursor === "string") {
    const key = `${documented.method} ${documented.path}`;
    const seen = w.cursors.get(key) ?? [];
    if (seen.length < 20) w.cursors.set(key, [...seen, body.next_cursor]);
  }
  const key = body.key as { id?: unknown } | undefined;
  if (id === "createKey" && typeof key?.id === "number") w.targetKeys.push(key.id);
  const staff = body.staff as { id?: unknown } | undefined;
  if (id === "inviteStaff" && typeof staff?.id === "number") w.targetStaff.push(staff.id);
  if (id === "uploadImage" && typeof body.key === "string" && !w.mediaKeys.includes(body.key)) w.mediaKeys.push(body.key);
  const items = Array.isArray(body.items) ? (body.items as { id?: unknown }[]) : [];
  if (id === "listSessions" && person) w.sessionIds.set(person, items.flatMap((s) => (typeof s.id === "number" ? [s.id] : [])));
  if (id === "listPasskeys" && person) w.passkeyIds.set(person, items.flatMap((p) => (typeof p.id === "number" ? [p.id] : [])));
}

/** A slot or topic an answer showed: its version, a new one's slug (so a run that deletes the world's has others), a topic's groups. */
function learnCuration(documented: DocumentedOperation, body: Record<string, unknown>, w: World) {
  const kind = /\/admin\/slots/.test(documented.path) ? "slots" : /\/admin\/topics/.test(documented.path) ? "topics" : null;
  const shown = body as { slug?: unknown; version?: unknown; groups?: { id?: unknown }[] };
  if (!kind || typeof shown.slug !== "string") return;
  const slug = shown.slug;
  if (!w[kind].includes(slug)) w[kind].push(slug);
  if (typeof shown.version === "number") w.curationVersions.set(slug, shown.version);
  for (const g of shown.groups ?? []) if (typeof g.id === "number" && !w.topicGroups.includes(g.id)) w.topicGroups.push(g.id);
}

/** Parameters whose validity the document states in words only (an opaque cursor, a query's terms, an id past 2^53). */
const CHECKED_FURTHER = new Set(["cursor", "q", "id"]);

/** A 400 for a request the document allows is a disagreement when it names a field the document describes. */
function refusedAllowed(documented: DocumentedOperation, sent: Sent, answer: Answer): string | null {
  if (answer.status !== 400 || documented.op.requestBody?.content["multipart/form-data"]) return null;
  const details = (JSON.parse(answer.body) as { error?: { details?: { path: string }[] } }).error?.details ?? [];
  const query = new Set(documented.op.parameters.filter((p) => p.in === "query").map((p) => p.name));
  const named = details.filter((d) => !CHECKED_FURTHER.has(d.path) && (query.has(d.path) || (sent.body?.kind === "json" && d.path !== "(body)" && !/^[A-Z]|^x-/.test(d.path))));
  return named.length ? `the document allows ${named.map((d) => d.path).join(", ")}, the server refused it` : null;
}

const describe = (built: Built) => {
  const headers = [...(built.init.headers as Headers)].filter(([n]) => n !== "cf-connecting-ip").map(([n, v]) => `${n}: ${n === "authorization" ? v.slice(0, 20) : v}`);
  const body = built.sent.body?.kind === "json" ? ` ${built.sent.body.text.slice(0, 300)}` : built.sent.body ? ` (${built.sent.body.kind})` : "";
  return `${built.init.method} ${built.url.replace("http://localhost", "")} [${headers.join("; ")}]${body}`;
};

export async function fuzz(doc: OpenApiDocument, w: World, opts: { seed: number; perOperation: number }): Promise<Report> {
  const started = Date.now();
  const operations = operationsOf(doc);
  const specs = operations.map((op, i) => fc.sample(requestsFor(op, doc, w), { seed: opts.seed + i, numRuns: opts.perOperation }));
  const report: Report = { requests: 0, seconds: 0, statuses: new Map(), forbidden: new Map(), spent: new Map(), problems: [] };
  for (let round = 0; round < opts.perOperation; round++) {
    for (const [i, documented] of operations.entries()) {
      const spec = specs[i]?.[round];
      if (!spec) continue;
      const person = spec.auth.startsWith("session-") ? roleOf(spec.auth) : null;
      if (person && w.stale.delete(person)) await renewSession(w.persons[person]);
      w.sender = person;
      const built = build(documented, spec, w);
      const sentAt = Date.now();
      const answer = await answerOf(await settledFetch(built.url, built.init, built.bindings));
      report.spent.set(documented.op.operationId, (report.spent.get(documented.op.operationId) ?? 0) + Date.now() - sentAt);
      report.requests += 1;
      const id = documented.op.operationId;
      const counts = report.statuses.get(id) ?? new Map<number, number>();
      counts.set(answer.status, (counts.get(answer.status) ?? 0) + 1);
      report.statuses.set(id, counts);
      const problems = answerProblems(doc, documented, answer);
      // A 503 is the service saying so (D1 unreachable, previews off), each documented where it can happen.
      if (answer.status >= 500 && answer.status !== 503) problems.push("a server error");
      const forbidden = forbiddenBy(doc, documented, built.sent);
      if (forbidden.length) report.forbidden.set(id, (report.forbidden.get(id) ?? 0) + 1);
      if (forbidden.length && answer.status < 400) problems.push(`accepted what the document forbids: ${forbidden.join("; ")}`);
      if (!forbidden.length && answer.status < 500 && problems.length === 0) {
        const refused = refusedAllowed(documented, built.sent, answer);
        if (refused) problems.push(refused);
      }
      for (const problem of problems) report.problems.push({ operation: id, request: describe(built), status: answer.status, problem, answer: answer.body.slice(0, 400) });
      if (answer.status < 300) learn(documented, answer, w, person, built.sent);
    }
  }
  report.seconds = (Date.now() - started) / 1000;
  return report;
}

/** The run as a table: each operation, its requests, the statuses it answered, how many requests the document forbade. */
export function summary(report: Report): string {
  const lines = [...report.statuses].map(([id, counts]) => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const statuses = [...counts].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
    const ms = (report.spent.get(id) ?? 0) / Math.max(1, total);
    return `  ${id.padEnd(26)} ${String(total).padStart(5)} ${ms.toFixed(1).padStart(6)} ms  forbidden ${String(report.forbidden.get(id) ?? 0).padStart(4)}  ${statuses}`;
  });
  return [
    `${report.requests} requests over ${report.statuses.size} operations in ${report.seconds.toFixed(1)} s; ${report.problems.length} problems`,
    ...lines,
  ].join("\n");
}

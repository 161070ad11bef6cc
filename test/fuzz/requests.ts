// One generated request per draw, for one operation of the document: who sends it (a key of each role, none,
// a wrong, revoked or rotated one), its path parameters, query string, headers and body, each from the
// operation's own schemas and the world's data, valid most of the time and otherwise at or past a bound, of
// the wrong type, missing, repeated, unknown, oddly encoded or under the wrong media type. What refers to
// the world (an article, its version, a cursor) is resolved when the request is sent, from what the run
// has seen by then.
import fc from "fast-check";
import type { OpenApiDocument } from "../../src/openapi/document.ts";
import type { JsonSchema } from "../../src/openapi/json-schema.ts";
import type { DocumentedOperation } from "../openapi-check.ts";
import * as images from "../fixtures/images.ts";
import { IMAGES_HOST } from "../stand-in-images.ts";
import { type Hint, type Json, type Mode, anyJson, plainText, text, valueOf } from "./values.ts";
import { type World, articleIds, pick } from "./world.ts";

export type Auth =
  | "admin"
  | "editor"
  | "author"
  | "session-admin"
  | "session-editor"
  | "session-author"
  | "none"
  | "malformed"
  | "unknown-key"
  | "revoked"
  | "rotated"
  | "basic"
  | "dead-session";

/** A part of a request that depends on the world as it is when the request is sent. */
export type Resolved<T> = (w: World) => T;

export type BodySpec =
  | { kind: "json"; value: Resolved<Json>; contentType: string | null; duplicate?: boolean }
  | { kind: "text"; text: string; contentType: string | null }
  | { kind: "bytes"; bytes: () => Uint8Array; contentType: string | null }
  | { kind: "form"; fields: [string, string | "file"][]; file: () => Uint8Array };

export type RequestSpec = {
  auth: Auth;
  /** One address shared by every request that draws it, so a run of wrong keys locks it out (429). */
  sharedAddress: boolean;
  params: Record<string, Resolved<string>>;
  /** The query string as sent: pairs, or a raw spelling. */
  query: Resolved<string>;
  headers: Record<string, Resolved<string>>;
  body: BodySpec | null;
  withPreviewSecret: boolean;
  /** The desk's header and Origin, as its pages send them with a change; now and then left out or wrong. */
  desk: "as-the-desk" | "no-header" | "other-origin" | "none";
};

const WRONG_KEYS = fc.constantFrom<Auth>("none", "malformed", "unknown-key", "revoked", "rotated", "basic", "dead-session");
const SESSIONS = fc.constantFrom<Auth>("session-admin", "session-editor", "session-author");

/** Mostly the role the operation needs, often another, by key or by session, now and then no credential or a wrong one. */
const authFor = (least: string): fc.Arbitrary<Auth> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom<Auth>(least as Auth, `session-${least}` as Auth) },
    { weight: 5, arbitrary: fc.oneof(fc.constantFrom<Auth>("admin", "editor", "author"), SESSIONS) },
    { weight: 2, arbitrary: WRONG_KEYS },
  );
const AUTH_PUBLIC: fc.Arbitrary<Auth> = fc.oneof({ weight: 12, arbitrary: fc.constant<Auth>("none") }, { weight: 1, arbitrary: fc.constantFrom<Auth>("editor", "unknown-key", "malformed", "session-editor") });
const AUTH_PEOPLE: fc.Arbitrary<Auth> = fc.oneof({ weight: 8, arbitrary: SESSIONS }, { weight: 2, arbitrary: fc.constantFrom<Auth>("admin", "editor", "dead-session", "none") });
const AUTH_ANYONE: fc.Arbitrary<Auth> = fc.oneof({ weight: 8, arbitrary: fc.constant<Auth>("none") }, { weight: 1, arbitrary: fc.constantFrom<Auth>("session-editor", "editor") });

const DESK = fc.oneof(
  { weight: 10, arbitrary: fc.constant<RequestSpec["desk"]>("as-the-desk") },
  { weight: 1, arbitrary: fc.constantFrom<RequestSpec["desk"]>("no-header", "other-origin", "none") },
);

/** An index into a list the world holds when the request goes out. */
const index = fc.nat({ max: 1_000_000 });

const badIds = fc.constantFrom("0", "01", "-1", "1.5", "1e3", "9007199254740992", "99999999999999999", "abc", "%E5%B2%9A", "%2F1", "1%00", " 1");

/** A path parameter: something the world has, something it does not, or something that is no id at all. */
function paramOf(name: string, op: DocumentedOperation): fc.Arbitrary<Resolved<string>> {
  const isKey = op.path.includes("/keys/");
  const isStaff = op.path.includes("/staff/");
  const isMine = op.path.includes("/me/");
  if (name === "key") {
    return fc.oneof(
      { weight: 6, arbitrary: index.map((i) => (w: World) => pick(w.mediaKeys, i) ?? "x") },
      { weight: 1, arbitrary: fc.constantFrom(`${"0".repeat(64)}.png`, `${"A".repeat(64)}.png`, "x.jpg", "..%2Fetc", "%00") .map((k) => () => k) },
    );
  }
  if (name === "n") {
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => () => String(n)) },
      { weight: 1, arbitrary: fc.oneof(badIds, fc.constantFrom("999999999", "1000000000")).map((n) => () => n) },
    );
  }
  if (name === "slug") {
    const list = op.path.includes("/slots/") ? (w: World) => w.slots : (w: World) => w.topics;
    return fc.oneof(
      { weight: 8, arbitrary: index.map((i) => (w: World) => pick(list(w), i) ?? "none") },
      { weight: 2, arbitrary: fc.constantFrom("no-such", "toutiao", "UPPER", "-a", "a".repeat(65), "%E5%B2%9A", "a%2Fb", "a_b").map((s) => () => s) },
    );
  }
  if (name === "article" && /\/(?:slots|topics)\//.test(op.path)) {
    // Mostly a published article, what slots and topics hold; now and then any the world knows, or none.
    return fc.oneof(
      { weight: 6, arbitrary: index.map((i) => (w: World) => String(pick(w.published, i) ?? 1)) },
      { weight: 2, arbitrary: index.map((i) => (w: World) => String(pick(articleIds(w), i) ?? 1)) },
      { weight: 1, arbitrary: fc.integer({ min: 10_000_000, max: 2 ** 40 }).map((n) => () => String(n)) },
      { weight: 1, arbitrary: badIds.map((b) => () => b) },
    );
  }
  const known = isKey
    ? index.map((i) => (w: World) => String(pick(w.targetKeys, i) ?? 1))
    : isStaff
      ? index.map((i) => (w: World) => String(pick(w.targetStaff, i) ?? 1))
      : isMine
        ? index.map((i) => (w: World) => String(pick((op.path.includes("passkeys") ? w.passkeyIds : w.sessionIds).get(w.sender ?? "") ?? [], i) ?? 1))
        : index.map((i) => (w: World) => String(pick(articleIds(w), i) ?? 1));
  // Unknown ids far above any the run makes, so no draw lands on the fuzzer's own keys.
  const unknown = fc.integer({ min: 10_000_000, max: 2 ** 40 }).map((n) => () => String(n));
  return fc.oneof({ weight: 8, arbitrary: known }, { weight: 1, arbitrary: unknown }, { weight: 1, arbitrary: badIds.map((b) => () => b) });
}

/** Values for a query parameter by its schema, the world's sections and the run's cursors. */
function queryValue(name: string, schema: JsonSchema, opKey: string, resolve: (ref: string) => JsonSchema, w0: World): fc.Arbitrary<Resolved<string>> {
  if (name === "cursor") {
    return fc.oneof(
      { weight: 4, arbitrary: index.map((i) => (w: World) => pick(w.cursors.get(opKey) ?? [], i) ?? "WzFd") },
      { weight: 1, arbitrary: fc.constantFrom("zz", "WzFd", "WzAsMF0", "W1sxXV0", "WzEuNV0", "WyJhIl0", "%", "WzEwMDAwMDAwXQ", "=", "a".repeat(201)).map((c) => () => c) },
    );
  }
  if (name === "section") return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...w0.sections) }, { weight: 1, arbitrary: fc.constantFrom("no-such", "XW", "a//b", "", "a/b/c/d/e") }).map((s) => () => s);
  if (name === "q") return fc.oneof({ weight: 4, arbitrary: fc.constantFrom("岚江", "新闻 岚江", "青岚", "巩固", "lanjiang", "嵐江") }, { weight: 2, arbitrary: text(30) }, { weight: 1, arbitrary: fc.constantFrom("", "!!!", "a ".repeat(11), "字".repeat(101)) }).map((q) => () => q);
  const mode = fc.constantFrom<Mode>("valid", "valid", "valid", "wild");
  return mode.chain((m) => valueOf(schema, resolve, () => null, m)).map((v) => () => (typeof v === "string" ? v : JSON.stringify(v)));
}

/** A lone surrogate as a careless client's UTF-8 encoder writes it (WTF-8), which encodeURIComponent refuses. */
const looseSurrogate = (unit: number) => [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");

/** A query value as a form writes it (spaces as +), lone surrogates and all. */
const enc = (s: string) =>
  [...s].map((ch) => (ch.length === 1 && ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff ? looseSurrogate(ch.charCodeAt(0)) : encodeURIComponent(ch))).join("").replace(/%20/g, "+");

/** The query string: the operation's parameters, some left out, plus now and then an unknown or repeated one, or an odd spelling. */
function queryOf(op: DocumentedOperation, resolve: (ref: string) => JsonSchema, w0: World): fc.Arbitrary<Resolved<string>> {
  const params = op.op.parameters.filter((p) => p.in === "query");
  const opKey = `${op.method} ${op.path}`;
  const pairs = fc.tuple(
    ...params.map((p) => fc.tuple(fc.constant(p.name), queryValue(p.name, p.schema, opKey, resolve, w0), fc.integer({ min: 0, max: 9 }).map((n) => (p.required ? n > 0 : n < 5)))),
  );
  const extra = fc.oneof(
    { weight: 14, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constantFrom("colour=red", "limit=2", "limit=abc", "q=x", "status=draft", "LIMIT=5", "__proto__=1", "a", "=x", "%zz=1", "q=%ED%A0%80", "cursor=", "&&", "x=%") },
  );
  return fc.tuple(pairs, extra, fc.boolean()).map(([chosen, odd, shuffle]) => (w: World) => {
    const parts = chosen.filter(([, , present]) => present).map(([name, value]) => `${name}=${enc(value(w))}`);
    if (shuffle) parts.reverse();
    if (odd) parts.push(odd);
    return parts.length ? `?${parts.join("&")}` : "";
  });
}

/** If-Match and If-None-Match: the version now, an old one, any, or something that is no entity tag; rarely none when required. */
function versionHeader(idParam: Resolved<string> | undefined, required = false): fc.Arbitrary<Resolved<string> | null> {
  const current = (w: World) => {
    const named = idParam?.(w) ?? "";
    return `"${w.versions.get(Number(named)) ?? w.curationVersions.get(named) ?? 1}"`;
  };
  return fc.oneof(
    { weight: required ? 1 : 6, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.constant(current) },
    { weight: 3, arbitrary: fc.constant(() => "*") },
    { weight: 2, arbitrary: fc.constantFrom('"1"', 'W/"2"', '"1", "2"', '"999"').map((v) => () => v) },
    { weight: 1, arbitrary: fc.constantFrom('"1" "2"', "abc", '"a b"', '"', "", ",", '"1",').map((v) => () => v) },
  );
}

function headersOf(op: DocumentedOperation, idParam: Resolved<string> | undefined): fc.Arbitrary<Record<string, Resolved<string>>> {
  const named = new Set(op.op.parameters.filter((p) => p.in === "header").map((p) => p.name));
  const arbs: fc.Arbitrary<[string, Resolved<string> | null]>[] = [];
  const ifMatchRequired = op.op.parameters.some((p) => p.name === "If-Match" && p.required);
  if (named.has("If-Match")) arbs.push(versionHeader(idParam, ifMatchRequired).map((v) => ["If-Match", v]));
  if (named.has("If-None-Match")) arbs.push(versionHeader(idParam).map((v) => ["If-None-Match", v]));
  if (named.has("Idempotency-Key")) {
    arbs.push(
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: fc.constantFrom("fuzz-1", "fuzz-2", "fuzz-3") },
        { weight: 1, arbitrary: fc.constantFrom("", " ", "a\tb", "a".repeat(256), "a b") },
      ).map((k) => ["Idempotency-Key", k === null ? null : () => k]),
    );
  }
  if (named.has("X-Masthead-Autosave")) {
    arbs.push(
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: fc.constantFrom("1", "0") },
        { weight: 1, arbitrary: fc.constantFrom("", "yes", "2", "true", "1, 1") },
      ).map((v) => ["X-Masthead-Autosave", v === null ? null : () => v]),
    );
  }
  arbs.push(fc.oneof({ weight: 30, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("not a bookmark", "00000001-00000002") }).map((b) => ["x-d1-bookmark", b === null ? null : () => b]));
  return fc.tuple(...arbs).map((pairs) => Object.fromEntries(pairs.filter((p): p is [string, Resolved<string>] => p[1] !== null)));
}

/** Stands in a body for the password of whoever sends it, which changes as the run goes on. */
export const SENDERS_PASSWORD = "\u0000the sender's password\u0000";
/** Stands in a sign-in for the password of the login beside it, whatever it is by then. */
export const LOGINS_PASSWORD = "\u0000the login's password\u0000";

/** Names the world has values for: a section that exists, an image that was uploaded, a time in the future. */
function hintFor(w0: World): Hint {
  const future = new Date(Date.now() + 86_400_000).toISOString();
  return (name, mode) => {
    const valid = mode === "valid";
    if (name === "section") return valid ? fc.constantFrom(...w0.sections) : fc.constantFrom<Json>(...w0.sections, "no-such", "XW", "", 1);
    if (name === "cover_image") return fc.constantFrom<Json>(...w0.mediaKeys, null, ...(valid ? [] : [`${"0".repeat(64)}.png`, "x"]));
    if (name === "publish_at") return fc.constantFrom<Json>(null, future, "2025-01-01T08:00:00+08:00", ...(valid ? [] : ["2026-02-30T08:00:00+08:00", "tomorrow", 0]));
    if (name === "body") {
      return valid
        ? fc.oneof(plainText(200), fc.constantFrom(`正文 ![图](/media/${w0.mediaKeys[0]})\n\n第二段`, "<b>粗</b> *斜*"))
        : fc.oneof(text(200), fc.constantFrom("![图](/media/" + "0".repeat(64) + ".png)", "<script>alert(1)</script>", "[a]: /x\n\n".repeat(50), "字".repeat(200_001)));
    }
    if (name === "tags") return valid ? fc.array(fc.constantFrom<Json>("site", "l:xw", "a:1", "search"), { minLength: 1, maxLength: 3 }) : fc.array(fc.constantFrom<Json>("l:xw", "x y", "", "a".repeat(1025), 1), { maxLength: 3 });
    if (name === "role") return valid ? fc.constantFrom<Json>("author", "editor", "admin") : fc.constantFrom<Json>("author", "owner", "", null);
    if (name === "login") return valid ? fc.oneof(fc.constantFrom<Json>(...w0.logins), fc.stringMatching(/^[a-z][a-z0-9._-]{2,12}$/)) : null;
    if (name === "password" || name === "current_password" || name === "new_password") {
      const sender =
        name === "current_password" ? [{ weight: 4, arbitrary: fc.constant<Json>(SENDERS_PASSWORD) }] : name === "password" ? [{ weight: 3, arbitrary: fc.constant<Json>(LOGINS_PASSWORD) }] : [];
      return fc.oneof(...sender, fc.constantFrom<Json>(...w0.passwords), plainText(20), fc.constantFrom<Json>("short", "          ", "字".repeat(11)));
    }
    if (name === "token") return fc.oneof(fc.constantFrom<Json>(...w0.linkTokens), fc.stringMatching(/^[A-Za-z0-9_-]{43}$/));
    if (name === "email") return fc.constantFrom<Json>(null, "wang.fang@example.com", " Li@Example.COM ", ...(valid ? [] : ["not-an-email", ""]));
    if (name === "url") {
      // Other sites' pictures, as the stand-in serves them (test/stand-in-images.ts), and addresses the fetch must refuse.
      const picture = fc.constantFrom("photo.png", "photo.png?salt=fuzz", "photo.png?type=text", "page.html", "missing.png", "to/photo.png", "loop");
      const refused = fc.constantFrom("http://127.0.0.1:8787/api/v1/admin/keys", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x.png", "http://localhost/x.png", "file:///etc/passwd", "http://images.test:22/x.png", "not a url");
      const wild: Json[] = valid ? [] : ["", 1, null, "a".repeat(2049)];
      return fc.oneof({ weight: 6, arbitrary: picture.map((p) => `http://${IMAGES_HOST}/fuzz/${p}`) }, { weight: 2, arbitrary: refused }, ...(wild.length ? [{ weight: 1, arbitrary: fc.constantFrom(...wild) }] : []));
    }
    if (name === "html") {
      return fc.oneof(
        plainText(200),
        fc.constantFrom<Json>('<p class=MsoNormal style="text-indent:2em"><span style="font-family:宋体">全市<b>防汛</b><o:p></o:p></span></p>', '<img src="file:///C:/clip_image001.png"><img src="data:image/png;base64,iVBORw0KGgo=">', "<table><tr><th>甲</th></tr><tr><td>1</td></tr></table>", ...(valid ? [] : [1, null])),
      );
    }
    // An article for a slot or a topic: one the world has (published or not), or one it does not.
    if (name === "article_id") return fc.constantFrom<Json>(...w0.versions.keys(), ...(valid ? [] : [4_000_000_000, 0, "1"]));
    if (name === "group") return fc.constantFrom<Json>(...w0.topicGroups, ...(valid ? [] : [4_000_000_000, 0, "1"]));
    if (name === "state") return fc.constantFrom<Json>("active", "disabled", ...(valid ? [] : ["invited", ""]));
    return null;
  };
}

const JSON_TYPES = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("application/json; charset=utf-8", "application/merge-patch+json", "text/plain", "application/x-www-form-urlencoded", "APPLICATION/JSON", "application/jsonx") },
  { weight: 1, arbitrary: fc.constant(null) },
);

function jsonBody(schema: JsonSchema, resolve: (ref: string) => JsonSchema, w0: World, required: boolean): fc.Arbitrary<BodySpec | null> {
  const hint = hintFor(w0);
  const valid = valueOf(schema, resolve, hint, "valid");
  const wild = valueOf(schema, resolve, hint, "wild");
  const json = (value: Json, contentType: string | null, duplicate = false): BodySpec => ({ kind: "json", value: () => value, contentType, duplicate });
  return fc.oneof(
    { weight: 10, arbitrary: valid.map((v) => json(v, "application/json")) },
    { weight: 6, arbitrary: fc.tuple(wild, JSON_TYPES).map(([v, type]) => json(v, type)) },
    { weight: 1, arbitrary: valid.map((v) => json(v, "application/json", true)) },
    { weight: 1, arbitrary: anyJson.map((v) => json(v, "application/json")) },
    { weight: 1, arbitrary: fc.constantFrom("{", "", "null", "[]", '{"a":1}x', "\u00ff\ufeff{}", "{".repeat(40) + "}".repeat(40)).map((t): BodySpec => ({ kind: "text", text: t, contentType: "application/json" })) },
    { weight: required ? 1 : 3, arbitrary: fc.constant(null) },
  );
}

const IMAGE_BYTES = fc.constantFrom(images.jpeg, images.png, images.gif, images.webpLossy, () => images.png().slice(0, 20), () => new TextEncoder().encode("<svg></svg>"), () => new Uint8Array(0));

function uploadBody(): fc.Arbitrary<BodySpec | null> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(IMAGE_BYTES, fc.constantFrom<string | null>("image/jpeg", "image/png", "application/octet-stream", null, "text/plain", "image/svg+xml")).map(([bytes, contentType]): BodySpec => ({ kind: "bytes", bytes, contentType })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(IMAGE_BYTES, fc.subarray<[string, string]>([["alt", "图"], ["caption", "说明"], ["credit", "摄"]]))
        .map(([file, fields]): BodySpec => ({ kind: "form", fields: [["file", "file"], ...fields], file })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(IMAGE_BYTES, fc.subarray<[string, string | "file"]>([["file", "file"], ["alt", "图"], ["caption", "\u202e说明"], ["colour", "red"], ["alt", "again"], ["file", "not a file"], ["__proto__", "x"]]))
        .map(([file, fields]): BodySpec => ({ kind: "form", fields, file })),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** Who may call an operation, as the document's security says: readers, anyone from the desk, people only, or a role. */
function accessOf(op: DocumentedOperation): string {
  const security = op.op.security;
  if (security.length === 0) return op.op.parameters.some((p) => p.name === "X-Masthead-Desk") ? "anyone" : "public";
  if (security.some((s) => Object.keys(s).length === 0)) return "public";
  if (!security.some((s) => "apiKey" in s)) return "person";
  return security[0]?.apiKey?.[0] ?? "author";
}

export function requestsFor(op: DocumentedOperation, doc: OpenApiDocument, w0: World): fc.Arbitrary<RequestSpec> {
  const resolve = (ref: string) => doc.components.schemas[ref.replace("#/components/schemas/", "")] as JsonSchema;
  const names = op.op.parameters.filter((p) => p.in === "path").map((p) => p.name);
  const params = fc.tuple(...names.map((n) => paramOf(n, op).map((r) => [n, r] as const))).map((pairs) => Object.fromEntries(pairs));
  const body = op.op.requestBody;
  const jsonMedia = body?.content["application/json"];
  const bodyArb: fc.Arbitrary<BodySpec | null> = !body
    ? fc.constant(null)
    : !jsonMedia
      ? uploadBody()
      : jsonBody(jsonMedia.schema ?? {}, resolve, w0, body.required);
  return params.chain((p) =>
    fc.record({
      auth: accessOf(op) === "public" ? AUTH_PUBLIC : accessOf(op) === "anyone" ? AUTH_ANYONE : accessOf(op) === "person" ? AUTH_PEOPLE : authFor(accessOf(op)),
      sharedAddress: fc.integer({ min: 0, max: 29 }).map((n) => n === 0),
      params: fc.constant(p),
      query: queryOf(op, resolve, w0),
      headers: headersOf(op, p.id ?? p.slug),
      body: bodyArb,
      withPreviewSecret: fc.boolean(),
      desk: DESK,
    }),
  );
}

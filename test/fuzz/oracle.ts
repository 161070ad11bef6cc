// What the document says of a request as it was sent: the reasons it forbids it (none when a client
// following the document could have sent it). The server must refuse every request the document forbids,
// and must not refuse with 400 a field the document allows.
import { ROLES, type Role } from "../../src/domain/role.ts";
import type { OpenApiDocument } from "../../src/openapi/document.ts";
import { type DocumentedOperation, validate } from "../openapi-check.ts";

export type SentBody =
  /** `duplicate`: the text names a member twice (JSON.stringify never does; the fuzzer writes it so). */
  | { kind: "json"; contentType: string | null; text: string; duplicate: boolean }
  | { kind: "bytes"; contentType: string | null; size: number }
  | { kind: "form"; fields: [string, string | "file"][] };

export type Sent = {
  method: string;
  /** The role of a key or a person that verifies; null for none, a wrong one or a non-Masthead credential. */
  role: Role | null;
  /** What vouched for the request: a key, a desk session, nothing, or a credential that does not verify. */
  credential: "key" | "session" | "none" | "bad-key" | "bad-session";
  pathParams: Record<string, string>;
  search: string;
  headers: Headers;
  body: SentBody | null;
};

/** RFC 9110 §8.3: a body without a Content-Type may be taken for application/octet-stream. */
const mediaTypeOf = (contentType: string | null) => (contentType ?? "application/octet-stream").split(";")[0]?.trim().toLowerCase() ?? "";

/** The documented media type a sent one falls under: JSON's `+json` types count as JSON (the document says so). */
function documentedType(documented: string[], sent: string): string | undefined {
  return documented.find((d) => d === sent || (d.endsWith("/*") && sent.startsWith(d.slice(0, -1))) || (d === "application/json" && /^application\/[\w.+-]+\+json$/.test(sent)));
}

const CHANGE_TYPES = /^(?:application\/json|multipart\/form-data)\s*(?:;|$)/i;

/** What the security requirements say of the request's credential, and of a change made on a session (CSRF). */
function credentialReasons(security: Record<string, string[]>[], sent: Sent): string[] {
  const reasons: string[] = [];
  const optional = security.length === 0 || security.some((s) => Object.keys(s).length === 0);
  const schemes = new Set(security.flatMap((s) => Object.keys(s)));
  const least = (security.find((s) => Object.keys(s).length > 0)?.apiKey?.[0] ?? security[0]?.session?.[0] ?? "author") as Role;
  // A wrong credential counts where its scheme is read: a cookie is nothing to a reader's route, a key nothing to sign-in.
  if ((sent.credential === "bad-key" && schemes.has("apiKey")) || (sent.credential === "bad-session" && schemes.has("session"))) {
    reasons.push("a credential that does not verify");
  }
  if (!optional) {
    const kind = sent.credential === "key" ? "apiKey" : sent.credential === "session" ? "session" : null;
    if (kind === null || !schemes.has(kind)) reasons.push(`no ${[...schemes].join(" or ")}`);
    else if (sent.role && ROLES.indexOf(sent.role) < ROLES.indexOf(least)) reasons.push(`a ${sent.role} where ${least} is needed`);
  }
  if (sent.credential === "session" && sent.method !== "GET" && !sent.headers.has("Authorization")) {
    const desk = sent.headers.get("X-Masthead-Desk") === "1" && sent.headers.get("Origin") === "http://localhost" && CHANGE_TYPES.test(sent.headers.get("Content-Type") ?? "");
    if (!desk && schemes.has("session")) reasons.push("a change on a session without the desk's header, Origin and JSON");
  }
  return reasons;
}

export function forbiddenBy(doc: OpenApiDocument, documented: DocumentedOperation, sent: Sent): string[] {
  const { op } = documented;
  const reasons: string[] = [];
  reasons.push(...credentialReasons(op.security, sent));

  for (const p of op.parameters) {
    if (p.in === "path") {
      const value = sent.pathParams[p.name] ?? "";
      if (validate(doc, p.schema, value).length) reasons.push(`path ${p.name}=${value}`);
    }
    if (p.in === "header") {
      const value = sent.headers.get(p.name);
      if (value === null) {
        if (p.required) reasons.push(`no ${p.name}`);
      } else if (validate(doc, p.schema, value).length) reasons.push(`header ${p.name}: ${value}`);
    }
  }

  const query = new URLSearchParams(sent.search);
  const declared = new Map(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, p]));
  const seen = new Set<string>();
  for (const [name, value] of query) {
    const p = declared.get(name);
    if (!p) reasons.push(`unknown parameter ${name}`);
    else if (seen.has(name)) reasons.push(`${name} given twice`);
    else if (validate(doc, p.schema, value).length) reasons.push(`${name}=${value}`);
    seen.add(name);
  }
  for (const [name, p] of declared) if (p.required && !seen.has(name)) reasons.push(`no ${name}`);

  reasons.push(...bodyReasons(doc, documented, sent.body));
  return reasons;
}

function bodyReasons(doc: OpenApiDocument, { op }: DocumentedOperation, body: SentBody | null): string[] {
  const requestBody = op.requestBody;
  if (!requestBody) return [];
  const empty = body === null || (body.kind === "json" && body.text === "") || (body.kind === "bytes" && body.size === 0);
  if (empty) return requestBody.required ? ["no body"] : [];
  const types = Object.keys(requestBody.content);
  if (body.kind === "form") {
    const schema = requestBody.content["multipart/form-data"]?.schema;
    if (!schema) return ["a form where none is documented"];
    const names = body.fields.map(([name]) => name);
    if (new Set(names).size !== names.length) return ["a form field given twice"];
    const form = Object.fromEntries(body.fields.map(([name, value]) => [name, value === "file" ? "(bytes)" : value]));
    return validate(doc, schema, form).map((p) => `form ${p}`);
  }
  const type = documentedType(types, mediaTypeOf(body.contentType));
  if (!type) return [`Content-Type ${body.contentType}`];
  const schema = requestBody.content[type]?.schema;
  if (body.kind === "bytes" || !schema) return [];
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    return ["not JSON"];
  }
  // RFC 8259 §4: names SHOULD be unique; the document says one given twice is refused.
  if (body.duplicate) return ["a member given twice"];
  return validate(doc, schema, value).map((p) => `body ${p}`);
}

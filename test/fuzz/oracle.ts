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
  /** The role of a key that verifies; null for none, a wrong one or a non-Masthead credential. */
  role: Role | null;
  /** A Masthead-shaped key that does not verify (unknown, revoked, rotated). */
  badKey: boolean;
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

export function forbiddenBy(doc: OpenApiDocument, documented: DocumentedOperation, sent: Sent): string[] {
  const { op } = documented;
  const reasons: string[] = [];
  const required = op.security.find((s) => Object.keys(s).length > 0)?.apiKey;
  const optional = op.security.some((s) => Object.keys(s).length === 0);
  if (required && !optional) {
    const least = (required[0] ?? "author") as Role;
    if (sent.role === null) reasons.push("no valid key");
    else if (ROLES.indexOf(sent.role) < ROLES.indexOf(least)) reasons.push(`a ${sent.role}'s key where ${least} is needed`);
  } else if (required && sent.badKey) reasons.push("a key that does not verify");

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

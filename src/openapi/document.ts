// The OpenAPI 3.1 document of the public and the publishing API, built from the registry of operations
// (operations/) and the valibot schemas they name: the inputs each route validates with, the answers its
// renderers are typed by, the error codes and the statuses http/errors.ts gives them. Pure: the same
// operations give the same document.
import { ROLES } from "../domain/role.ts";
import type { ErrorCode } from "../domain/errors.ts";
import { statusOf } from "../http/errors.ts";
import { type JsonSchema, type Named, componentRef, componentSchemas, jsonSchemaOf } from "./json-schema.ts";
import type { Operation, RequestHeader, ResponseHeader } from "./operation.ts";
import { type Components, ERROR_COMPONENT } from "./components.ts";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: Record<string, unknown>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, JsonSchema> } & Record<string, unknown>;
} & Record<string, unknown>;

export type OpenApiOperation = {
  operationId: string;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: JsonSchema; example?: unknown }> }>;
  security: Record<string, string[]>[];
} & Record<string, unknown>;

export type OpenApiParameter = { name: string; in: "path" | "query" | "header"; required: boolean; schema: JsonSchema; description?: string };

const DESCRIPTION = `The JSON API of Masthead: published articles, sections and search for anyone (cached at the edge, readable from any origin), and the publishing API for editors with an API key. The reference, with examples run against the demo: docs/api.md and docs/publishing.md.

Rules every operation follows:
- Lists answer \`{"items": [...], "next_cursor": "…" | null}\` and take \`limit\` (1–100, default 20) and \`cursor\` (the \`next_cursor\` of the page before).
- A query parameter an operation does not list, or one given twice, is 400, each named in \`details\`: a URL has one meaning.
- Every error is \`{"error": {"code", "message", …}}\`; each code has one status, and \`details\` names each bad field or parameter by path.
- Times are RFC 3339 with the Shanghai offset (+08:00); text lengths count characters (code points).
- Objects in answers have exactly the members shown. A later version may add members: clients should ignore those they do not know.`;

const ROLE_TEXT = `An API key, \`Authorization: Bearer mh_<prefix>_<secret>\`. Roles, lowest first: ${ROLES.join(", ")}; each may do what the ones before it may. An operation names the least role it needs as the scope. On the public API a key is optional: a verified one reads past the edge cache.`;

const SESSION_TEXT = `A signed-in person's desk session, set by /api/v1/auth/login (and the passkey and link sign-ins). A change made with it (any method but GET and HEAD) must come as the desk sends it: \`X-Masthead-Desk: 1\`, the site's \`Origin\`, and a JSON (or, for uploads, multipart) body; otherwise 403 csrf. A person has a role as a key does.`;

/** Request headers, described once. */
const REQUEST_HEADERS: Record<RequestHeader | "x-d1-bookmark", OpenApiParameter> = {
  "If-Match": {
    name: "If-Match",
    in: "header",
    required: false,
    description: 'Apply the change only to these versions: `"3"`, a list `"3", "4"`, or `*` for whatever is current (RFC 9110 §13.1.1). A weak tag never matches.',
    schema: { type: "string" },
  },
  "If-Match (required)": {
    name: "If-Match",
    in: "header",
    required: true,
    description: 'The version the edit was made on (`"3"`), a list of them, or `*` to overwrite whatever is current. Without it: 428.',
    schema: { type: "string" },
  },
  "If-None-Match": {
    name: "If-None-Match",
    in: "header",
    required: false,
    description: "Entity tags the client holds (RFC 9110 §13.1.2): a read naming the current one answers 304; a change naming it (or `*`) answers 412.",
    schema: { type: "string" },
  },
  "Idempotency-Key": {
    name: "Idempotency-Key",
    in: "header",
    required: false,
    description: "Makes a retried create safe: the same key and body answer the first answer again. Remembered 24 hours, per API key.",
    schema: { type: "string", pattern: "^[\\x21-\\x7e]{1,255}$" },
  },
  "X-Masthead-Desk": {
    name: "X-Masthead-Desk",
    in: "header",
    required: true,
    description: "`1`: the request comes from the desk's own pages (with the site's Origin and a JSON body). Without it: 403 csrf.",
    schema: { const: "1" },
  },
  Origin: {
    name: "Origin",
    in: "header",
    required: true,
    description: "The site's origin, as every browser names it on a change. Another: 403 csrf.",
    schema: { type: "string" },
  },
  "x-d1-bookmark": {
    name: "x-d1-bookmark",
    in: "header",
    required: false,
    description: "The x-d1-bookmark of an earlier answer: this request reads a copy of the database at least as new as that answer's.",
    schema: { type: "string", pattern: "^[0-9a-fA-F]{1,32}(?:-[0-9a-fA-F]{1,64}){1,7}$" },
  },
};

const RESPONSE_HEADERS: Record<ResponseHeader | "WWW-Authenticate" | "Retry-After", { description: string; schema: JsonSchema }> = {
  ETag: { description: "The version of what was answered: for an article of the admin API, its version.", schema: { type: "string" } },
  Location: { description: "Where it is: the new resource, or the one URL of a list.", schema: { type: "string" } },
  "Idempotent-Replayed": { description: "`true` when an Idempotency-Key replays the first answer.", schema: { const: "true" } },
  "x-d1-bookmark": { description: "Send it back as x-d1-bookmark so the next request reads at least this write.", schema: { type: "string" } },
  "WWW-Authenticate": { description: 'Bearer realm="masthead", with error="invalid_token" when a bearer token was sent (RFC 6750).', schema: { type: "string" } },
  "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "string", pattern: "^[0-9]+$" } },
};

const headerRefs = (names: readonly (keyof typeof RESPONSE_HEADERS)[]) =>
  names.length ? { headers: Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }])) } : {};

/** The error codes of every operation of this kind, besides those it names. */
function commonErrors(op: Operation): ErrorCode[] {
  const codes: ErrorCode[] = ["bad_request"];
  if (op.static) return codes;
  codes.push("unavailable");
  switch (op.access) {
    case "public":
      // A reader's request the cache could not answer counts against the client's limit; a key is checked if sent.
      return [...codes, "too_many_requests", "invalid_token", "too_many_failures"];
    case "anyone":
      // From the desk's pages only (its header, the site's Origin, JSON).
      return [...codes, "csrf", "unsupported_media_type"];
    default: {
      const credentials: ErrorCode[] = ["unauthorized", "invalid_token", "too_many_failures", "too_many_requests", "csrf", "access_denied"];
      if (op.access === "person") return [...codes, ...credentials, "not_a_person"];
      return [...codes, ...credentials, ...(op.access === ROLES[0] ? [] : (["forbidden"] as const))];
    }
  }
}

/** A key, the desk's session cookie or Cloudflare Access's token: whichever a client has, with the role it needs. */
function securityOf(op: Operation): Record<string, string[]>[] {
  switch (op.access) {
    case "public":
      return op.static ? [] : [{}, { apiKey: [] }];
    case "anyone":
      return [];
    case "person":
      return [{ session: [] }, { access: [] }];
    default:
      return [{ apiKey: [op.access] }, { session: [op.access] }, { access: [op.access] }];
  }
}

const STATUS_HEADERS: Partial<Record<number, (keyof typeof RESPONSE_HEADERS)[]>> = { 401: ["WWW-Authenticate"], 412: ["ETag"], 429: ["Retry-After"], 503: ["Retry-After"] };

/** The errors an operation may answer, by status, each body an error whose code is one of that status's. */
export function errorsByStatus(op: Operation): Map<number, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...commonErrors(op), ...op.errors])) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return byStatus;
}

const errorSchema = (codes: readonly ErrorCode[]): JsonSchema => ({
  allOf: [{ $ref: componentRef(ERROR_COMPONENT) }, { type: "object", properties: { error: { type: "object", properties: { code: { enum: [...codes] } } } } }],
});

/** A query schema's members as query parameters; a member's description becomes the parameter's. */
function queryParameters(schema: JsonSchema): OpenApiParameter[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, member]) => {
    const { description, ...rest } = typeof member === "object" ? member : {};
    return { name, in: "query", required: required.has(name), schema: rest, ...(description && { description }) };
  });
}

function pathParameters(op: Operation, named: Named): OpenApiParameter[] {
  const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const declared = Object.keys(op.params ?? {});
  if (inPath.join() !== declared.join()) throw new Error(`${op.id}: the path names {${inPath.join("}, {")}} but params declare ${declared.join(", ") || "none"}`);
  return Object.entries(op.params ?? {}).map(([name, p]) => ({
    name,
    in: "path",
    required: true,
    description: p.description,
    schema: jsonSchemaOf(p.schema, "request", named),
  }));
}

function operationOf(op: Operation, components: Components): OpenApiOperation {
  const parameters = [
    ...pathParameters(op, components.request),
    ...queryParameters(jsonSchemaOf(op.query, "request", components.request)),
    ...(op.headers ?? []).map((h) => REQUEST_HEADERS[h]),
    // Readers' bookmarks are ignored (a reader's request reads what the cache keeps); editors' are honoured.
    ...(op.access === "public" || op.access === "anyone" ? [] : [REQUEST_HEADERS["x-d1-bookmark"]]),
  ];
  const responses: OpenApiOperation["responses"] = {};
  for (const [status, answer] of Object.entries(op.answers)) {
    if (!answer) continue;
    responses[status] = {
      description: answer.description,
      ...headerRefs(answer.headers ?? []),
      ...(answer.body && {
        content: {
          "application/json": {
            schema: jsonSchemaOf(answer.body, "response", components.response),
            ...(answer.example !== undefined && { example: answer.example }),
          },
        },
      }),
    };
  }
  for (const [status, codes] of [...errorsByStatus(op)].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: `An error: ${codes.map((c) => `\`${c}\``).join(", ")}.`,
      ...headerRefs(STATUS_HEADERS[status] ?? []),
      content: { "application/json": { schema: errorSchema(codes) } },
    };
  }
  return {
    operationId: op.id,
    summary: op.summary,
    ...(op.description && { description: op.description }),
    tags: [op.tag],
    security: securityOf(op),
    parameters,
    ...(op.body && {
      requestBody: {
        required: op.body.required,
        ...(op.body.description && { description: op.body.description }),
        content: Object.fromEntries(
          Object.entries(op.body.content).map(([type, schema]) => [type, typeof schema === "string" ? {} : { schema: jsonSchemaOf(schema, "request", components.request) }]),
        ),
      },
    }),
    responses,
  };
}

export function buildDocument(operations: readonly Operation[], components: Components): OpenApiDocument {
  const ids = new Set<string>();
  const paths: OpenApiDocument["paths"] = {};
  for (const op of operations) {
    if (ids.has(op.id)) throw new Error(`two operations are called ${op.id}`);
    ids.add(op.id);
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is described twice`);
    item[op.method] = operationOf(op, components);
  }
  const requestSchemas = componentSchemas("request", components.request);
  const responseSchemas = componentSchemas("response", components.response);
  const clash = Object.keys(requestSchemas).find((name) => name in responseSchemas);
  if (clash) throw new Error(`${clash} names both a request and a response schema`);
  return {
    openapi: "3.1.0",
    info: { title: "Masthead API", version: "1", description: DESCRIPTION, license: { name: "MIT", identifier: "MIT" } },
    servers: [{ url: "/", description: "The site serving this document." }],
    tags: [...new Set(operations.map((op) => op.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...requestSchemas, ...responseSchemas },
      headers: RESPONSE_HEADERS,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "mh_<prefix>_<secret>", description: ROLE_TEXT },
        session: { type: "apiKey", in: "cookie", name: "__Host-masthead_session", description: SESSION_TEXT },
        access: { type: "apiKey", in: "header", name: "Cf-Access-Jwt-Assertion", description: "Cloudflare Access's token, where the site signs people in through Access; a person's role as for a session." },
      },
    },
  };
}

// What the API document says of one route: the registry's entry (src/openapi/operations.ts lists them all).
// Inputs are the very valibot schemas the route validates with; answers are the schemas its renderers'
// types come from; errors are codes, whose statuses http/errors.ts decides.
import type * as v from "valibot";
import type { Role } from "../domain/role.ts";
import type { ErrorCode } from "../domain/errors.ts";

export type Method = "get" | "post" | "patch" | "put" | "delete";

/** Request headers the document describes once (document.ts) and operations name. */
export type RequestHeader = "If-Match" | "If-Match (required)" | "If-None-Match" | "Idempotency-Key" | "X-Masthead-Desk" | "Origin";

/** Response headers the document describes once and answers name. */
export type ResponseHeader = "ETag" | "Location" | "Idempotent-Replayed" | "x-d1-bookmark";

export type Answer = {
  description: string;
  /** The JSON body; none for a redirect or a 304. */
  body?: v.GenericSchema;
  headers?: ResponseHeader[];
  /** An answer as the demo gives it, checked against `body` by the tests. */
  example?: unknown;
};

/** A request body: its schema by media type (`binary` for raw bytes, `ignored` for one never read), and whether it may be left out. */
export type RequestBody = {
  required: boolean;
  description?: string;
  content: Record<string, v.GenericSchema | "binary" | "ignored">;
};

export type Operation = {
  method: Method;
  /** As OpenAPI writes paths: `/api/v1/articles/{id}`. */
  path: string;
  id: string;
  summary: string;
  description?: string;
  tag: string;
  /** Answers without reading the database: no bookmark to send, no 503. */
  static?: true;
  /**
   * Who may call it: a reader (public: a key, if sent, reads past the edge cache), anyone from the desk's own
   * pages (signing in), a signed-in person only, or a key or person with at least this role.
   */
  access: "public" | "anyone" | "person" | Role;
  /** Each `{name}` of the path, with the schema its value must match. */
  params?: Record<string, { schema: v.GenericSchema; description: string }>;
  /** The query-string schema the route parses (NoQuery when it takes none). */
  query: v.GenericSchema;
  headers?: RequestHeader[];
  body?: RequestBody;
  /** The answers that are not errors, by status. */
  answers: Partial<Record<number, Answer>>;
  /** The error codes it may answer besides those every operation of its access may (document.ts). */
  errors: ErrorCode[];
};

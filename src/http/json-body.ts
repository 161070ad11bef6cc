// Reads a JSON request body for the admin API: bounded before it is read, parsed, then validated.
import type { Context } from "hono";
import * as v from "valibot";
import { DomainError, badRequest, payloadTooLarge } from "../domain/errors.ts";
import { issueDetails } from "../content/text-rules.ts";
import { FORBIDDEN_KEYS } from "./forbidden-keys.ts";
import { canonicalJson } from "./canonical-json.ts";
import { duplicateMemberPath } from "./duplicate-members.ts";

/** 413 before reading when Content-Length says too much; otherwise reads at most `maxBytes` and stops. */
export async function readBounded(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("Content-Length") ?? NaN);
  if (declared > maxBytes) throw payloadTooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw badRequest("The body is not valid UTF-8", [{ path: "(body)", message: "is not valid UTF-8", rule: "utf8" }]);
  }
}

export type JsonBody<T> = { value: T; fingerprint: string };

/** JSON nested deeper than this is no article: refused before anything walks it. */
const MAX_DEPTH = 32;

type Visit = { value: unknown; key: string; depth: number; parent: Visit | null };

const pathOf = (v: Visit) => {
  const keys: string[] = [];
  for (let at: Visit | null = v; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().join(".");
};

/** The path of the first forbidden key, or of the first value nested too deep; null when neither. */
function forbiddenKeyPath(root: unknown): { path: string; message: string } | null {
  // Iterative, so no body can overflow the stack; bounded in depth, so none can cost much to walk.
  const stack: Visit[] = [{ value: root, key: "", depth: 0, parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    if (typeof visit.value !== "object" || visit.value === null) continue;
    if (visit.depth >= MAX_DEPTH) return { path: pathOf(visit) || "(body)", message: `nested more than ${MAX_DEPTH} levels deep` };
    for (const [key, value] of Object.entries(visit.value)) {
      const child = { value, key, depth: visit.depth + 1, parent: visit };
      if (FORBIDDEN_KEYS.has(key)) return { path: pathOf(child), message: "unknown field" };
      stack.push(child);
    }
  }
  return null;
}

/**
 * The validated body of a JSON request (a JSON object), and a fingerprint of its JSON for Idempotency-Key that
 * ignores whitespace and the order of members.
 * 415 for another media type, 413 when too large, 400 with every problem listed by field path (a member
 * given twice among them: JSON readers disagree on which one counts).
 */
export async function readJson<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  maxBytes: number,
  opts: { optional?: boolean } = {},
): Promise<JsonBody<v.InferOutput<S>>> {
  const isJson = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(c.req.header("Content-Type") ?? "");
  const unsupported = () => new DomainError("unsupported_media_type", "Send the body as application/json");
  if (!opts.optional && !isJson) throw unsupported();
  // An action whose body is optional: no bytes at all, whatever the headers say, stand for `{}`.
  const raw = c.req.raw.body === null ? "" : await readBounded(c.req.raw, maxBytes);
  if (opts.optional && raw === "") return parseJsonBody(schema, "{}");
  if (!isJson) throw unsupported();
  return parseJsonBody(schema, raw);
}

function parseJsonBody<S extends v.GenericSchema>(schema: S, raw: string): JsonBody<v.InferOutput<S>> {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw badRequest("The body is not valid JSON", [{ path: "(body)", message: "is not valid JSON" }]);
  }
  // Object schemas let an array through (its keys are just missing fields); no endpoint takes anything but an object.
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw badRequest("The body must be a JSON object", [{ path: "(body)", message: "must be a JSON object" }]);
  }
  const forbidden = forbiddenKeyPath(data);
  if (forbidden) throw badRequest("The request has invalid fields", [forbidden]);
  // After the depth check, so the scan never holds more than MAX_DEPTH objects open.
  const duplicate = duplicateMemberPath(raw);
  if (duplicate !== null) throw badRequest("The body names a member twice", [{ path: duplicate, message: "is given more than once" }]);
  const parsed = v.safeParse(schema, data, { abortEarly: false });
  if (!parsed.success) throw badRequest("The request has invalid fields", issueDetails(parsed.issues));
  return { value: parsed.output, fingerprint: canonicalJson(data) };
}

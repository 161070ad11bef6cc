// Reads a JSON request body for the admin API: bounded before it is read, parsed, then validated.
import type { Context } from "hono";
import * as v from "valibot";
import { AppError, badRequest, payloadTooLarge } from "../errors.ts";
import { issueDetails } from "../content/schemas.ts";

/** 413 before reading when Content-Length says too much; otherwise reads at most `maxBytes` and stops. */
async function readBounded(req: Request, maxBytes: number): Promise<string> {
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
    throw badRequest("The body is not valid UTF-8", [{ path: "(body)", message: "is not valid UTF-8" }]);
  }
}


export type JsonBody<T> = { value: T; fingerprint: string };

// Validators skip these keys to stay safe from prototype pollution; an API that refuses unknown
// fields must refuse them too rather than drop them silently.
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

type Visit = { value: unknown; key: string; parent: Visit | null };

const pathOf = (v: Visit) => {
  const keys: string[] = [];
  for (let at: Visit | null = v; at?.parent; at = at.parent) keys.unshift(at.key);
  return keys.join(".");
};

function forbiddenKeyPath(root: unknown): string | null {
  // Iterative with parent links, so a body nested a hundred thousand levels deep is walked in linear
  // time and without overflowing the stack.
  const stack: Visit[] = [{ value: root, key: "", parent: null }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    if (typeof visit.value !== "object" || visit.value === null) continue;
    for (const [key, value] of Object.entries(visit.value)) {
      const child = { value, key, parent: visit };
      if (FORBIDDEN_KEYS.has(key)) return pathOf(child);
      stack.push(child);
    }
  }
  return null;
}

/**
 * The validated body of a JSON request, and a fingerprint of its JSON (whitespace aside) for Idempotency-Key.
 * 415 for another media type, 413 when too large, 400 with every problem listed by field path.
 */
export async function readJson<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<JsonBody<v.InferOutput<S>>> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json");
  }
  const raw = await readBounded(c.req.raw, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw badRequest("The body is not valid JSON", [{ path: "(body)", message: "is not valid JSON" }]);
  }
  const forbidden = forbiddenKeyPath(data);
  if (forbidden) throw badRequest("The request has invalid fields", [{ path: forbidden, message: "unknown field" }]);
  const parsed = v.safeParse(schema, data, { abortEarly: false });
  if (!parsed.success) throw badRequest("The request has invalid fields", issueDetails(parsed.issues));
  return { value: parsed.output, fingerprint: JSON.stringify(data) };
}

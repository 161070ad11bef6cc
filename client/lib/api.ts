// The desk's one way to the server's JSON APIs: same-origin requests that carry `X-Masthead-Desk: 1` and JSON
// (the server refuses a cookie-authenticated change without both: its CSRF rule), answers checked against a
// schema, failures read from the project's error body ({"error": {"code", "message", …}}) into one shape.
import * as v from "valibot";

import type { ApiError } from "./api-error.ts";

export type { ApiError };

export type Answer<T> = { ok: true; value: T; etag: string | null } | { ok: false; error: ApiError };

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
type Init = { body?: unknown; ifMatch?: string; headers?: Record<string, string> };

const ErrorBody = v.object({ error: v.looseObject({ code: v.string(), message: v.string() }) });

/** The project's error body read into an ApiError (any answer, whatever sent the request). */
export async function errorOf(res: Response): Promise<ApiError> {
  const parsed = v.safeParse(ErrorBody, await res.json().catch(() => null));
  if (!parsed.success) return { status: res.status, code: `http_${res.status}`, message: res.statusText, info: {} };
  const { code, message, ...info } = parsed.output.error;
  return { status: res.status, code, message, info };
}

async function send(method: Method, path: string, init: Init): Promise<Response | ApiError> {
  const headers: Record<string, string> = { ...init.headers, Accept: "application/json", "X-Masthead-Desk": "1" };
  // Every change says JSON, a body or not: the server takes a browser's change only as the desk sends it.
  if (method !== "GET") headers["Content-Type"] = "application/json";
  if (init.ifMatch !== undefined) headers["If-Match"] = init.ifMatch;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    });
  } catch (err) {
    return { status: 0, code: "network", message: err instanceof Error ? err.message : String(err), info: {} };
  }
}

/** A request whose answer's body is read as `schema` says. */
export async function request<T>(method: Method, path: string, schema: v.GenericSchema<unknown, T>, init: Init = {}): Promise<Answer<T>> {
  const res = await send(method, path, init);
  if (!(res instanceof Response)) return { ok: false, error: res };
  if (!res.ok) return { ok: false, error: await errorOf(res) };
  const parsed = v.safeParse(schema, await res.json().catch(() => undefined));
  if (!parsed.success) {
    return { ok: false, error: { status: res.status, code: "bad_answer", message: parsed.issues[0].message, info: {} } };
  }
  return { ok: true, value: parsed.output, etag: res.headers.get("ETag") };
}

/** A request whose answer has no body the desk needs (204s, and changes the page then reloads after). */
export async function command(method: Method, path: string, init: Init = {}): Promise<Answer<null>> {
  const res = await send(method, path, init);
  if (!(res instanceof Response)) return { ok: false, error: res };
  if (!res.ok) return { ok: false, error: await errorOf(res) };
  return { ok: true, value: null, etag: res.headers.get("ETag") };
}

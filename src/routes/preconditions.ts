// Request headers that guard admin writes: If-Match (RFC 9110 §13.1.1) and Idempotency-Key.
import type { Context } from "hono";
import { AppError, badRequest } from "../errors.ts";

const STRONG_VERSION_TAG = /^"([1-9][0-9]{0,15})"$/;

/**
 * The article version an editor's change was based on, from `If-Match: "<version>"`.
 * Required for PATCH (428 without it), so two editors never overwrite each other silently; `*`
 * would defeat that and is refused too. Weak tags never match under If-Match's strong comparison.
 */
export function ifMatchVersion(c: Context, required: true): number;
export function ifMatchVersion(c: Context, required: false): number | undefined;
export function ifMatchVersion(c: Context, required: boolean): number | undefined {
  const header = c.req.header("If-Match")?.trim();
  if (header === undefined || header === "" || header === "*") {
    if (!required) return undefined;
    throw new AppError(428, "precondition_required", 'Send If-Match with the ETag (version) you edited, e.g. If-Match: "3"');
  }
  const match = STRONG_VERSION_TAG.exec(header);
  if (!match?.[1]) {
    throw badRequest('If-Match must be one strong entity tag holding the version, e.g. "3"', [
      { path: "If-Match", message: "must look like \"3\"" },
    ]);
  }
  return Number(match[1]);
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header (printable ASCII, up to 255 characters), or null when absent. */
export function idempotencyKey(c: Context): string | null {
  const value = c.req.header("Idempotency-Key");
  if (value === undefined) return null;
  if (!IDEMPOTENCY_KEY.test(value)) {
    throw badRequest("Idempotency-Key must be 1 to 255 printable ASCII characters", [
      { path: "Idempotency-Key", message: "must be 1 to 255 printable ASCII characters" },
    ]);
  }
  return value;
}

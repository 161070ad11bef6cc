// Request headers that guard admin writes: If-Match (RFC 9110 §13.1.1) and Idempotency-Key.
import type { Context } from "hono";
import { DomainError, badRequest } from "../domain/errors.ts";
import { parseEntityTags } from "../http/conditional.ts";
import type { Expected } from "../publish/changes.ts";

const VERSION = /^"([1-9][0-9]{0,15})"$/;

/**
 * The versions a change may apply to, from If-Match: `*` matches whatever version is current; a list
 * matches when any member names the current version by strong comparison, so a weak tag (`W/"3"`) or a
 * tag that is no version of ours never matches (412). A header that is not a list of entity tags is 400.
 * Required for PATCH (428 without it), so two editors never overwrite each other silently.
 */
export function ifMatch(c: Context, required: true): Expected;
export function ifMatch(c: Context, required: false): Expected | undefined;
export function ifMatch(c: Context, required: boolean): Expected | undefined {
  const header = c.req.header("If-Match")?.trim();
  if (header === undefined || header === "") {
    if (!required) return undefined;
    throw new DomainError("precondition_required", 'Send If-Match with the ETag (version) you edited, e.g. If-Match: "3"');
  }
  if (header === "*") return "any";
  const tags = parseEntityTags(header);
  if (tags === null || tags.length === 0) {
    throw badRequest('If-Match must be * or a list of entity tags such as "3"', [{ path: "If-Match", message: 'must look like "3"' }]);
  }
  return tags.flatMap((tag) => {
    const version = tag.weak ? undefined : VERSION.exec(tag.opaque)?.[1];
    return version === undefined ? [] : [Number(version)];
  });
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

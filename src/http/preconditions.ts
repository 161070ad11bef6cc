// Request headers that guard admin requests: If-Match and If-None-Match (RFC 9110 §13.1) naming article
// versions, and Idempotency-Key.
import type { Context } from "hono";
import { DomainError, badRequest } from "../domain/errors.ts";
import { parseEntityTags } from "./conditional.ts";
import type { Preconditions, Versions } from "../publish/changes.ts";

const VERSION = /^"([1-9][0-9]{0,15})"$/;

/**
 * The versions a conditional header names: `*` is "any"; a list names the versions of its members. Under
 * If-Match a weak tag never matches (strong comparison, §13.1.1); under If-None-Match it does (weak
 * comparison, §13.1.2). A tag that is no version of ours names none. Not a list of entity tags: 400.
 */
function versionsIn(name: "If-Match" | "If-None-Match", header: string, weakMatches: boolean): Versions {
  if (header === "*") return "any";
  const tags = parseEntityTags(header);
  if (tags === null || tags.length === 0) {
    throw badRequest(`${name} must be * or a list of entity tags such as "3"`, [{ path: name, message: 'must look like "3" or "2", "3"' }]);
  }
  return tags.flatMap((tag) => {
    const version = tag.weak && !weakMatches ? undefined : VERSION.exec(tag.opaque)?.[1];
    return version === undefined ? [] : [Number(version)];
  });
}

/**
 * The client's preconditions on an article write. With `requireIfMatch` (PATCH), If-Match is required —
 * 428 without it — so two editors never overwrite each other silently; `*` is a deliberate overwrite.
 */
export function preconditions(c: Context, requireIfMatch = false): Preconditions {
  const ifMatch = c.req.header("If-Match")?.trim();
  const ifNoneMatch = c.req.header("If-None-Match")?.trim();
  if (requireIfMatch && !ifMatch) {
    throw new DomainError("precondition_required", 'Send If-Match with the ETag (version) you edited, e.g. If-Match: "3"');
  }
  return {
    ...(ifMatch && { ifMatch: versionsIn("If-Match", ifMatch, false) }),
    ...(ifNoneMatch && { ifNoneMatch: versionsIn("If-None-Match", ifNoneMatch, true) }),
  };
}

/** For a read: whether If-None-Match names this version (weak comparison), so the answer is 304. */
export function notModifiedSince(c: Context, version: number): boolean {
  const header = c.req.header("If-None-Match")?.trim();
  if (!header) return false;
  const versions = versionsIn("If-None-Match", header, true);
  return versions === "any" || versions.includes(version);
}

/**
 * `X-Masthead-Autosave: 1` marks an edit as an editor's autosave, which folds into the actor's working
 * revision (src/publish/autosave.ts); `0` or no header is an explicit save. Keys may send it too.
 */
export function isAutosave(c: Context): boolean {
  const value = c.req.header("X-Masthead-Autosave")?.trim();
  if (value === undefined || value === "0") return false;
  if (value === "1") return true;
  throw badRequest("X-Masthead-Autosave must be 1 (an autosave) or 0", [{ path: "X-Masthead-Autosave", message: "must be 1 or 0" }]);
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

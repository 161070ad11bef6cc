// Expected failures, by code (after benbjohnson/wtf): the code says what went wrong, in the domain's
// words; src/http/errors.ts alone decides each code's HTTP status and headers.

/**
 * One problem of a request: which field, in words, and when known which rule it breaks (`max_characters`,
 * `regex`…) and that rule's number (50, for at most 50 characters), for clients that say it in their own words.
 */
export type ErrorDetail = { path: string; message: string; rule?: string; limit?: number };

export type ErrorCode =
  // The request itself is malformed.
  | "bad_request"
  | "empty_body"
  // Who is asking.
  | "unauthorized"
  | "invalid_token"
  | "forbidden"
  | "too_many_failures"
  | "too_many_requests"
  | "invalid_credentials"
  | "csrf"
  | "access_only"
  | "access_denied"
  | "not_a_person"
  // What is asked for.
  | "not_found"
  | "gone"
  | "link_unknown"
  | "link_expired"
  | "link_used"
  | "method_not_allowed"
  | "range_not_satisfiable"
  | "unsupported_media_type"
  | "payload_too_large"
  // Preconditions (If-Match).
  | "precondition_required"
  | "version_conflict"
  // The request is understood but conflicts with the current state.
  | "conflict"
  | "id_taken"
  | "in_trash"
  | "already_published"
  | "wrong_status"
  | "section_gone"
  | "idempotency_race"
  | "last_admin_key"
  | "last_admin"
  | "login_taken"
  | "email_taken"
  | "passkey_taken"
  | "key_revoked"
  | "rotated_concurrently"
  | "slug_taken"
  | "group_not_empty"
  // The request is well-formed but its content cannot be accepted.
  | "invalid"
  | "unknown_section"
  | "unknown_image"
  | "body_too_large"
  | "invalid_image"
  | "image_too_large"
  | "idempotency_key_reused"
  | "revision_unreadable"
  | "weak_password"
  | "passkey_rejected"
  | "fetch_failed"
  | "unknown_article"
  | "not_published"
  | "needs_picture"
  | "over_capacity"
  | "unknown_group"
  // The service.
  | "unavailable"
  | "previews_disabled"
  | "misconfigured"
  | "internal_error";

/** Members of the JSON error body besides code and message: `details`, `current_version`, `retry_after`… */
export type ErrorInfo = { details?: ErrorDetail[]; [member: string]: unknown };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly info: ErrorInfo;

  constructor(code: ErrorCode, message: string, info: ErrorInfo = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.info = info;
  }
}

export const notFound = (message = "Not found") => new DomainError("not_found", message);

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new DomainError("bad_request", message, details ? { details } : {});

/** 403 for a role or an ownership rule, naming the role that would be allowed. */
export const forbidden = (message: string, requiredRole = "editor") =>
  new DomainError("forbidden", message, { required_role: requiredRole });

/** For any body that is too large, with the limit it passed. */
export const payloadTooLarge = (maxBytes: number) =>
  new DomainError("payload_too_large", `The request body is larger than ${maxBytes} bytes`, { max_bytes: maxBytes });

/** Draft previews without a PREVIEW_SECRET to sign their links: the message says how to set one, here and there. */
export const previewsDisabled = () =>
  new DomainError(
    "previews_disabled",
    "Previews are off: no PREVIEW_SECRET is set. Locally, `npm run dev` writes a random one to .dev.vars on its first start " +
      "(restart it; or add a line PREVIEW_SECRET=<random text> there yourself); in production: npx wrangler secret put PREVIEW_SECRET",
  );

/**
 * The article (or person, slot, topic) moved on from the version the client based its change on; `current` is the version
 * now, and `lastChange` says who made it and when (`updated_at`, `updated_by`, `last_action`), so an editor can
 * show the person whose save was refused what happened before fetching it as it is. The code is the same for
 * both; the message names which was changed.
 */
export const versionConflict = (current: number, lastChange: ErrorInfo = {}, resource = "article") =>
  new DomainError("version_conflict", `The ${resource} has changed since the version you sent; it is now at version ${current}`, {
    current_version: current,
    ...lastChange,
  });

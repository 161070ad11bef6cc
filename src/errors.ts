// The one error type for expected failures; app.onError maps it to an HTML page or a JSON body.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ErrorDetail = { path: string; message: string };

export type ErrorExtra = { details?: ErrorDetail[]; headers?: Record<string, string>; [key: string]: unknown };

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  /** Extra members of the JSON error body, and `headers` to send with it. */
  readonly extra: ErrorExtra;

  constructor(status: ContentfulStatusCode, code: string, message: string, extra: ErrorExtra = {}) {
    super(message);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.extra = extra;
  }
}

export const notFound = (message = "Not found") => new AppError(404, "not_found", message);
/** 413, with the limit that was passed, for any body that is too large. */
export const payloadTooLarge = (maxBytes: number) =>
  new AppError(413, "payload_too_large", `The request body is larger than ${maxBytes} bytes`, { max_bytes: maxBytes });

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError(400, "bad_request", message, details ? { details } : {});

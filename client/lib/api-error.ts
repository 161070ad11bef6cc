// A refusal as the desk's pages handle it, the server's or their own: apart from the API client so a rule
// shared with the server (client/lib/password.ts) can be checked by the Worker's tests without the DOM.
export type ApiError = {
  /** 0 when the request never got an answer (offline, refused). */
  status: number;
  code: string;
  message: string;
  /** The error body's other fields: retry_after, details, current_version … */
  info: Record<string, unknown>;
};

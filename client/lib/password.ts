// The password rule checked before sending (the server checks it again: 422 weak_password), so a person
// hears what is wrong at once; and the two entries compared, which only the page can do.
import type { ApiError } from "./api.ts";

const MIN_CHARS = 10;
const MAX_BYTES = 1024;

const problem = (code: string): ApiError => ({ status: 0, code, message: code, info: {} });

/** Why `password` (typed twice) cannot be used, or null. */
export function passwordProblem(password: string, again: string): ApiError | null {
  if (password !== again) return problem("passwords_differ");
  const chars = [...password].length;
  if (chars < MIN_CHARS || new TextEncoder().encode(password).length > MAX_BYTES || password.trim() === "") {
    return problem("weak_password");
  }
  return null;
}

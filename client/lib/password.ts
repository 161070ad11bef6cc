// The password rule checked before sending — the server's own (src/auth/password-rule.ts, shared, so the page
// never accepts what sign-in refuses with 422 weak_password) — so a person hears what is wrong at once; and
// the two entries compared, which only the page can do.
import type { ApiError } from "./api-error.ts";
import { brokenPasswordRule } from "../../src/auth/password-rule.ts";

/** Why `password` (typed twice, in the field `path`) cannot be used, or null: as the server's 422 would say it. */
export function passwordProblem(password: string, again: string, path = "password"): ApiError | null {
  if (password !== again) return { status: 0, code: "passwords_differ", message: "passwords_differ", info: {} };
  const rule = brokenPasswordRule(password);
  if (rule === null) return null;
  return { status: 0, code: "weak_password", message: "weak_password", info: { details: [{ path, message: rule, rule }] } };
}

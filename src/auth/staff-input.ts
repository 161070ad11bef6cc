// What may be asked of sign-in and of the staff API, as valibot schemas, shared by the routes and the staff
// CLI so both refuse the same input. New passwords are checked by password.ts (422 weak_password), not here.
import * as v from "valibot";
import { ROLES } from "../domain/role.ts";
import { PEOPLE_LIMITS } from "../domain/staff.ts";
import { closed } from "../content/schemas.ts";
import { requiredLine } from "../content/text-rules.ts";

/** A login: letters, digits and . _ @ - (pinyin, initials, an email address), one word, up to 64 characters. */
const LOGIN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._@-]{0,${PEOPLE_LIMITS.login - 1}}$`);

/**
 * A login as typed, NFKC-normalised first (as sign-in normalises it): `ｗａｎｇｆａｎｇ`, typed with a Chinese
 * input method in full-width mode, is the login `wangfang`.
 */
export const normalizeLogin = (login: string) => login.normalize("NFKC");

const Login = v.pipe(
  v.string("must be a string"),
  v.transform(normalizeLogin),
  v.regex(LOGIN, "must be 1 to 64 letters, digits or . _ @ -, starting with a letter or digit"),
);

/** A display name follows the rules of a title: one visible line, counted in characters (王芳, Wang Fang). */
const DisplayName = requiredLine(PEOPLE_LIMITS.displayName);

const StaffRole = v.picklist(ROLES, `must be one of ${ROLES.join(", ")}`);

/** Compared and stored lower-case: Cloudflare Access names people by email, in whatever case they typed it. */
export const Email = v.pipe(
  v.string("must be a string"),
  // The rules below as one JSON Schema pattern for the API document: spaces at either end are trimmed, then at
  // most 254 characters of valibot's email form (its EMAIL_REGEX).
  v.metadata<string, Record<string, unknown>>({
    pattern: String.raw`^\s*(?=\S{1,254}\s*$)[\w+-]+(?:\.[\w+-]+)*@[\da-zA-Z]+(?:[.-][\da-zA-Z]+)*\.[a-zA-Z]{2,}\s*$`,
    description: "An email address, at most 254 characters; compared and stored lower-case.",
  }),
  v.transform((s: string) => s.trim().toLowerCase()),
  v.maxLength(PEOPLE_LIMITS.email, `must be at most ${PEOPLE_LIMITS.email} characters`),
  v.email("must be an email address"),
);

/** POST /api/v1/admin/staff and the CLI's invite. */
export const StaffInput = closed({
  login: Login,
  display_name: DisplayName,
  role: StaffRole,
  email: v.optional(v.nullable(Email)),
});

/** PATCH /api/v1/admin/staff/:id: what an admin may change, at least one field. */
export const StaffPatch = closed(
  {
    display_name: v.optional(DisplayName),
    role: v.optional(StaffRole),
    email: v.optional(v.nullable(Email)),
    state: v.optional(v.picklist(["active", "disabled"], 'must be "active" or "disabled"')),
  },
  { test: (o) => Object.keys(o).length > 0, message: "must change at least one field", json: { minProperties: 1 } },
);

/** Passwords arrive as typed; their rules are password.ts's. A string, never trimmed: spaces are characters. */
const Secret = v.string("must be a string");

export const LoginRequest = closed({ login: v.pipe(v.string("must be a string"), v.maxLength(256, "is too long")), password: Secret });

const LinkToken = v.pipe(v.string("must be a string"), v.maxLength(256, "is too long"));

export const LinkInspect = closed({ token: LinkToken });

export const LinkComplete = closed({ token: LinkToken, password: Secret });

export const PasswordChange = closed({ current_password: Secret, new_password: Secret });

export const PasskeyName = requiredLine(PEOPLE_LIMITS.passkeyName);

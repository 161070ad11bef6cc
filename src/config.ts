// The [vars] (wrangler.toml) the Worker and its tools read as numbers or choices, each with one rule, checked
// here by valibot the first time something asks and kept per env object. A missing or nonsensical value is a
// deployment error naming the variable, never a reason to let anyone in or to lock everyone out for good.
import * as v from "valibot";

const HOUR_MS = 3_600_000;

/** A [var] that must be a whole number of at least `min` (as [vars] are, a string). */
const wholeNumber = (min: number, rule: string) =>
  v.message(v.pipe(v.string(), v.transform(Number), v.integer(), v.minValue(min)), rule);

const positive = wholeNumber(1, "a positive integer");

/** A team name, its domain, or its URL: all name the same issuer. */
const TEAM = /^(?:https:\/\/)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.cloudflareaccess\.com)?\/?$/i;

const Access = v.pipe(
  v.object({ ACCESS_TEAM_DOMAIN: v.optional(v.string(), ""), ACCESS_AUD: v.optional(v.string(), "") }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const team = dataset.value.ACCESS_TEAM_DOMAIN.trim();
    const audience = dataset.value.ACCESS_AUD.trim();
    if (!team && !audience) return null;
    if (!team || !audience) {
      addIssue({ message: "ACCESS_TEAM_DOMAIN and ACCESS_AUD go together: set both, or neither" });
      return NEVER;
    }
    const name = TEAM.exec(team)?.[1];
    if (!name) {
      addIssue({ message: `ACCESS_TEAM_DOMAIN must look like "newsroom.cloudflareaccess.com", not ${JSON.stringify(team)}` });
      return NEVER;
    }
    return { issuer: `https://${name.toLowerCase()}.cloudflareaccess.com`, audience };
  }),
);

export type AccessConfig = {
  /** `https://<team>.cloudflareaccess.com`: the tokens' issuer, and where its signing keys are published. */
  issuer: string;
  /** The Access application's AUD tag. */
  audience: string;
};

const SignIn = v.pipe(
  v.object({
    SIGN_IN_MAX_FAILURES: positive,
    SIGN_IN_CLIENT_MAX_FAILURES: positive,
    SIGN_IN_WINDOW_SECONDS: positive,
    SESSION_IDLE_HOURS: positive,
    SESSION_MAX_DAYS: positive,
    LINK_HOURS: positive,
  }),
  v.transform((vars) => ({
    limits: { accountMaxFailures: vars.SIGN_IN_MAX_FAILURES, clientMaxFailures: vars.SIGN_IN_CLIENT_MAX_FAILURES, windowMs: vars.SIGN_IN_WINDOW_SECONDS * 1000 },
    session: { idleMs: vars.SESSION_IDLE_HOURS * HOUR_MS, maxMs: vars.SESSION_MAX_DAYS * 24 * HOUR_MS },
    linkTtlMs: vars.LINK_HOURS * HOUR_MS,
  })),
);

export type SignInConfig = v.InferOutput<typeof SignIn> & {
  /** Null unless Cloudflare Access is configured; then passwords and passkeys are off. */
  access: AccessConfig | null;
};

/** Failed key authentications a client may make per fixed window (src/auth/middleware.ts). */
const AuthLimits = v.pipe(
  v.object({ AUTH_MAX_FAILURES: positive, AUTH_WINDOW_SECONDS: positive }),
  v.transform((vars) => ({ maxFailures: vars.AUTH_MAX_FAILURES, windowMs: vars.AUTH_WINDOW_SECONDS * 1000 })),
);

/** Unset or empty: a day, the edge's default (wrangler.toml says when to make it shorter). */
const EdgeTtl = v.object({
  EDGE_TTL_SECONDS: v.pipe(v.optional(v.string(), ""), v.transform((s) => (s === "" ? "86400" : s)), wholeNumber(0, "a whole number of seconds")),
});

/** Parses `vars` with `schema`; the first problem becomes an error that names the variable and its value. */
function parse<const S extends v.GenericSchema>(schema: S, vars: object): v.InferOutput<S> {
  const result = v.safeParse(schema, vars);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const at = issue.path?.[0];
  if (typeof at?.key !== "string") throw new Error(issue.message);
  throw new Error(`${at.key} must be ${issue.message}, not ${JSON.stringify(at.value) ?? "unset"}`);
}

/** `read` once per env object: a Worker's env lives as long as its isolate, and a test's stand-in env as its test. */
function perEnv<T>(read: (vars: object) => T): (vars: object) => T {
  const seen = new WeakMap<object, { value: T }>();
  return (vars) => {
    const hit = seen.get(vars);
    if (hit) return hit.value;
    const value = read(vars);
    seen.set(vars, { value });
    return value;
  };
}

type Vars<K extends string> = Readonly<Record<K, string>>;

/** Staff sign-in's rules: failure limits, session lengths, link lifetime, and Cloudflare Access if set. */
export const signInConfig: (
  vars: Vars<"SIGN_IN_MAX_FAILURES" | "SIGN_IN_CLIENT_MAX_FAILURES" | "SIGN_IN_WINDOW_SECONDS" | "SESSION_IDLE_HOURS" | "SESSION_MAX_DAYS" | "LINK_HOURS" | "ACCESS_TEAM_DOMAIN" | "ACCESS_AUD">,
) => SignInConfig = perEnv((vars) => ({ ...parse(SignIn, vars), access: parse(Access, vars) }));

/** API keys' failure limit: AUTH_MAX_FAILURES guesses per AUTH_WINDOW_SECONDS. */
export const authLimits: (vars: Vars<"AUTH_MAX_FAILURES" | "AUTH_WINDOW_SECONDS">) => { maxFailures: number; windowMs: number } = perEnv(
  (vars) => parse(AuthLimits, vars),
);

/** How long the edge keeps a page without asking the Worker, in seconds (EDGE_TTL_SECONDS). */
export const edgeTtlSeconds: (vars: Partial<Vars<"EDGE_TTL_SECONDS">>) => number = perEnv((vars) => parse(EdgeTtl, vars).EDGE_TTL_SECONDS);

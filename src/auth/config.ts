// Sign-in's [vars] (wrangler.toml), read and checked in one place. A missing or nonsensical value is a
// deployment error, never a reason to let anyone in or to lock everyone out for good.

export type AccessConfig = {
  /** `https://<team>.cloudflareaccess.com`: the tokens' issuer, and where its signing keys are published. */
  issuer: string;
  /** The Access application's AUD tag. */
  audience: string;
};

export type SignInConfig = {
  limits: { accountMaxFailures: number; clientMaxFailures: number; windowMs: number };
  session: { idleMs: number; maxMs: number };
  linkTtlMs: number;
  /** Null unless Cloudflare Access is configured; then passwords and passkeys are off. */
  access: AccessConfig | null;
};

/** The [vars] as the Worker's env and the staff CLI (from wrangler.toml) both hold them. */
type Vars = Record<
  | "SIGN_IN_MAX_FAILURES"
  | "SIGN_IN_CLIENT_MAX_FAILURES"
  | "SIGN_IN_WINDOW_SECONDS"
  | "SESSION_IDLE_HOURS"
  | "SESSION_MAX_DAYS"
  | "LINK_HOURS"
  | "ACCESS_TEAM_DOMAIN"
  | "ACCESS_AUD",
  string
>;

function positive(vars: Vars, name: keyof Vars): number {
  const value = Number(vars[name]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(vars[name])}`);
  return value;
}

/** A team name, its domain, or its URL: all name the same issuer. */
const TEAM = /^(?:https:\/\/)?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.cloudflareaccess\.com)?\/?$/i;

function accessFrom(vars: Vars): AccessConfig | null {
  const team = vars.ACCESS_TEAM_DOMAIN.trim();
  const audience = vars.ACCESS_AUD.trim();
  if (!team && !audience) return null;
  if (!team || !audience) throw new Error("ACCESS_TEAM_DOMAIN and ACCESS_AUD go together: set both, or neither");
  const name = TEAM.exec(team)?.[1];
  if (!name) throw new Error(`ACCESS_TEAM_DOMAIN must look like "newsroom.cloudflareaccess.com", not ${JSON.stringify(team)}`);
  return { issuer: `https://${name.toLowerCase()}.cloudflareaccess.com`, audience };
}

export function signInConfig(vars: Vars): SignInConfig {
  const hour = 3_600_000;
  return {
    limits: {
      accountMaxFailures: positive(vars, "SIGN_IN_MAX_FAILURES"),
      clientMaxFailures: positive(vars, "SIGN_IN_CLIENT_MAX_FAILURES"),
      windowMs: positive(vars, "SIGN_IN_WINDOW_SECONDS") * 1000,
    },
    session: { idleMs: positive(vars, "SESSION_IDLE_HOURS") * hour, maxMs: positive(vars, "SESSION_MAX_DAYS") * 24 * hour },
    linkTtlMs: positive(vars, "LINK_HOURS") * hour,
    access: accessFrom(vars),
  };
}

// API keys and roles: an author writes their own drafts, an editor publishes anything, an admin also manages keys.

/** Lowest to highest; each role may do everything the ones before it may. */
export const ROLES = ["author", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const roleAtLeast = (role: Role, minimum: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(minimum);

export type ApiKey = {
  id: number;
  name: string;
  role: Role;
  /** The 8 characters after `mh_`, shown in listings so people can tell keys apart. */
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

/** A freshly made key: `key` is shown once to whoever asked for it, only `prefix` and `hash` are stored. */
export type KeyMaterial = { key: string; prefix: string; hash: string };

/** Who makes a change: an API key, or a tool (the scheduler, the seed, the importer) with `id: null`. */
export type Actor = { id: number | null; name: string; role: Role };

/** The cron trigger publishing scheduled articles acts with an editor's rights. */
export const SCHEDULER: Actor = { id: null, name: "scheduler", role: "editor" };

// Roles, the same for people and API keys: an author writes their own drafts, an editor publishes anything,
// an admin also manages keys and people.

/** Lowest to highest; each role may do everything the ones before it may. */
export const ROLES = ["author", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export const roleAtLeast = (role: Role, minimum: Role): boolean => ROLES.indexOf(role) >= ROLES.indexOf(minimum);

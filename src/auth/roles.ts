// Roles and their order: an author writes own drafts, an editor publishes anything, an admin also manages keys.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { AppError } from "../errors.ts";

/** Lowest to highest; each role may do everything the ones before it may. */
export const ROLES = ["author", "editor", "admin"] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** For finer checks in route code, e.g. an author may edit only their own drafts. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}

/** Refuses (403) a request whose API key's role is below `minimum`. Mount after apiKeyAuth(). */
export function requireRole(minimum: Role): MiddlewareHandler<AppEnv> {
  if (!isRole(minimum)) throw new Error(`requireRole: unknown role ${String(minimum)}`);
  return async function requireRole(c, next) {
    const key = c.get("apiKey");
    // Fails closed if mounted without apiKeyAuth() in front of it.
    if (!key || !roleAtLeast(key.role, minimum)) {
      throw new AppError(403, "forbidden", `This needs the ${minimum} role or higher`, { required_role: minimum });
    }
    await next();
  };
}

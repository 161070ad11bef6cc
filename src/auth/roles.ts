// The middleware that refuses a request whose actor's role is too low, a key's or a person's alike; the
// roles themselves are in domain/.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { type Role, isRole, roleAtLeast } from "../domain/role.ts";
import { forbidden } from "../domain/errors.ts";

/** Refuses (403) a request whose actor's role is below `minimum`. Mount after authenticate(). */
export function requireRole(minimum: Role): MiddlewareHandler<AppEnv> {
  if (!isRole(minimum)) throw new Error(`requireRole: unknown role ${String(minimum)}`);
  return async function requireRole(c, next) {
    const actor = c.get("actor");
    // Fails closed if mounted without authenticate() in front of it.
    if (!actor || !roleAtLeast(actor.role, minimum)) throw forbidden(`This needs the ${minimum} role or higher`, minimum);
    await next();
  };
}

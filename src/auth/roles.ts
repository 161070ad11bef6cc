// The middleware that refuses a request whose key's role is too low; the roles themselves are in domain/.
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { type Role, isRole, roleAtLeast } from "../domain/api-key.ts";
import { forbidden } from "../domain/errors.ts";

/** Refuses (403) a request whose API key's role is below `minimum`. Mount after apiKeyAuth(). */
export function requireRole(minimum: Role): MiddlewareHandler<AppEnv> {
  if (!isRole(minimum)) throw new Error(`requireRole: unknown role ${String(minimum)}`);
  return async function requireRole(c, next) {
    const key = c.get("apiKey");
    // Fails closed if mounted without apiKeyAuth() in front of it.
    if (!key || !roleAtLeast(key.role, minimum)) throw forbidden(`This needs the ${minimum} role or higher`, minimum);
    await next();
  };
}

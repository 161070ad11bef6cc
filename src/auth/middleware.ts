// Authenticates admin API requests by API key (RFC 6750 bearer tokens) and locks out clients that keep guessing.
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Bindings } from "../env.ts";
import { AppError } from "../errors.ts";
import { type ApiKey, type StoredApiKey, authFailureState, findKeysByPrefix, recordAuthFailure, touchLastUsed } from "../db/keys.ts";
import { constantTimeEqual, hashKey, parseKey } from "./keys.ts";

// RFC 6750 §2.1: the scheme is case-insensitive (RFC 7235 §2.1), the token a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const CHALLENGE = 'Bearer realm="masthead"';

type Limits = { maxFailures: number; windowMs: number };

/** Read per request from the [vars]; a missing or nonsensical value is a deployment error, not a reason to let anyone in. */
function limitsFrom(env: Bindings): Limits {
  const maxFailures = Number(env.AUTH_MAX_FAILURES);
  const windowSeconds = Number(env.AUTH_WINDOW_SECONDS);
  if (!Number.isInteger(maxFailures) || maxFailures < 1 || !Number.isInteger(windowSeconds) || windowSeconds < 1) {
    throw new Error("AUTH_MAX_FAILURES and AUTH_WINDOW_SECONDS must be positive integers");
  }
  return { maxFailures, windowMs: windowSeconds * 1000 };
}

/** The key whose stored hash matches, comparing every candidate in constant time. */
async function matchKey(presented: string, candidates: StoredApiKey[]): Promise<ApiKey | null> {
  const hash = await hashKey(presented);
  let match: ApiKey | null = null;
  for (const { secretHash, ...key } of candidates) {
    if (constantTimeEqual(hash, secretHash)) match = key;
  }
  return match;
}

const missingKey = () =>
  new AppError(401, "unauthorized", "An API key is required: Authorization: Bearer <key>", {
    headers: { "WWW-Authenticate": CHALLENGE },
  });

const invalidKey = (message: string) =>
  new AppError(401, "invalid_token", message, {
    headers: { "WWW-Authenticate": `${CHALLENGE}, error="invalid_token"` },
  });

/**
 * Sets `apiKey` for the rest of the request, or refuses it: 401 without a valid key, 429 for a client
 * (by CF-Connecting-IP) that failed AUTH_MAX_FAILURES times in the current fixed window of
 * AUTH_WINDOW_SECONDS. The lockout is checked before the key, so a locked-out client is refused even
 * with a valid key until the window ends: otherwise a guesser would learn from the 429-vs-200 difference
 * which guess was right. Only guesses count as failures: not a request without credentials, nor a revoked key.
 */
export function apiKeyAuth(): MiddlewareHandler<AppEnv> {
  return async function apiKeyAuth(c, next) {
    const { maxFailures, windowMs } = limitsFrom(c.env);
    const db = c.env.DB;
    const now = Date.now();
    const windowStart = now - (now % windowMs);
    // Cloudflare sets CF-Connecting-IP on every request it proxies; without it (local tools) all share one bucket.
    const client = c.req.header("CF-Connecting-IP") ?? "unknown";
    const header = c.req.header("Authorization");
    const token = header === undefined ? undefined : BEARER.exec(header)?.[1];
    const parsed = token === undefined ? null : parseKey(token);

    // Both reads in parallel to spend one round trip; the lockout still decides first.
    const [failures, candidates] = await Promise.all([
      authFailureState(db, client, windowStart),
      parsed ? findKeysByPrefix(db, parsed.prefix) : Promise.resolve([]),
    ]);
    if (failures >= maxFailures) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
      throw new AppError(429, "too_many_failures", "Too many failed authentications from this client; try again later", {
        retry_after: retryAfter,
        headers: { "Retry-After": String(retryAfter) },
      });
    }
    if (header === undefined) throw missingKey();

    const key = token !== undefined && candidates.length > 0 ? await matchKey(token, candidates) : null;
    if (!key) {
      await recordAuthFailure(db, client, windowStart);
      // RFC 6750 §3.1: no error code when the request carried no bearer token at all (e.g. Basic).
      throw token === undefined ? missingKey() : invalidKey("The API key is malformed or unknown");
    }
    // Not counted: only the holder of the whole key gets here, so it is no guess, and a forgotten tool
    // still sending an old key must not lock out everyone behind the same address.
    if (key.revokedAt !== null) throw invalidKey("The API key was revoked");
    await touchLastUsed(db, key, now);
    c.set("apiKey", key);
    await next();
  };
}

// The one middleware that turns an admin API request into an actor: an API key (RFC 6750 bearer token),
// a desk session cookie, or Cloudflare Access's signed identity. Routes and the write path see only the
// actor (`c.get("actor")`), never which of the three vouched for it. Clients that keep guessing keys are
// locked out; a browser's credential (cookie, Access) may change something only as the desk does (csrf.ts).
// A reader route checks a Masthead key with the same verifyKey (src/auth/reader-credentials.ts).
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import type { ApiKey } from "../domain/api-key.ts";
import { DomainError } from "../domain/errors.ts";
import { type StoredApiKey, lookupForAuth } from "../db/keys.ts";
import type { SignedIn } from "../domain/staff.ts";
import { constantTimeEqual, hashKey, parseKey } from "./keys.ts";
import { authLimits, signInConfig } from "../config.ts";
import { sessionTokenOf } from "./cookie.ts";
import { checkDeskRequest } from "./csrf.ts";
import { ACCESS_HEADER } from "./access.ts";
import { clientOf, spend } from "../http/rate-limit.ts";
import { accessPerson, sessionPerson } from "./person.ts";

// RFC 6750 §2.1: the scheme is case-insensitive (RFC 7235 §2.1), the token a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The key whose stored hash matches, comparing every candidate in constant time. */
function matchKey(hash: string, candidates: StoredApiKey[]): (ApiKey & { revokedAt: number | null }) | null {
  let match: ApiKey | null = null;
  for (const { secretHash, ...key } of candidates) {
    if (constantTimeEqual(hash, secretHash)) match = key;
  }
  return match;
}

const missingCredentials = () => new DomainError("unauthorized", "Sign in, or send an API key: Authorization: Bearer <key>");
const invalidKey = (message: string) => new DomainError("invalid_token", message);

/** The token of an RFC 6750 bearer credential, or undefined for anything else (another scheme, junk, nothing). */
export const bearerToken = (header: string | undefined): string | undefined => (header === undefined ? undefined : BEARER.exec(header)?.[1]);

/**
 * The key the request presents, verified, or a refusal: 401 without a valid key, 429 for a client (by
 * CF-Connecting-IP) over its AUTHENTICATIONS rate limit — checked first, before any D1 — or one that failed
 * AUTH_MAX_FAILURES times in the current fixed window of AUTH_WINDOW_SECONDS. The lockout applies to valid
 * keys too until the window ends: otherwise a guesser would learn from the 429-vs-200 difference which guess
 * was right. Only guesses count as failures: not a request without credentials, nor a revoked key, nor a
 * key's secret from before it was rotated. Each guess is counted in the same round trip that looks it up,
 * so at most AUTH_MAX_FAILURES of them ever get a 401.
 */
export async function verifyKey(c: Context<AppEnv>): Promise<ApiKey> {
  const { maxFailures, windowMs } = authLimits(c.env);
  const client = clientOf(c);
  await spend(c.env.AUTHENTICATIONS, client);
  const now = Date.now();
  const windowStart = now - (now % windowMs);
  const header = c.req.header("Authorization");
  const token = bearerToken(header);
  // Whatever was presented is hashed, a malformed token or another scheme's credentials too: all are guesses.
  const hash = header === undefined ? null : await hashKey(token ?? header);
  // The primary: a guess counted on a replica would not be counted at all.
  const found = await lookupForAuth(c.env.DB, {
    client,
    windowStart,
    maxFailures,
    hash,
    prefix: (token && parseKey(token)?.prefix) ?? null,
    now,
  });
  const key = hash === null ? null : matchKey(hash, found.candidates);
  // A failed guess was counted: its own place in line decides; anything else sees the count so far.
  const counted = hash !== null && key === null && !found.rotated;
  if (counted ? found.failures > maxFailures : found.failures >= maxFailures) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    throw new DomainError("too_many_failures", "Too many failed authentications from this client; try again later", {
      retry_after: retryAfter,
    });
  }
  if (header === undefined) throw missingCredentials();
  // RFC 6750 §3.1: no error code when the request carried no bearer token at all (e.g. Basic).
  if (token === undefined) throw missingCredentials();
  if (found.rotated) throw invalidKey("The API key was rotated; use the new secret");
  if (!key) throw invalidKey("The API key is malformed or unknown");
  if (key.revokedAt !== null) throw invalidKey("The API key was revoked");
  return key;
}

/** Sets the key's actor for the rest of the request. */
export function actAsKey(c: Context<AppEnv>, key: ApiKey): void {
  c.set("actor", { kind: "key", id: key.id, name: key.name, role: key.role });
}

const sessionEnded = () => new DomainError("unauthorized", "登录已失效，请重新登录 / Your session has ended; sign in again");

/** Sets the person's actor, and the person, for the rest of the request. */
function actAs(c: Context<AppEnv>, person: SignedIn): void {
  const { staff } = person;
  c.set("actor", { kind: "staff", id: staff.id, name: staff.displayName, role: staff.role });
  c.set("signedIn", person);
}

/**
 * Sets `actor` for the rest of the request from whichever credential it carries: an Authorization header is
 * a key (and only a key); otherwise, with Cloudflare Access configured, Access's token; otherwise the desk's
 * session cookie. A browser's credential that would change something must come as the desk sends it (csrf.ts),
 * checked before anything is looked up. With no credential at all: 401, as for a missing key.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticate(c, next) {
    const config = signInConfig(c.env);
    const token = sessionTokenOf(c);
    if (c.req.header("Authorization") !== undefined) actAsKey(c, await verifyKey(c));
    else if (config.access) {
      checkDeskRequest(c);
      const assertion = c.req.header(ACCESS_HEADER);
      if (!assertion) throw new DomainError("unauthorized", "Sign in through Cloudflare Access, or send an API key: Authorization: Bearer <key>");
      actAs(c, await accessPerson(c.env.DB, assertion, config.access));
    } else if (token !== undefined) {
      checkDeskRequest(c);
      const person = await sessionPerson(c.env.DB, token, config.session.idleMs);
      if (!person) throw sessionEnded();
      actAs(c, person);
    } else actAsKey(c, await verifyKey(c));
    await next();
  };
}

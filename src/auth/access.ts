// Cloudflare Access: behind Zero Trust, Cloudflare signs in the person and sends every request on with a
// signed token, `Cf-Access-Jwt-Assertion`. It is trusted only once verified here with jose: signed (RS256)
// by one of the team's published keys, issued by the team's domain, for this application's AUD tag, and not
// expired. A request reaching the Worker some other way (a workers.dev address) has no valid token.
import { type JWTVerifyGetKey, createRemoteJWKSet, errors, jwtVerify } from "jose";
import { DomainError } from "../domain/errors.ts";
import type { AccessConfig } from "../config.ts";

export const ACCESS_HEADER = "Cf-Access-Jwt-Assertion";

/**
 * The team's key sets, kept for the isolate's life: jose caches the keys, fetches again when a token names a
 * key it has not seen (Access rotates its keys) at most once per cooldown, and after its cache age anyway.
 */
const keySets = new Map<string, JWTVerifyGetKey>();

function keySetOf(issuer: string): JWTVerifyGetKey {
  let keys = keySets.get(issuer);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${issuer}/cdn-cgi/access/certs`));
    keySets.set(issuer, keys);
  }
  return keys;
}

/** Failures that are the token's fault; anything else (the key set unreachable) is the service's. */
const TOKEN_FAULTS = [
  errors.JWTExpired,
  errors.JWTClaimValidationFailed,
  errors.JWTInvalid,
  errors.JWSInvalid,
  errors.JWSSignatureVerificationFailed,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
];

export type AccessIdentity = { email: string; issuedAt: number; expiresAt: number };

const denied = (message: string) => new DomainError("access_denied", message);

/** The verified identity in an Access token; 403 `access_denied` for any token that is not valid. */
export async function verifyAccessToken(token: string, config: AccessConfig): Promise<AccessIdentity> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keySetOf(config.issuer), {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "iat"],
    }));
  } catch (err) {
    if (TOKEN_FAULTS.some((fault) => err instanceof fault)) {
      throw denied(`The Cloudflare Access token is not valid (${err instanceof Error ? err.message : "unreadable"})`);
    }
    console.error("Cloudflare Access keys unavailable", err);
    throw new DomainError("unavailable", "Cloudflare Access's signing keys could not be fetched; try again shortly", { retry_after: 30 });
  }
  // A service token (a machine) has a common_name and no email: machines use API keys here.
  if (typeof payload.email !== "string" || !payload.email.includes("@")) {
    throw denied("This Cloudflare Access identity has no email address; tools use an API key");
  }
  return { email: payload.email.toLowerCase(), issuedAt: (payload.iat ?? 0) * 1000, expiresAt: (payload.exp ?? 0) * 1000 };
}

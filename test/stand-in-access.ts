// A stand-in Cloudflare Access for the tests, run in Node as part of the test Worker's outbound service
// (vitest.config.ts). It publishes the team's signing keys where Access does,
//
//   GET  https://<team>.cloudflareaccess.com/cdn-cgi/access/certs      {"keys": [public JWKs]}
//
// starting with the first key only; the tests hold every private key (the TEST_ACCESS binding) to sign
// tokens with, and drive the stand-in as Access would behave:
//
//   POST https://<team>.cloudflareaccess.com/test/publish?kid=<kid>    publishes another key (a rotation)
//   GET  https://<team>.cloudflareaccess.com/test/fetches              how often the certs were fetched
import { type JsonWebKey as NodeJwk, generateKeyPairSync } from "node:crypto";

export const ACCESS_TEAM = "masthead-test";
const ACCESS_HOST = `${ACCESS_TEAM}.cloudflareaccess.com`;

export type AccessKey = { kid: string; privateJwk: NodeJwk; publicJwk: NodeJwk };

/** RSA keys as Access uses (RS256): the first is published from the start, the others on request. */
export function accessKeys(count = 2): AccessKey[] {
  return Array.from({ length: count }, (_, i) => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    return { kid: `key-${i + 1}`, privateJwk: privateKey.export({ format: "jwk" }), publicJwk: publicKey.export({ format: "jwk" }) };
  });
}

type Outbound = { method: string; url: string };

/** Answers requests to the stand-in team's host; null for any other host. */
export function standInAccess(keys: AccessKey[]) {
  const published = new Set([keys[0]?.kid]);
  let fetches = 0;
  return function access(request: Outbound): Response | null {
    const url = new URL(request.url);
    if (url.hostname !== ACCESS_HOST) return null;
    if (url.pathname === "/cdn-cgi/access/certs") {
      fetches += 1;
      const jwks = keys.filter((k) => published.has(k.kid)).map((k) => ({ ...k.publicJwk, kid: k.kid, alg: "RS256", use: "sig" }));
      return Response.json({ keys: jwks });
    }
    if (url.pathname === "/test/publish" && request.method === "POST") {
      published.add(url.searchParams.get("kid") ?? "");
      return new Response(null, { status: 204 });
    }
    if (url.pathname === "/test/fetches") return Response.json({ fetches });
    return new Response("not an Access endpoint", { status: 404 });
  };
}

// API keys for tests, made through the same function the Worker and the CLI use.
//
//   const { headers } = await makeKey("editor");
//   await exports.default.fetch("http://localhost/api/v1/admin/...", { headers });
//
// Failed authentications are counted per CF-Connecting-IP (requests without one share an 'unknown'
// bucket) and a client with 10 failures in 5 minutes gets 429s even with a valid key. So a test that
// sends bad keys should send them from its own `uniqueClientIp()`, as `headers` here already does.
import { env } from "cloudflare:workers";
import type { ApiKey } from "../src/domain/api-key.ts";
import type { Role } from "../src/domain/role.ts";
import { generateKey } from "../src/auth/keys.ts";
import { createApiKey } from "../src/db/keys.ts";

export type TestKey = {
  key: ApiKey;
  /** The whole `mh_…` key. */
  secret: string;
  /** `Bearer mh_…`, the value of an Authorization header. */
  authHeader: string;
  /** Authorization plus a CF-Connecting-IP of this key's own, ready for `fetch(url, { headers })`. */
  headers: Record<string, string>;
};

let counter = 0;

/** A documentation-range IPv6 address (RFC 3849) no other test uses. */
export function uniqueClientIp(): string {
  counter += 1;
  const random = crypto.getRandomValues(new Uint16Array(3));
  return `2001:db8:${Array.from(random, (n) => n.toString(16)).join(":")}::${counter.toString(16)}`;
}

export async function makeKey(role: Role, name = `test ${role} ${crypto.randomUUID().slice(0, 8)}`): Promise<TestKey> {
  const { key, secret } = await createApiKey(env.DB, { name, role }, await generateKey());
  const authHeader = `Bearer ${secret}`;
  return { key, secret, authHeader, headers: { Authorization: authHeader, "CF-Connecting-IP": uniqueClientIp() } };
}

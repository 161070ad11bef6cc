// Passwords: the rules a new one must meet, and PBKDF2-SHA-256 hashing through WebCrypto, the one
// password-hashing function Workers offer natively. The stored form carries its parameters
// (`pbkdf2-sha256$<iterations>$<salt>$<hash>`, standard base64), so the count can be raised later: a
// password stored with fewer iterations still verifies, and is rehashed at its next sign-in.
// Plain WebCrypto, so the Worker and the Node staff CLI hash alike.
import { PASSWORD_RULES, type PasswordRule, brokenPasswordRule } from "./password-rule.ts";
import { constantTimeEqual } from "./keys.ts";

/**
 * The most Cloudflare's runtime allows: workerd refuses PBKDF2 above 100,000 iterations ("iteration counts
 * above 100000 are not supported") on deployed Workers. Local workerd does not enforce the cap (it derives
 * 600,000 without complaint), so raising this needs checking on a deployed Worker first. docs/people.md
 * has the CPU one sign-in costs at this count.
 */
export const PASSWORD_ITERATIONS = 100_000;

/** Stored hashes outside this range are not ours: refused before any work is done for them. */
const MAX_STORED_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SCHEME = "pbkdf2-sha256";

/**
 * NFKC, as NIST SP 800-63B §5.1.1.2 advises for Unicode passwords: the same password typed with an input
 * method in full-width mode (ｍｉｍａ１２３) or with a composed or decomposed accent is the same password.
 */
const normalize = (password: string) => password.normalize("NFKC");

const PROBLEMS: Record<PasswordRule, string> = {
  unicode: "must be valid Unicode text",
  max_bytes: `must be at most ${PASSWORD_RULES.maxBytes} bytes`,
  min_characters: `must be at least ${PASSWORD_RULES.minCharacters} characters, not counting control or zero-width characters`,
  invisible: "must not be only spaces or invisible characters",
};

/** Why a new password is refused: the rule it breaks and the words for it; null when it is acceptable. */
export function passwordProblem(password: string): { rule: PasswordRule; message: string } | null {
  const rule = brokenPasswordRule(password);
  return rule === null ? null : { rule, message: PROBLEMS[rule] };
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  return Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(normalize(password)), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** A new stored hash, with a fresh random salt. */
export async function hashPassword(password: string, iterations = PASSWORD_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(await derive(password, salt, iterations))}`;
}

type Parsed = { iterations: number; salt: Uint8Array; hash: string };

function parseStored(stored: string): Parsed | null {
  const [scheme, count, saltText, hash, ...rest] = stored.split("$");
  if (scheme !== SCHEME || rest.length || count === undefined || saltText === undefined || hash === undefined) return null;
  if (!/^[1-9][0-9]{0,7}$/.test(count) || Number(count) > MAX_STORED_ITERATIONS) return null;
  const salt = fromBase64(saltText);
  return salt && fromBase64(hash) ? { iterations: Number(count), salt, hash } : null;
}

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

/**
 * Whether `password` is the one `stored` was made from, compared in constant time. With no stored hash (an
 * unknown account, or one that never set a password) the same work is done against a random salt and the
 * answer is no: a wrong login takes as long as a wrong password, so timing tells nobody which accounts exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<PasswordCheck> {
  const parsed = stored === null ? null : parseStored(stored);
  if (!parsed) {
    await derive(password, crypto.getRandomValues(new Uint8Array(SALT_BYTES)), PASSWORD_ITERATIONS);
    return { ok: false, needsRehash: false };
  }
  const derived = toBase64(await derive(password, parsed.salt, parsed.iterations));
  const ok = constantTimeEqual(derived, parsed.hash);
  return { ok, needsRehash: ok && parsed.iterations < PASSWORD_ITERATIONS };
}

/** The iteration count a stored hash was made with, for the docs' and the tests' eyes; null if not ours. */
export const iterationsOf = (stored: string): number | null => parseStored(stored)?.iterations ?? null;

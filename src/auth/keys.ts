// API key material: the `mh_<prefix>_<secret>` format, generation and hashing. Plain Web Crypto, no
// Workers-only APIs, so the Worker and the Node key CLI (scripts/key.ts) make and check the same keys.
import type { KeyMaterial } from "../domain/api-key.ts";
import { sha256Hex } from "../content/sha256.ts";

/** RFC 4648 base32, lower-cased: no `_` or `-`, so a key is one double-clickable word in a terminal. */
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** 5 random bytes = 40 bits = exactly 8 base32 characters. Shown in listings; not secret. */
const PREFIX_BYTES = 5;
/** 32 random bytes = 256 bits, 52 base32 characters. */
const SECRET_BYTES = 32;

export const KEY_PATTERN = /^mh_([a-z2-7]{8})_([a-z2-7]{52})$/;

export type ParsedKey = { prefix: string; secret: string };

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

const randomBase32 = (bytes: number) => base32(crypto.getRandomValues(new Uint8Array(bytes)));

/** The parts of a well-formed key, or null for anything else (no partial matches, no trimming). */
export function parseKey(key: string): ParsedKey | null {
  const m = KEY_PATTERN.exec(key);
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { prefix: m[1], secret: m[2] };
}

/** Hex SHA-256 of the whole key, the only form in which a key is stored. */
export const hashKey = (key: string): Promise<string> => sha256Hex(key);

export async function generateKey(): Promise<KeyMaterial> {
  const prefix = randomBase32(PREFIX_BYTES);
  const key = `mh_${prefix}_${randomBase32(SECRET_BYTES)}`;
  return { key, prefix, hash: await hashKey(key) };
}

/**
 * Compares two strings in time that depends only on their lengths, never on where they differ.
 * Used on hashes (always 64 hex characters), so the length it may reveal is public anyway.
 * Portable on purpose: workerd's crypto.subtle.timingSafeEqual does not exist in Node.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

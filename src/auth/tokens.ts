// Secrets handed to a browser: session tokens and one-time link tokens. 256 random bits each, base64url
// (43 characters, safe in a cookie and a URL fragment); only their SHA-256 is ever stored, so a copy of the
// database signs nobody in.
import { sha256Hex } from "../content/sha256.ts";

const TOKEN_BYTES = 32;
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

export type Token = { token: string; hash: string };

export async function newToken(): Promise<Token> {
  const token = base64url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));
  return { token, hash: await hashToken(token) };
}

/** Hex SHA-256: what the database keeps and looks a token up by. */
export const hashToken = (token: string): Promise<string> => sha256Hex(token);

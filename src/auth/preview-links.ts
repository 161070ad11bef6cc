// Signed links to a draft's preview: HMAC-SHA-256 (RFC 2104) over the article id, the version it shows and
// when the link expires, with PREVIEW_SECRET. Anyone holding the link sees that version until then; a
// changed byte, a later version or a past expiry makes it worthless. No secret, no links: never a default.

const encoder = new TextEncoder();

export type PreviewClaim = { id: number; version: number; expires: number };

const message = (c: PreviewClaim) => encoder.encode(`masthead-preview:${c.id}:${c.version}:${c.expires}`);

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

const hmacKey = (secret: string, usage: "sign" | "verify") =>
  crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [usage]);

export async function signPreview(secret: string, claim: PreviewClaim): Promise<string> {
  return base64url(await crypto.subtle.sign("HMAC", await hmacKey(secret, "sign"), message(claim)));
}

/** Whether `signature` was made for exactly this claim; crypto.subtle.verify compares in constant time. */
export async function verifyPreview(secret: string, claim: PreviewClaim, signature: string): Promise<boolean> {
  const bytes = fromBase64url(signature);
  // The last base64url character carries two unused bits: only the one spelling signPreview makes counts.
  if (!bytes || base64url(bytes.buffer as ArrayBuffer) !== signature) return false;
  return crypto.subtle.verify("HMAC", await hmacKey(secret, "verify"), bytes, message(claim));
}

// Passkeys (WebAuthn) through @simplewebauthn/server: the options a browser needs to make or use one, the
// shapes a browser's answer must have (checked before the library sees it), and its verification against
// the site's origin and relying party ID. User verification is required: a passkey is a whole way in, not
// a second factor, so the authenticator must have checked that its owner is present (PIN, fingerprint, face).
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import * as v from "valibot";
import type { Staff } from "../domain/staff.ts";

/** How long a browser has to answer a challenge. */
export const CHALLENGE_TTL_MS = 5 * 60_000;

/** The site's host as passkeys know it (origin.ts's relyingParty). */
export type RelyingParty = { id: string; name: string; origin: string };

const B64URL = /^[A-Za-z0-9_-]*$/;
/** A credential's parts are bytes in base64url; 64 KB is far beyond any real authenticator's answer. */
const bytes = (max = 65_536) => v.pipe(v.string("must be a string"), v.maxLength(max, "is too long"), v.regex(B64URL, "must be base64url"));

/** What a browser answers with either ceremony (a PublicKeyCredential as JSON), around its own `response`. */
const credential = <T extends v.LooseObjectSchema<v.ObjectEntries, undefined>>(response: T) =>
  v.looseObject({
    id: bytes(1_400),
    rawId: bytes(1_400),
    type: v.literal("public-key", "must be public-key"),
    clientExtensionResults: v.record(v.string(), v.unknown()),
    authenticatorAttachment: v.optional(v.picklist(["platform", "cross-platform"])),
    response,
  });

export const RegistrationResponse = credential(
  v.looseObject({
    clientDataJSON: bytes(),
    attestationObject: bytes(),
    authenticatorData: v.optional(bytes()),
    transports: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(32))), v.maxLength(10))),
    publicKeyAlgorithm: v.optional(v.number()),
    publicKey: v.optional(bytes()),
  }),
);

export const AuthenticationResponse = credential(
  v.looseObject({
    clientDataJSON: bytes(),
    authenticatorData: bytes(),
    signature: bytes(),
    userHandle: v.optional(bytes(1_400)),
  }),
);

const base64urlToBytes = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (ch) => ch.charCodeAt(0));

const bytesToBase64url = (data: Uint8Array) =>
  btoa(String.fromCharCode(...data)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** The challenge the browser says it signed, from its clientDataJSON; null when there is none to read. */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const data: unknown = JSON.parse(new TextDecoder().decode(base64urlToBytes(clientDataJSON)));
    const challenge = typeof data === "object" && data !== null ? (data as { challenge?: unknown }).challenge : undefined;
    return typeof challenge === "string" && B64URL.test(challenge) && challenge.length <= 1_400 ? challenge : null;
  } catch {
    // Not base64 or not JSON: no challenge of ours, like any other answer without one.
    return null;
  }
}

/** Options for navigator.credentials.create(): a discoverable credential, so signing in needs no login. */
export function registrationOptions(rp: RelyingParty, person: Staff, existing: readonly { credentialId: string; transports: string[] }[]) {
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: person.login,
    userDisplayName: person.displayName,
    // The user handle: the person's id, which says nothing about them (WebAuthn §14.6.1).
    userID: Uint8Array.from(new TextEncoder().encode(`staff:${person.id}`)),
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

/** Options for navigator.credentials.get(): any of the site's passkeys (discoverable), verified by their owner. */
export const authenticationOptions = (rp: RelyingParty) =>
  generateAuthenticationOptions({ rpID: rp.id, timeout: CHALLENGE_TTL_MS, userVerification: "required" });

/** What either verification expects of an answer: this challenge, this origin and RP ID, a verified owner. */
const expected = (rp: RelyingParty, challenge: string) => ({
  expectedChallenge: challenge,
  expectedOrigin: rp.origin,
  expectedRPID: rp.id,
  requireUserVerification: true,
});

export type NewCredential = { credentialId: string; publicKey: string; counter: number; transports: string[] };

/** The credential a registration answer makes, or the reason it is refused. */
export async function verifyRegistration(
  rp: RelyingParty,
  response: v.InferOutput<typeof RegistrationResponse>,
  challenge: string,
): Promise<NewCredential | { refused: string }> {
  try {
    const result = await verifyRegistrationResponse({ response, ...expected(rp, challenge) });
    if (!result.verified) return { refused: "The passkey could not be verified" };
    const { credential } = result.registrationInfo;
    return {
      credentialId: credential.id,
      publicKey: bytesToBase64url(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
    };
  } catch (err) {
    // The library says what did not match (origin, RP ID, challenge, flags, format) in its message.
    return { refused: err instanceof Error ? err.message : String(err) };
  }
}

/** The authenticator's new signature counter when the assertion is valid for this passkey; null otherwise. */
export async function verifyAuthentication(
  rp: RelyingParty,
  response: v.InferOutput<typeof AuthenticationResponse>,
  challenge: string,
  passkey: { credentialId: string; publicKey: string; counter: number; transports: string[] },
): Promise<number | null> {
  try {
    const result = await verifyAuthenticationResponse({
      response,
      ...expected(rp, challenge),
      credential: { id: passkey.credentialId, publicKey: base64urlToBytes(passkey.publicKey), counter: passkey.counter, transports: passkey.transports },
    });
    return result.verified ? result.authenticationInfo.newCounter : null;
  } catch (err) {
    // A forged, replayed or mismatched assertion: the person is told only that it failed; the log says why.
    console.warn("passkey assertion refused:", err instanceof Error ? err.message : String(err));
    return null;
  }
}

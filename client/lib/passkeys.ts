// Passkeys (WebAuthn) in the desk through @simplewebauthn/browser: the server's options are checked, handed to
// the browser's authenticator, and its answer sent back. Signing in with one, and adding one to my account.
import { WebAuthnError, browserSupportsWebAuthn, startAuthentication, startRegistration } from "@simplewebauthn/browser";
import * as v from "valibot";
import { type Answer, type ApiError, command, request } from "./api.ts";

const Transport = v.picklist(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"]);
const Credential = v.object({ id: v.string(), type: v.literal("public-key"), transports: v.optional(v.array(Transport)) });
const UserVerification = v.picklist(["discouraged", "preferred", "required"]);
const Hints = v.optional(v.array(v.picklist(["hybrid", "security-key", "client-device"])));

/** What @simplewebauthn/server's generateAuthenticationOptions() gives (the fields the browser uses). */
const RequestOptions = v.object({
  challenge: v.string(),
  timeout: v.optional(v.number()),
  rpId: v.optional(v.string()),
  allowCredentials: v.optional(v.array(Credential)),
  userVerification: v.optional(UserVerification),
  hints: Hints,
});

/** What generateRegistrationOptions() gives. */
const CreationOptions = v.object({
  rp: v.object({ name: v.string(), id: v.optional(v.string()) }),
  user: v.object({ id: v.string(), name: v.string(), displayName: v.string() }),
  challenge: v.string(),
  pubKeyCredParams: v.array(v.object({ alg: v.number(), type: v.literal("public-key") })),
  timeout: v.optional(v.number()),
  excludeCredentials: v.optional(v.array(Credential)),
  authenticatorSelection: v.optional(
    v.object({
      authenticatorAttachment: v.optional(v.picklist(["platform", "cross-platform"])),
      requireResidentKey: v.optional(v.boolean()),
      residentKey: v.optional(v.picklist(["discouraged", "preferred", "required"])),
      userVerification: v.optional(UserVerification),
    }),
  ),
  attestation: v.optional(v.picklist(["direct", "enterprise", "indirect", "none"])),
  hints: Hints,
});

export const canUsePasskeys = (): boolean => browserSupportsWebAuthn();

/** The browser's refusal as the desk's kind of error: cancelled, already on this device, or something else. */
function ceremonyError(err: unknown): ApiError {
  const name = err instanceof WebAuthnError ? err.code : err instanceof Error ? err.name : "";
  const code =
    name === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || name === "InvalidStateError" ? "passkey_exists" : "passkey_cancelled";
  return { status: 0, code, message: err instanceof Error ? err.message : String(err), info: {} };
}

/** Signs in with a passkey on this device (discoverable: no 登录名 needed); the answer sets the session cookie. */
export async function signInWithPasskey(): Promise<Answer<null>> {
  const options = await request("POST", "/api/v1/auth/passkey/options", RequestOptions, { body: {} });
  if (!options.ok) return options;
  let response: Awaited<ReturnType<typeof startAuthentication>>;
  try {
    response = await startAuthentication({ optionsJSON: options.value });
  } catch (err) {
    return { ok: false, error: ceremonyError(err) };
  }
  return command("POST", "/api/v1/auth/passkey/verify", { body: { response } });
}

/** Adds a passkey on this device to the signed-in person's account, under `name`. */
export async function addPasskey(name: string): Promise<Answer<null>> {
  const options = await request("POST", "/api/v1/admin/me/passkeys/options", CreationOptions, { body: {} });
  if (!options.ok) return options;
  let response: Awaited<ReturnType<typeof startRegistration>>;
  try {
    response = await startRegistration({ optionsJSON: options.value });
  } catch (err) {
    return { ok: false, error: ceremonyError(err) };
  }
  return command("POST", "/api/v1/admin/me/passkeys", { body: { response, name } });
}

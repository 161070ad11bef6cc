// A software passkey for the tests: an ES256 (P-256) key pair made with WebCrypto, answering registrations
// with `fmt: "none"` attestation and sign-ins with assertions, as WebAuthn Level 3 lays them out (§6.1
// authenticator data, §6.5.4 attestation object, §5.8.1 client data). What a browser would send: the JSON
// of PublicKeyCredential.toJSON(). The browser-driven test with Chromium's virtual authenticator is the desk's.

type Cbor = number | Uint8Array | string | Map<number | string, Cbor>;

/** The few CBOR (RFC 8949) items WebAuthn needs: integers, byte and text strings, maps. */
function cbor(value: Cbor): Uint8Array {
  const head = (major: number, n: number): number[] => {
    if (n < 24) return [(major << 5) | n];
    if (n < 256) return [(major << 5) | 24, n];
    return [(major << 5) | 25, n >> 8, n & 0xff];
  };
  if (typeof value === "number") return Uint8Array.from(value >= 0 ? head(0, value) : head(1, -1 - value));
  if (typeof value === "string") {
    const bytes = new TextEncoder().encode(value);
    return concat(Uint8Array.from(head(3, bytes.length)), bytes);
  }
  if (value instanceof Uint8Array) return concat(Uint8Array.from(head(2, value.length)), value);
  return concat(Uint8Array.from(head(5, value.size)), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)]));
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const fromB64url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
const sha256 = async (data: Uint8Array<ArrayBuffer>) => new Uint8Array(await crypto.subtle.digest("SHA-256", data));
const u32 = (n: number) => Uint8Array.from([n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);

/** ECDSA signatures go over the wire as ASN.1 DER (WebAuthn §6.5.6); WebCrypto gives r‖s. */
function derSignature(raw: Uint8Array): Uint8Array {
  const integer = (bytes: Uint8Array) => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const trimmed = bytes.slice(i);
    const body = (trimmed[0] ?? 0) & 0x80 ? concat(Uint8Array.of(0), trimmed) : trimmed;
    return concat(Uint8Array.of(0x02, body.length), body);
  };
  const seq = concat(integer(raw.slice(0, 32)), integer(raw.slice(32)));
  return concat(Uint8Array.of(0x30, seq.length), seq);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export type Ceremony = { origin: string; rpId: string };

export class SoftwareAuthenticator {
  readonly credentialId = crypto.getRandomValues(new Uint8Array(16));
  private counter = 0;
  private keys: CryptoKeyPair | null = null;
  private userHandle: string | undefined;

  /** Whether the authenticator says it verified its owner (PIN, biometrics). */
  verifiesUser = true;

  get id(): string {
    return b64url(this.credentialId);
  }

  private async keyPair(): Promise<CryptoKeyPair> {
    this.keys ??= (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"])) as CryptoKeyPair;
    return this.keys;
  }

  private async authData(rpId: string, flags: number, extra = new Uint8Array()): Promise<Uint8Array<ArrayBuffer>> {
    const uv = this.verifiesUser ? FLAG_UV : 0;
    return concat(await sha256(Uint8Array.from(new TextEncoder().encode(rpId))), Uint8Array.of(flags | FLAG_UP | uv), u32(this.counter), extra);
  }

  private clientData(type: string, challenge: string, origin: string): Uint8Array<ArrayBuffer> {
    return Uint8Array.from(new TextEncoder().encode(JSON.stringify({ type, challenge, origin, crossOrigin: false })));
  }

  /** The answer to registration options (PublicKeyCredentialCreationOptionsJSON). */
  async register(options: { challenge: string; user: { id: string } }, at: Ceremony) {
    const { publicKey } = await this.keyPair();
    // workers-types declares exportKey's answer for every format at once; "jwk" is a JsonWebKey.
    const jwk = (await crypto.subtle.exportKey("jwk", publicKey)) as JsonWebKey;
    const cose = new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, fromB64url(jwk.x ?? "")],
      [-3, fromB64url(jwk.y ?? "")],
    ]);
    const attested = concat(new Uint8Array(16), Uint8Array.of(0, this.credentialId.length), this.credentialId, cbor(cose));
    const authData = await this.authData(at.rpId, FLAG_AT, attested);
    const attestationObject = cbor(new Map<string, Cbor>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]]));
    this.userHandle = options.user.id;
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge, at.origin)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
    };
  }

  /** The answer to authentication options (PublicKeyCredentialRequestOptionsJSON); each use counts up. */
  async assert(options: { challenge: string }, at: Ceremony) {
    this.counter += 1;
    const authData = await this.authData(at.rpId, 0);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, at.origin);
    const signed = concat(authData, await sha256(clientDataJSON));
    const { privateKey } = await this.keyPair();
    const raw = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, signed));
    return {
      id: this.id,
      rawId: this.id,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(derSignature(raw)),
        ...(this.userHandle && { userHandle: this.userHandle }),
      },
    };
  }

  /** Sets the counter back, as a cloned authenticator would replay an old count. */
  rewindCounter(to: number): void {
    this.counter = to;
  }
}

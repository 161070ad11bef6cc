// Run by `npm run dev` before wrangler dev: gives the local Worker a PREVIEW_SECRET on first start, so draft
// previews work out of the box. A random secret for this machine, in .dev.vars (git-ignored, read by wrangler
// dev, never uploaded by wrangler deploy), written only when the file sets none; nothing is ever overwritten.
//
//   node scripts/dev-vars.ts
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./bindings/local-env.ts";
import { hasPreviewSecret, withPreviewSecret } from "./dev-vars/preview-secret.ts";

const log = (message: string) => console.log(`dev-vars: ${message}`);

const DEV_VARS = join(ROOT, ".dev.vars");
const DOT_ENV = join(ROOT, ".env");

// 256 bits, as the HMAC-SHA-256 that signs preview links takes.
const secret = randomBytes(32).toString("base64url");
const existing = existsSync(DEV_VARS) ? readFileSync(DEV_VARS, "utf8") : null;

if (existing === null && existsSync(DOT_ENV)) {
  // wrangler reads .env only while there is no .dev.vars: making one would hide every value in .env.
  if (!hasPreviewSecret(readFileSync(DOT_ENV, "utf8"))) {
    log(`your local secrets are in .env, so previews stay off until it has a line such as PREVIEW_SECRET=${secret}`);
  }
} else {
  const next = withPreviewSecret(existing, secret);
  if (next !== null) {
    writeFileSync(DEV_VARS, next, { mode: 0o600 });
    log("wrote a local PREVIEW_SECRET to .dev.vars: draft previews work locally (wrangler deploy never uploads it)");
  }
}

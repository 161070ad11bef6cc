// One-time links as a person receives them: `<site>/desk/welcome#token=<token>`. The token rides in the
// fragment, which browsers never send to a server nor put in a Referer, so it stays out of every log; the
// welcome page's script reads it and posts it to /api/v1/auth/links/*. Only its hash is stored.
import type { LinkPurpose } from "../domain/staff.ts";
import type { NewLink } from "../db/staff-links.ts";
import { newToken } from "./tokens.ts";

const WELCOME_PATH = "/desk/welcome";

export type IssuedLink = { url: string; expiresAt: number; link: NewLink };

export async function makeLink(origin: string, purpose: LinkPurpose, ttlMs: number, now: number): Promise<IssuedLink> {
  const { token, hash } = await newToken();
  const expiresAt = now + ttlMs;
  return { url: `${origin}${WELCOME_PATH}#token=${token}`, expiresAt, link: { tokenHash: hash, purpose, expiresAt } };
}

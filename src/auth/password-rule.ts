// The rule a new password must meet, written once and shared with the desk's pages (client/lib/password.ts),
// so a page never accepts what sign-in refuses (422 weak_password). Pure: no I/O, no runtime's types.
import { hasVisibleText, utf8Bytes } from "../content/text.ts";

export const PASSWORD_RULES = { minCharacters: 10, maxBytes: 1024 } as const;

/** Which part of the rule a password breaks: the `rule` of its 422's detail, and the desk's key for its words. */
export type PasswordRule = "unicode" | "max_bytes" | "min_characters" | "invisible";

/** A lone UTF-16 surrogate: with the `u` flag a paired one is one astral code point and never matches. */
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/** Control and zero-width characters: typed by accident or pasted, never seen, so never counted. */
const UNCOUNTED = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const CONTROL = /\p{Cc}/gu;

/** Characters as the person sees them: code points, less control and zero-width ones. */
function countedCharacters(text: string): number {
  let n = 0;
  for (const ch of text) if (!UNCOUNTED.test(ch)) n += 1;
  return n;
}

/**
 * The rule `password` breaks, or null. The minimum holds on what was typed (so U+FDFA, one character that
 * NFKC makes 18, is one) and again after NFKC, the form that is hashed (so ten conjoining jamo composed into
 * five Hangul syllables are five).
 */
export function brokenPasswordRule(password: string): PasswordRule | null {
  if (LONE_SURROGATE.test(password)) return "unicode";
  if (utf8Bytes(password) > PASSWORD_RULES.maxBytes) return "max_bytes";
  const normalized = password.normalize("NFKC");
  if (Math.min(countedCharacters(password), countedCharacters(normalized)) < PASSWORD_RULES.minCharacters) return "min_characters";
  if (!hasVisibleText(normalized.replace(CONTROL, ""))) return "invisible";
  return null;
}

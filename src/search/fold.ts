// What search compares: each character of a text folded to one search form, so that the index and the
// query agree — case, width, compatibility forms, diacritics and traditional script all fold away
// (鞏固 and 巩固, ＡＢＣ and abc, ① and 1). Folding works one code point at a time and never looks at its
// neighbours, so a character folds the same wherever it stands (a query's substring folds to the same
// substring of the text) and every folded character knows the original character it came from.
//
// Traditional → simplified uses OpenCC's character tables (opencc-js): its Taiwan and Hong Kong variant
// tables first where the standard table has no entry (裡 → 裏 → 里, 衞 → 衛 → 卫), then TSCharacters.
// Not its phrase tables: they choose by context (乾隆 stays 乾隆, 乾燥 becomes 干燥), so a query could fold
// differently from the same characters inside an article. For matching, a folding is what is wanted.
/// <reference path="./opencc-dicts.d.ts" />
import tsCharacters from "opencc-js/dict/TSCharacters";
import twVariantsRev from "opencc-js/dict/TWVariantsRev";
import hkVariantsRev from "opencc-js/dict/HKVariantsRev";

/**
 * How a folded character takes part in search: `cjk` (Han ideographs and kana, written without spaces),
 * `letter` (other scripts' letters: runs of them are words), `digit` (runs of them are numbers), or
 * `separator` (spaces, punctuation, symbols, emoji, controls, lone surrogates: not searchable).
 */
export type CharClass = "cjk" | "letter" | "digit" | "separator";

const table = (text: string) => new Map(text.split("|").map((pair) => pair.split(" ") as [string, string]));

// Parsed on first use (a few milliseconds), not when the Worker starts: most requests never fold text.
let tables: { toSimplified: Map<string, string>; variants: Map<string, string> } | null = null;

/** One character's simplified form: the standard table, else through a regional variant the table knows. */
function simplified(ch: string): string {
  tables ??= { toSimplified: table(tsCharacters), variants: new Map([...table(twVariantsRev), ...table(hkVariantsRev)]) };
  const direct = tables.toSimplified.get(ch);
  if (direct !== undefined) return direct;
  const variant = tables.variants.get(ch);
  return (variant !== undefined && tables.toSimplified.get(variant)) || ch;
}

// Characters that show nothing: removed, not separators, so 工\u200b业 is 工业 (bidi marks, zero-width
// spaces and joiners, soft hyphens, variation selectors) — and so are combining marks after decomposition.
const VANISHES = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}]/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

function classOf(ch: string): CharClass {
  if (DIGIT.test(ch)) return "digit";
  if (!LETTER.test(ch)) return "separator";
  return CJK.test(ch) ? "cjk" : "letter";
}

export type FoldedChar = { ch: string; cls: CharClass };

/** A code point folded: zero (it vanishes), one or a few characters, each with its class. */
export type Folded = readonly FoldedChar[];

const NOTHING: Folded = [];
const SPACE: FoldedChar = { ch: " ", cls: "separator" };
const SEPARATOR: Folded = [SPACE];

function foldCodePoint(cp: number): Folded {
  // Lone surrogates (from a %ED%A0%80 in a URL) and unassigned code points are never searchable.
  if (cp >= 0xd800 && cp <= 0xdfff) return SEPARATOR;
  // Lower case first: İ lower-cases to i + a combining dot, which the next step removes.
  const decomposed = String.fromCodePoint(cp).toLowerCase().normalize("NFKD").replace(VANISHES, "").normalize("NFC");
  if (decomposed === "") return NOTHING;
  return [...decomposed].map((ch) => {
    const cls = classOf(ch);
    if (cls === "separator") return SPACE;
    return { ch: cls === "cjk" ? simplified(ch) : ch, cls };
  });
}

// Articles are folded a character at a time by the thousand: each code point is worked out once per isolate.
const memo = new Map<number, Folded>();

/** The folded form of one code point (its search characters and their classes). */
export function fold(cp: number): Folded {
  let folded = memo.get(cp);
  if (folded === undefined) {
    folded = foldCodePoint(cp);
    memo.set(cp, folded);
  }
  return folded;
}

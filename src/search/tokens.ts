// How text becomes search tokens, the same for an article and for a query: folded characters
// (fold.ts) in runs of one class. A run of Chinese (or Japanese kana) becomes its overlapping
// character pairs plus its last character alone — 光伏发电 → 光伏 伏发 发电 电 — so any two-character word
// is one token and a longer phrase is consecutive tokens, with no dictionary to miss 光伏 or 锂电; the
// last character alone lets a one-character search find a character that ends a run, and a phrase
// continue past it into a number or a word (2026年5月 → 2026 年 5 月). A run of letters is a word, a run
// of digits a number (5G → 5 g; iPhone15 → iphone 15).
import { type CharClass, fold } from "./fold.ts";

/** A run of characters of one class, with where each came from in the original text (UTF-16 offsets). */
export type Run = { cls: Exclude<CharClass, "separator">; chars: string[]; starts: number[]; ends: number[] };

/** A token and the part of the original text it stands for; `headEnd` is where its first character ends. */
export type Token = { text: string; start: number; end: number; headEnd: number };

/** Words longer than this are cut (a pasted hash, a URL): the same cut in the index and in a query. */
const MAX_WORD = 64;

/** The runs of `text`, in order. */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let run: Run | null = null;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) as number;
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    for (const { ch, cls } of fold(cp)) {
      if (cls === "separator") {
        run = null;
        continue;
      }
      if (run === null || run.cls !== cls) {
        run = { cls, chars: [], starts: [], ends: [] };
        runs.push(run);
      }
      run.chars.push(ch);
      run.starts.push(start);
      run.ends.push(i);
    }
  }
  return runs;
}

/** The tokens one run stands for in an article: pairs and the last character, or one word. */
export function runTokens(run: Run, emit: (token: Token) => void): void {
  const { chars, starts, ends } = run;
  const last = chars.length - 1;
  if (run.cls !== "cjk") {
    const cut = Math.min(last, MAX_WORD - 1);
    emit({ text: chars.slice(0, cut + 1).join(""), start: starts[0] as number, end: ends[last] as number, headEnd: ends[0] as number });
    return;
  }
  for (let k = 0; k < last; k++) {
    emit({ text: (chars[k] as string) + (chars[k + 1] as string), start: starts[k] as number, end: ends[k + 1] as number, headEnd: ends[k] as number });
  }
  emit({ text: chars[last] as string, start: starts[last] as number, end: ends[last] as number, headEnd: ends[last] as number });
}

/** Every token of `text` with its place in the original, in order: what snippets highlight from. */
export function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const run of runsOf(text)) runTokens(run, (t) => tokens.push(t));
  return tokens;
}

/** The text an index column stores for `texts`: their tokens, separated by spaces. */
export function indexText(...texts: string[]): string {
  const out: string[] = [];
  for (const text of texts) for (const run of runsOf(text)) runTokens(run, (t) => out.push(t.text));
  return out.join(" ");
}

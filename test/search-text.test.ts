// How text and queries become search tokens, and how matches are marked in the original text: pure
// functions, checked on what a reader would type and what an article holds.
import { describe, expect, it } from "vitest";
import { indexText, tokensOf } from "../src/search/tokens.ts";
import { QUERY_LIMITS, cleanQuery, foldQuery, parseSearchQuery } from "../src/search/query.ts";
import { highlight, snippet, SNIPPET_CHARS } from "../src/search/snippet.ts";
import { phraseExpression } from "../src/db/search-match.ts";

const phrasesOf = (q: string) => {
  const parsed = parseSearchQuery(q);
  if (!parsed.ok) throw new Error(`${q}: ${parsed.problem}`);
  return parsed.query.phrases;
};

const marked = (segments: { text: string; mark: boolean }[] | null) =>
  (segments ?? []).map((s) => (s.mark ? `[${s.text}]` : s.text)).join("");

describe("the tokens an article is indexed under", () => {
  it("cuts Chinese into overlapping pairs plus the last character of each run", () => {
    expect(indexText("光伏发电")).toBe("光伏 伏发 发电 电");
    expect(indexText("青岚，鹤湾")).toBe("青岚 岚 鹤湾 湾");
    expect(indexText("区")).toBe("区");
  });

  it("keeps words and numbers whole, lower-cased, and splits letters from digits", () => {
    expect(indexText("5G基站 2026年 iPhone15 COVID-19")).toBe("5 g 基站 站 2026 年 iphone 15 covid 19");
  });

  it("folds traditional script, full width, compatibility forms and diacritics into one form", () => {
    expect(indexText("鞏固發展")).toBe(indexText("巩固发展"));
    expect(indexText("臺灣 裡面 衞生")).toBe(indexText("台湾 里面 卫生"));
    expect(indexText("ＡＢＣ１２３")).toBe("abc 123");
    expect(indexText("①号 Café İstanbul")).toBe("1 号 cafe istanbul");
  });

  it("ignores what shows nothing and separates on punctuation, symbols and emoji", () => {
    expect(indexText("工\u200b业\u00ad园")).toBe(indexText("工业园"));
    expect(indexText("光伏😀锂电")).toBe("光伏 伏 锂电 电");
    expect(indexText("\u202e\u0000\ud800")).toBe("");
  });

  it("knows where each token came from in the original text, surrogate pairs included", () => {
    const text = "𠀀鞏固Ａ";
    expect(tokensOf(text).map((t) => [t.text, text.slice(t.start, t.end)])).toEqual([
      ["𠀀巩", "𠀀鞏"],
      ["巩固", "鞏固"],
      ["固", "固"],
      ["a", "Ａ"],
    ]);
  });
});

describe("a reader's query", () => {
  it("becomes phrases of the same tokens: a word is one pair, a phrase consecutive pairs", () => {
    expect(phrasesOf("光伏")).toEqual([{ tokens: ["光伏"], prefix: false }]);
    expect(phrasesOf("工业园区")).toEqual([{ tokens: ["工业", "业园", "园区"], prefix: false }]);
  });

  it("searches one Chinese character as the start of any pair", () => {
    expect(phrasesOf("区")).toEqual([{ tokens: ["区"], prefix: true }]);
    expect(phrasesOf("2026年")).toEqual([{ tokens: ["2026", "年"], prefix: true }]);
  });

  it("keeps mixed text together as one phrase and separate words as separate terms", () => {
    expect(phrasesOf("新建5G基站")).toEqual([{ tokens: ["新建", "建", "5", "g", "基站"], prefix: false }]);
    expect(phrasesOf("光伏 锂电，甘孜")).toHaveLength(3);
    expect(phrasesOf("COVID-19")).toEqual([{ tokens: ["covid", "19"], prefix: false }]);
  });

  it("treats every FTS5 operator and quote as text or a separator, never as syntax", () => {
    const phrases = phrasesOf('"光伏" OR 锂电* NEAR(a b) {title}:x ^y');
    expect(phrases.map((p) => p.tokens.join(" "))).toEqual(["光伏", "or", "锂电", "near", "a", "b", "title", "x", "y"]);
    expect(phrases.map(phraseExpression).join(" ")).toBe('"光伏" "or" "锂电" "near" "a" "b" "title" "x" "y"');
  });

  it("is cleaned into one spelling: spaces collapsed, invisible characters and broken escapes gone", () => {
    expect(cleanQuery("  光伏\u3000\t锂电 ")).toBe("光伏 锂电");
    expect(cleanQuery("\u202e光\u200b伏\ufffd\ud800")).toBe("光伏");
  });

  it("is folded as the index folds it, into one spelling that searches exactly what was typed", () => {
    expect(parseSearchQuery("QINGLAN 鞏固 ＡＢＣ").ok && parseSearchQuery("QINGLAN 鞏固 ＡＢＣ")).toMatchObject({ query: { text: "qinglan 巩固 abc" } });
    expect(foldQuery("COVID－19，３．５亿")).toBe("covid-19 3.5亿");
    // ½ would fold to 1⁄2, two terms' worth: it stays as typed.
    expect(foldQuery("½杯")).toBe("½杯");
    const typed = ["QINGLAN", "Qinglan", "Ｑｉｎｇｌａｎ", "光伏 锂电", "COVID-19", "3.5亿", "U.S. 大选", "ǅemal İstanbul straße ﬁle", "乾隆 乾燥 裡 衞", "été", "①②③", "a·b・c", "ｶﾀｶﾅ", "😀光伏😀", "½", "NEAR OR 不存在"];
    for (const q of typed) {
      const asTyped = parseSearchQuery(q);
      const once = foldQuery(cleanQuery(q));
      // The same phrases as typed, and the folded spelling folds to itself (no redirect loop).
      expect(JSON.stringify(parseSearchQuery(once)), q).toBe(JSON.stringify(asTyped));
      expect(foldQuery(cleanQuery(once)), q).toBe(once);
    }
  });

  it("is refused when empty, all punctuation, too long or of too many terms", () => {
    for (const q of ["", "   ", "！？。", "😀😀", "\u200b"]) expect(parseSearchQuery(q)).toMatchObject({ ok: false, problem: "empty" });
    expect(parseSearchQuery("光".repeat(QUERY_LIMITS.chars)).ok).toBe(true);
    expect(parseSearchQuery("光".repeat(QUERY_LIMITS.chars + 1))).toMatchObject({ ok: false, problem: "too_long" });
    expect(parseSearchQuery("😀".repeat(QUERY_LIMITS.chars + 1))).toMatchObject({ ok: false, problem: "too_long" });
    expect(parseSearchQuery("a b c d e f g h i j").ok).toBe(true);
    expect(parseSearchQuery("a b c d e f g h i j k")).toMatchObject({ ok: false, problem: "too_many_terms" });
  });
});

describe("highlights and snippets", () => {
  it("marks the original characters, whatever script the query was typed in", () => {
    expect(marked(highlight("鞏固脫貧攻堅成果", phrasesOf("巩固")))).toBe("[鞏固]脫貧攻堅成果");
    expect(marked(highlight("巩固脱贫攻坚成果", phrasesOf("鞏固")))).toBe("[巩固]脱贫攻坚成果");
    expect(marked(highlight("新款ＩＰＨＯＮＥ 15发布", phrasesOf("iphone15")))).toBe("新款[ＩＰＨＯＮＥ 15]发布");
  });

  it("marks one character alone, inside a pair or at the end of a run", () => {
    expect(marked(highlight("城区与区域，全区", phrasesOf("区")))).toBe("城[区]与[区]域，全[区]");
  });

  it("marks a phrase only where it stands whole, and every term of the query", () => {
    expect(marked(highlight("工业园区和工业、园区", phrasesOf("工业园区")))).toBe("[工业园区]和工业、园区");
    expect(marked(highlight("5G基站与光伏电站", phrasesOf("5g基站 光伏")))).toBe("[5G基站]与[光伏]电站");
  });

  it("cuts a snippet around the match from a long body, starting at a sentence", () => {
    const body = `${"前文内容。".repeat(60)}鹤湾区锂电池产业园今日投产。${"后文内容。".repeat(60)}`;
    const cut = snippet(body, phrasesOf("锂电"));
    const text = marked(cut);
    expect(text.startsWith("…鹤湾区[锂电]池产业园今日投产。")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect([...text].length).toBeLessThanOrEqual(SNIPPET_CHARS + 6);
    expect(snippet(body, phrasesOf("光伏"))).toBeNull();
  });

  it("prefers the stretch that holds the most of the query", () => {
    const body = `光伏。${"无关的句子。".repeat(40)}光伏和锂电同在一句。`;
    expect(marked(snippet(body, phrasesOf("光伏 锂电")))).toContain("[光伏]和[锂电]同在一句。");
  });

  it("finds the stretch with all of the query even after one word repeats many times", () => {
    const body = `${"光伏发电项目进展顺利。".repeat(45)}光伏与锂电产业链协同发展。`;
    expect(marked(snippet(body, phrasesOf("光伏 锂电")))).toContain("[光伏]与[锂电]");
  });
});

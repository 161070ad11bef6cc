// Queries that try to be syntax, break the decoder or the tokenizer: each is answered 200 (searched as
// text) or 400 (nothing to search, or over the bounds), by the page, the API and the editors' API alike,
// never a 5xx. Written as they would arrive in a URL: some percent-escapes are deliberately broken.
import { describe, expect, it } from "vitest";
import { makeArticle, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { ORIGIN, readerSearch } from "./search-fixture.ts";
import { settledFetch } from "./settle.ts";

const e = encodeURIComponent;

/** The raw value of q in the URL, escaped or not as an attacker would send it. */
const HOSTILE: string[] = [
  // FTS5 syntax: quotes, prefixes, operators, NEAR, column filters, initial-token ^, parentheses.
  e('"'), e('""'), e('"光伏'), e("光伏\""), e("*"), e("光伏*"), e("*光伏"), e("NEAR(光伏 锂电)"), e("NEAR(a b, 2)"),
  e("光伏 OR 锂电"), e("光伏 AND 锂电"), e("NOT 光伏"), e("光伏 NOT 锂电"), e("-光伏"), e("^光伏"), e("title:光伏"),
  e("{title body}:光伏"), e("facets : published"), e("facets:trash"), e("body : x"), e("("), e(")"), e("(((((((("),
  e("光伏)"), e("rowid"), e("+光伏 -锂电"), e("光伏~2"), e("[光伏]"), e("a*b"), e('a"b'), e('"a" "b"'), e("*:*"),
  // SQL and markup.
  e("'; DROP TABLE articles; --"), e("' OR 1=1 --"), e("NULL"), e("<script>alert(1)</script>"), e("&amp;"), e("\\"), e("`"),
  // Broken and odd escapes: a lone surrogate's UTF-8 (CESU), overlong forms, cut sequences, stray %.
  "%ED%A0%80", "%ED%A0%80%E5%85%89", "%ED%B0%80", "%C0%AF", "%FF", "%E5%85", "%", "%%", "%zz", "%u0041", "%00", "%0A%0D",
  // Controls, bidi marks, invisible characters.
  e("\u0007"), e("\u001b[31m"), e("\u202e光伏"), e("\u200b"), e("\u200f\u200e"), e("\ufeff"), e("\u2028\u2029"), e("\u3000"),
  // Emoji and other symbols, alone and inside words.
  e("😀"), e("👨‍👩‍👧"), e("🇨🇳"), e("光伏😀锂电"), e("😀".repeat(100)), e("☃★♥"), e("①②③"),
  // Bounds: 100 characters, 101, ten terms, eleven.
  e("a".repeat(100)), e("a".repeat(101)), e("光".repeat(100)), e("光".repeat(101)), e("a b c d e f g h i j"), e("a b c d e f g h i j k"),
  e("光 ".repeat(60)), e("x".repeat(5000)),
  // Unicode oddities: width, compatibility, scripts, combining marks alone, astral ideographs.
  e("Ａ"), e("ｶﾀｶﾅ"), e("ㄅㄆㄇ"), e("𠀀𠀁"), e("〇々"), e("ǅ"), e("İ"), e("ß"), e("ﬁ"), e("\u0301\u0301"), e("e\u0301"),
  e("한국어"), e("مرحبا"), e("שלום"), e("ไทย"), e("1e308"), e("-1"), e("0x7fffffff"), e("2026-01-01"),
];

describe("hostile queries", () => {
  // 93 queries, three requests each, one after another: on a loaded machine that is more than the default 5 s.
  it(`answers each of ${HOSTILE.length} hostile queries 200 or 400, on the page and both APIs`, async () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
    const section = uniqueSlug("sh");
    await makeArticle({ section, title: "光伏 锂电 a b 😀 NEAR title", body: "光伏和锂电" });
    const editor = await makeKey("editor");
    const outcomes = new Map<string, number[]>();
    for (const raw of HOSTILE) {
      let api = await settledFetch(`${ORIGIN}/api/v1/search?q=${raw}`);
      // The API, too, redirects any other spelling of a search to its one.
      if (api.status === 301) api = await settledFetch(new URL(api.headers.get("Location") ?? "/", ORIGIN).href);
      const editors = await settledFetch(`${ORIGIN}/api/v1/admin/search?q=${raw}`, { headers: editor.headers });
      let page = await settledFetch(`${ORIGIN}/search?q=${raw}`, { redirect: "manual" });
      // A spelling that is not the canonical one is redirected once, to the page that answers it.
      if (page.status === 301) page = await settledFetch(new URL(page.headers.get("Location") ?? "/", ORIGIN).href, { redirect: "manual" });
      const statuses = [api.status, editors.status, page.status];
      outcomes.set(raw, statuses);
      for (const res of [api, editors]) {
        const body = (await res.json()) as { items?: unknown[]; error?: { code: string; details?: { path: string }[] } };
        if (res.status === 400) expect(body.error?.details?.[0]?.path, raw).toBe("q");
        else expect(Array.isArray(body.items), raw).toBe(true);
      }
      const html = await page.text();
      expect(html, raw).toContain('<input id="site-search"');
    }
    const bad = [...outcomes].filter(([, statuses]) => statuses.some((s) => s !== 200 && s !== 400));
    expect(bad).toEqual([]);
    // What the API searches, the page searches too (the page also answers 200 where there is nothing to search).
    expect([...outcomes].filter(([, [api, , page]]) => api === 200 && page !== 200)).toEqual([]);
  }, 60_000);

  it("searches an operator as the word it spells, and finds it where it is text", async () => {
    const section = uniqueSlug("sh");
    const near = await makeArticle({ section, title: "NEAR 与 title 都只是普通的词" });
    expect((await readerSearch({ q: "NEAR title", section })).body.items.map((i) => i.id)).toEqual([near.id]);
    expect((await readerSearch({ q: "NEAR OR 不存在", section })).body.items).toEqual([]);
  });

  it("tells a client that forgot q that q is required, not the validator's internals", async () => {
    const editor = await makeKey("editor");
    for (const [url, init] of [[`${ORIGIN}/api/v1/search?limit=5`, {}], [`${ORIGIN}/api/v1/admin/search?status=draft`, { headers: editor.headers }]] as const) {
      const res = await settledFetch(url, init);
      expect(res.status, url).toBe(400);
      const body = (await res.json()) as { error: { details: { path: string; message: string }[] } };
      expect(body.error.details, url).toEqual([{ path: "q", message: "is required", rule: expect.any(String) }]);
    }
  });

  it("refuses a repeated, missing or unknown parameter with a 400 naming it", async () => {
    for (const [query, path] of [["q=a&q=b", "q"], ["", "q"], ["q=a&sort=date", "sort"], ["q=a&limit=0", "limit"], ["q=a&cursor=xyz", "cursor"]]) {
      // No query at all is /api/v1/search itself: a bare "?" is another spelling of it, and 301s there.
      const res = await settledFetch(`${ORIGIN}/api/v1/search${query ? `?${query}` : ""}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { details: { path: string }[] } };
      expect(body.error.details.map((d) => d.path), query).toContain(path);
    }
  });
});

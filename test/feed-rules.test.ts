// The small rules feeds are made of: dates in the forms each format wants, HTTP dates, links made absolute,
// and the conditional GET that lets a poller skip what it already has.
import { describe, expect, it } from "vitest";
import { shanghaiMonth, shanghaiMonthRange, toRfc3339, toRfc822 } from "../src/content/dates.ts";
import { withAbsoluteUrls } from "../src/content/absolute-html.ts";
import { excerpt } from "../src/content/markdown.ts";
import { formatHttpDate, parseHttpDate } from "../src/http/http-date.ts";
import { isNotModified, lastModifiedFor } from "../src/http/conditional.ts";

describe("feed dates", () => {
  const at = Date.UTC(2023, 5, 2, 0, 30); // 08:30 in Shanghai
  it("are the same instant in RFC 822 (RSS) and RFC 3339 (Atom, JSON Feed), in Shanghai time", () => {
    expect(toRfc822(at)).toBe("Fri, 02 Jun 2023 08:30:00 +0800");
    expect(toRfc3339(at)).toBe("2023-06-02T08:30:00+08:00");
    expect(Date.parse(toRfc822(at))).toBe(at);
    expect(Date.parse(toRfc3339(at))).toBe(at);
  });

  it("put an article in the month of Shanghai's calendar, not UTC's", () => {
    const newYearInShanghai = Date.UTC(2023, 11, 31, 16, 30); // 2024-01-01 00:30 +08:00
    expect(shanghaiMonth(newYearInShanghai)).toBe("2024-01");
    const { from, to } = shanghaiMonthRange("2024-01");
    expect(toRfc3339(from)).toBe("2024-01-01T00:00:00+08:00");
    expect(toRfc3339(to)).toBe("2024-02-01T00:00:00+08:00");
    expect(newYearInShanghai >= from && newYearInShanghai < to).toBe(true);
  });
});

describe("HTTP dates", () => {
  it("are written as IMF-fixdate, and all three forms are read", () => {
    const at = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(formatHttpDate(at + 999)).toBe("Sun, 06 Nov 1994 08:49:37 GMT");
    expect(parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT")).toBe(at);
    expect(parseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT")).toBe(at);
    expect(parseHttpDate("Sun Nov  6 08:49:37 1994")).toBe(at);
  });

  it("refuse anything else, impossible dates included", () => {
    for (const bad of ["", "yesterday", "2023-06-02T08:30:00Z", "Sun, 06 Nov 1994 08:49:37 +0800", "Mon, 31 Feb 2023 08:00:00 GMT", "Sun, 06 Nov 1994 25:49:37 GMT"]) {
      expect(parseHttpDate(bad), bad).toBeNull();
    }
  });
});

describe("Last-Modified, with one-second dates", () => {
  const second = Date.UTC(2023, 5, 2, 0, 30);
  const at = (ms: number) => formatHttpDate(ms);
  it("is given only once the second of the change is over, and names its end", () => {
    expect(lastModifiedFor(second + 100, second + 999)).toBeNull();
    expect(lastModifiedFor(second + 100, second + 1000)).toBe(second + 1000);
    expect(lastModifiedFor(second, second + 5000)).toBe(second + 1000);
  });

  it("never answers 304 by date to a client that read between two changes within one second", () => {
    const [first, secondChange] = [second + 100, second + 600];
    // Between the two changes the feed had no date; the client can only hold the second it read in, or earlier.
    expect(lastModifiedFor(first, second + 300)).toBeNull();
    const current = { etag: '"v2"', lastModified: at(lastModifiedFor(secondChange, second + 2000) ?? 0) };
    expect(isNotModified({ ifModifiedSince: at(second) }, current, second + 2000)).toBe(false);
    // A client that read after both holds the date it was given, and is answered 304.
    expect(isNotModified({ ifModifiedSince: current.lastModified }, current, second + 2000)).toBe(true);
  });
});

describe("conditional GET (RFC 9110 §13.2.2)", () => {
  const current = { etag: '"abc"', lastModified: "Fri, 02 Jun 2023 00:30:00 GMT" };
  const now = Date.UTC(2024, 0, 1);
  it("answers 304 by If-Modified-Since when nothing changed since that date", () => {
    expect(isNotModified({ ifModifiedSince: "Fri, 02 Jun 2023 00:30:00 GMT" }, current, now)).toBe(true);
    expect(isNotModified({ ifModifiedSince: "Sat, 03 Jun 2023 00:00:00 GMT" }, current, now)).toBe(true);
    expect(isNotModified({ ifModifiedSince: "Fri, 02 Jun 2023 00:29:59 GMT" }, current, now)).toBe(false);
  });

  it("lets If-None-Match decide whenever it is sent", () => {
    expect(isNotModified({ ifNoneMatch: '"old"', ifModifiedSince: "Sat, 03 Jun 2023 00:00:00 GMT" }, current, now)).toBe(false);
    expect(isNotModified({ ifNoneMatch: 'W/"abc"', ifModifiedSince: "Thu, 01 Jan 1970 00:00:00 GMT" }, current, now)).toBe(true);
  });

  it("ignores a date that is malformed, from the future, or sent to a response without Last-Modified", () => {
    expect(isNotModified({ ifModifiedSince: "2023-06-03" }, current, now)).toBe(false);
    expect(isNotModified({ ifModifiedSince: "Wed, 01 Jan 2031 00:00:00 GMT" }, current, now)).toBe(false);
    expect(isNotModified({ ifModifiedSince: "Sat, 03 Jun 2023 00:00:00 GMT" }, { etag: '"abc"', lastModified: null }, now)).toBe(false);
  });
});

describe("absolute URLs in a feed's copy of the body", () => {
  const base = "https://news.example/html/xw/dzyw/88594.html";
  it("resolve images from the media store and links to the site, keeping entities and absolute URLs", () => {
    const html = '<p><a href="/html/xw/">新闻</a> <a href="https://other.example/a?b=1&amp;c=2">外链</a> <a href="#s2">下文</a> <a href="mailto:a@b.example">信</a></p>\n<figure><img src="/media/abc.jpg" alt="href=&quot;/x&quot;" width="7" height="5"></figure>';
    expect(withAbsoluteUrls(html, base)).toBe(
      '<p><a href="https://news.example/html/xw/">新闻</a> <a href="https://other.example/a?b=1&amp;c=2">外链</a> <a href="https://news.example/html/xw/dzyw/88594.html#s2">下文</a> <a href="mailto:a@b.example">信</a></p>\n<figure><img src="https://news.example/media/abc.jpg" alt="href=&quot;/x&quot;" width="7" height="5"></figure>',
    );
  });

  it("leave text that merely looks like an attribute alone", () => {
    const html = "<p>写作 src=&quot;/media/x&quot; 与 href=\"/a\" 都是文字</p>";
    expect(withAbsoluteUrls(html, base)).toBe(html);
  });
});

describe("absolute URLs, attribute by attribute", () => {
  const base = "https://news.example/html/xw/dzyw/88594.html";
  it("never take the end of another attribute's value for an href or a src", () => {
    const html = '<p><a title="见 src=" href="/ok">一</a> <a lang="x href=" href="/q">二</a> <img alt="src=" src="/media/abc.png" /></p>';
    expect(withAbsoluteUrls(html, base)).toBe(
      '<p><a title="见 src=" href="https://news.example/ok">一</a> <a lang="x href=" href="https://news.example/q">二</a> <img alt="src=" src="https://news.example/media/abc.png" /></p>',
    );
  });

  it("read a value with > or quotes in it whole, however it is quoted, and write what they change in double quotes", () => {
    const html = `<p><a title="a>b" href="/x">一</a> <a title='say "src=/y"' href='/y'>二</a> <a href=/z title=q>三</a></p>`;
    expect(withAbsoluteUrls(html, base)).toBe(
      `<p><a title="a>b" href="https://news.example/x">一</a> <a title='say "src=/y"' href="https://news.example/y">二</a> <a href="https://news.example/z" title=q>三</a></p>`,
    );
  });
});

describe("summaries", () => {
  it("are cut at whole characters: never inside a surrogate pair or an emoji sequence", () => {
    const family = "👨‍👩‍👧";
    const text = `${"字".repeat(119)}${family}${"尾".repeat(10)}`;
    const cut = excerpt(text, 120);
    expect(cut).toBe(`${"字".repeat(119)}${family}…`);
    const flags = "🇨🇳".repeat(130);
    const cutFlags = excerpt(flags, 120);
    expect(cutFlags).toBe(`${"🇨🇳".repeat(120)}…`);
    expect(cutFlags.isWellFormed()).toBe(true);
  });
});

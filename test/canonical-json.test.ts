// The Idempotency-Key fingerprint: one text per JSON value, whatever the order of its members.
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../src/http/canonical-json.ts";

describe("canonicalJson", () => {
  it("sorts object members by name, at every depth, and keeps arrays in order", () => {
    expect(canonicalJson(JSON.parse('{"b":1,"a":{"d":[3,{"z":1,"y":2}],"c":null}}'))).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("gives the same text for the same members in any order", () => {
    const a = JSON.parse('{"section":"xw","title":"标题","bylines":[{"name":"张三","role":"记者"}]}');
    const b = JSON.parse('{ "bylines": [ { "role": "记者", "name": "张三" } ], "title": "标题", "section": "xw" }');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it("orders names by UTF-16 code units, as RFC 8785 does", () => {
    // By code point U+FB33 comes before U+1F600; in UTF-16, U+1F600 starts with 0xD83D, which is lower.
    expect(canonicalJson({ "\uFB33": 2, "\u{1F600}": 1, a: 3, A: 4, "": 5 })).toBe('{"":5,"A":4,"a":3,"\u{1F600}":1,"\uFB33":2}');
  });

  it("writes scalars as JSON does: strings escaped, numbers in their shortest form", () => {
    expect(canonicalJson({ s: 'a"\\\n\u0001', n: 1e21, f: 0.1, m: -0, t: true })).toBe(
      '{"f":0.1,"m":0,"n":1e+21,"s":"a\\"\\\\\\n\\u0001","t":true}',
    );
  });
});

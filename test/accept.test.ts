// Accept read with its q-values (RFC 9110 §12.5.1): JSON errors only for a client that prefers JSON to HTML.
import { describe, expect, it } from "vitest";
import { match, parseAccept, prefersJson } from "../src/http/accept.ts";
import { get } from "./html.ts";

const CHROME = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
const FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const SAFARI = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

describe("prefersJson", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["*/*", false],
    [CHROME, false],
    [FIREFOX, false],
    [SAFARI, false],
    ["application/json", true],
    ["APPLICATION/JSON", true],
    ["application/json; charset=utf-8", true],
    ["application/json, text/plain, */*", true],
    ["application/json;q=0, */*", false],
    ["application/json;q=0", false],
    ["application/jsonx", false],
    ["application/json-seq", false],
    ["text/html;q=0.9, application/json", true],
    ["text/html, application/json", false],
    ["application/json;q=0.5, text/html;q=0.5", false],
    ["application/problem+json", true],
    ["application/*", true],
    ["text/*, application/json;q=0.9", false],
    ["*/*;q=0.1, application/json", true],
    ["text/html;q=0, */*", true],
    [' application/json ; foo="a,b;c" , text/html;q=0.2', true],
    ["application/json;q=1.000", true],
    // Malformed members are ignored rather than guessed at.
    ["application/json;q=2", false],
    ["application/json;q=0.0001", false],
    ["application/json;q=abc", false],
    ["application/json;q=", false],
    ["application/json;;", true],
    ["application/json;=x", false],
    ["json", false],
    ["*/json", false],
    ["application/", false],
    [";;;,,,", false],
    ["application/json;q=abc, text/html;q=0.1, application/json;q=0.5", true],
  ])("is %s for %j", (header, expected) => {
    expect(prefersJson(header)).toBe(expected);
  });
});

describe("parseAccept and match", () => {
  it("reads each member's type and q, lower-cased, skipping empty and malformed ones", () => {
    expect(parseAccept("Text/HTML;Q=0.5, , bad, */*;q=0")).toEqual([
      { type: "text", subtype: "html", q: 0.5 },
      { type: "*", subtype: "*", q: 0 },
    ]);
  });

  it("takes the q of the most specific range that matches", () => {
    const ranges = parseAccept("*/*;q=0.1, text/*;q=0.5, text/html;q=0.8");
    expect(match(ranges, "text/html")).toEqual({ q: 0.8, specificity: 3 });
    expect(match(ranges, "text/plain")).toEqual({ q: 0.5, specificity: 2 });
    expect(match(ranges, "application/json")).toEqual({ q: 0.1, specificity: 1 });
    expect(match(parseAccept("text/html"), "application/json")).toEqual({ q: 0, specificity: 0 });
  });
});

describe("error pages", () => {
  it("answer HTML to a client that refuses JSON or names a type that only looks like it", async () => {
    for (const accept of ["application/json;q=0, */*", "application/jsonx", CHROME]) {
      const res = await get("/html/no-such-section-anywhere/", { Accept: accept });
      expect(res.status, accept).toBe(404);
      expect(res.headers.get("Content-Type")?.toLowerCase(), accept).toBe("text/html; charset=utf-8");
    }
  });

  it("answer JSON to a client that prefers it, by q-value or as a +json type", async () => {
    for (const accept of ["text/html;q=0.9, application/json", "application/problem+json"]) {
      const res = await get("/html/no-such-section-anywhere/", { Accept: accept });
      expect(res.headers.get("Content-Type"), accept).toMatch(/^application\/json/);
    }
  });
});

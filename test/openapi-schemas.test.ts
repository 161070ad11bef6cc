// The API document says of each input exactly what the valibot schema that checks it says: for text of every
// kind (trimmed ends, invisible characters, controls, bidi overrides, lone surrogates, lengths at the limit),
// times, emails and list limits, a value is valid against the document's JSON Schema exactly when the route's
// schema accepts it. A client that checks its input against the document is never surprised either way.
import fc from "fast-check";
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { ArticlePatch, Byline, Timestamp } from "../src/content/schemas.ts";
import { ImageMetadata } from "../src/media/metadata.ts";
import { Email } from "../src/auth/staff-input.ts";
import { Limit } from "../src/http/list-query.ts";
import { jsonSchemaOf } from "../src/openapi/json-schema.ts";
import { apiDocument } from "../src/openapi/api.ts";
import { validate } from "./openapi-check.ts";

const doc = apiDocument();
const member = (schema: v.GenericSchema, name: string) => v.object({ [name]: schema });

/** Characters the text rules are about, and enough plain ones to reach a limit. */
const CHARS = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom("岚", "a", "Z", "0", "😀", "-", ".", "@", "é") },
  {
    weight: 3,
    arbitrary: fc.constantFrom(" ", "\u3000", "\t", "\n", "\r", "\u000b", "\u0085", "\u2028", "\u200b", "\ufeff", "\u00ad", "\u2060", "\u3164", "\u2800", "\u034f", "\u0301"),
  },
  { weight: 1, arbitrary: fc.constantFrom("\u0000", "\u0001", "\u007f", "\u009f", "\u202e", "\u2066", "\ud800", "\udc00", "\ufffd") },
);
const textUpTo = (n: number) => fc.array(CHARS, { maxLength: n }).map((c) => c.join(""));
/** Around `limit` characters: a run of one character padded with what trimming takes away. */
const nearLimit = (limit: number) =>
  fc.tuple(fc.integer({ min: limit - 2, max: limit + 2 }), fc.constantFrom("岚", "😀", "a"), textUpTo(3), textUpTo(3)).map(([n, ch, a, b]) => `${a}${ch.repeat(n)}${b}`);

function agrees(schema: v.GenericSchema, name: string, values: fc.Arbitrary<unknown>) {
  const json = jsonSchemaOf(member(schema, name), "request", {});
  fc.assert(
    fc.property(values, (value) => {
      const server = v.safeParse(member(schema, name), { [name]: value }).success;
      const document = validate(doc, json, { [name]: value }).length === 0;
      expect({ value, document }).toEqual({ value, document: server });
    }),
    { seed: 2026, numRuns: 400 },
  );
}

const patch = ArticlePatch.pipe[0].entries;

describe("the document's schemas and the routes' schemas agree", () => {
  it("on a title: one line that shows something, at most 200 characters once trimmed", () => agrees(patch.title, "title", fc.oneof(textUpTo(12), nearLimit(200))));
  it("on a kicker: one line, possibly empty", () => agrees(patch.kicker, "kicker", fc.oneof(textUpTo(12), nearLimit(200))));
  it("on a summary: lines, at most 1,000 characters once trimmed", () => agrees(patch.summary, "summary", fc.oneof(textUpTo(12), nearLimit(1000))));
  it("on a body: no control characters but tabs and newlines, kept as sent", () => agrees(patch.body, "body", textUpTo(20)));
  it("on a byline's name", () => agrees(Byline.pipe[0].entries.name, "name", fc.oneof(textUpTo(8), nearLimit(50))));
  it("on an image's alt text, which also refuses U+FFFD", () => agrees(ImageMetadata.pipe[0].entries.alt, "alt", fc.oneof(textUpTo(8), nearLimit(1000))));
  it("on an email address, trimmed and compared lower-case", () =>
    agrees(Email, "email", fc.oneof(textUpTo(8), fc.tuple(fc.constantFrom("", " ", "\t"), fc.constantFrom("wang.fang@Example.com", "a@b.c", "x@y", "a+b@c-d.org", `${"a".repeat(250)}@b.cn`, "@x.cn"), fc.constantFrom("", " ")).map((p) => p.join("")))));
  it("on a time: RFC 3339 with seconds and a real offset", () =>
    agrees(
      Timestamp,
      "publish_at",
      fc.constantFrom("2026-12-01T08:00:00+08:00", "2026-12-01t08:00:00z", "2026-12-01T08:00:00.123456789Z", "2026-12-01T08:00+08:00", "2026-12-01T08:00:00+24:00", "2026-12-01T08:00:00+23:59", "2026-13-01T08:00:00Z", "2026-12-01T24:00:00Z", "2026-12-01T08:60:00Z", "2026-12-01 08:00:00Z", "2026-02-30T08:00:00Z", "2025-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-12-01T23:59:60Z", "1989-12-31T23:59:59Z", "1990-01-01T00:00:00Z", "2199-12-31T23:59:59Z", "2200-01-01T00:00:00Z", "x"),
    ));
  it("on a list's limit: 1 to 100, one spelling", () =>
    agrees(Limit, "limit", fc.oneof(fc.integer({ min: -5, max: 120 }).map(String), fc.constantFrom("01", "1.0", "+5", " 5", "1e2", "", "100", "101"))));
});

// Values generated from the document's JSON Schemas, as Schemathesis generates them: mostly what a schema
// allows, at and past its bounds, and what it forbids — wrong types, missing and unknown members, text a
// title must not hold (controls, bidi overrides, lone surrogates, invisible padding), huge and fractional
// numbers. Whether a value is allowed is never decided here: the oracle asks the document.
import fc from "fast-check";
import type { JsonSchema } from "../../src/openapi/json-schema.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Characters an editor types: Chinese, Latin, digits, punctuation, now and then an emoji or a full-width letter. */
const PLAIN = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."岚江市政府常务会议新闻记者通讯员青岚图片栏目安全生产巩固") },
  { weight: 5, arbitrary: fc.constantFrom(..."abcXYZ0129 .,-_/'\"*#[]()<>&!?:") },
  { weight: 1, arbitrary: fc.constantFrom("😀", "𠀀", "👨‍👩‍👧", "é", "ｅ", "Ａ") },
);

/** Characters the text rules are about: invisible ones, spaces and newlines, controls, bidi overrides, lone surrogates. */
const AWKWARD = fc.constantFrom(
  "\u200b", "\ufeff", "\u00ad", "\u2060", "\u3164", "\u2800", "\u034f", "\u0301",
  " ", "\u3000", "\t", "\n", "\r", "\u0085", "\u000b", "\u2028",
  "\u0000", "\u0001", "\u001f", "\u007f", "\u009f", "\u202e", "\u2066", "\ud800", "\udc00", "\ufffd",
);

const joined = (chars: fc.Arbitrary<string>, maxLength: number, minLength = 0) => fc.array(chars, { minLength, maxLength }).map((c) => c.join(""));

/** Text a client would send: plain characters, sometimes padded with what trimming removes. */
export const plainText = (maxLength: number) =>
  fc.tuple(joined(PLAIN, maxLength, 1), fc.constantFrom("", "", "", " ", "\u200b", "\n")).map(([t, pad]) => `${pad}${t}${pad}`);

/** Text of any character, the awkward ones often. */
export const text = (maxLength: number) => joined(fc.oneof({ weight: 3, arbitrary: PLAIN }, { weight: 1, arbitrary: AWKWARD }), maxLength);

/** Whether values are to be what the schema allows, or anything near it. */
export type Mode = "valid" | "wild";

/** The longest a string may be, where the schema says: maxLength, or the count in a trimmed-text pattern. */
function limitOf(schema: JsonSchema): number | null {
  if (typeof schema.maxLength === "number") return schema.maxLength;
  const counted = /\{0,(\d+)\}/.exec(schema.pattern ?? "");
  return counted ? Number(counted[1]) + 2 : null;
}

/** Strings at a limit and just past it, of a character that counts once and shows. */
const atLimit = (limit: number) => fc.constantFrom(limit, limit + 1).chain((n) => fc.constantFrom("字", "a", "😀").map((ch) => ch.repeat(n)));

/** Strings a pattern or format describes, or text when fast-check cannot read the pattern. */
function patterned(schema: JsonSchema): fc.Arbitrary<string> | null {
  if (schema.format === "date-time") {
    return fc.oneof(
      fc.date({ min: new Date("1989-12-31T00:00:00Z"), max: new Date("2200-01-02T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom("2026-12-01T08:00:00+08:00", "2026-02-30T08:00:00+08:00", "2026-12-01T08:00:00+24:00", "2026-12-01t08:00:00z", "2026-12-01T08:00+08:00", "2026-12-01 08:00:00Z", "1989-12-31T23:59:59Z"),
    );
  }
  if (!schema.pattern || /\\p\{|\(\?[=!]/.test(schema.pattern)) return null;
  try {
    return fc.stringMatching(new RegExp(schema.pattern));
  } catch {
    return null;
  }
}

function stringOf(schema: JsonSchema, mode: Mode): fc.Arbitrary<string> {
  const limit = limitOf(schema);
  const shaped = patterned(schema);
  const examples = Array.isArray(schema.examples) ? fc.constantFrom(...(schema.examples as string[])) : null;
  if (mode === "valid") return shaped ?? examples ?? plainText(Math.min(limit ?? 40, 40));
  const arbitraries: fc.WeightedArbitrary<string>[] = [{ weight: 6, arbitrary: text(Math.min(limit ?? 40, 40)) }];
  if (shaped) arbitraries.push({ weight: 4, arbitrary: shaped });
  if (limit !== null && limit <= 2000) arbitraries.push({ weight: 2, arbitrary: atLimit(limit) });
  return fc.oneof(...arbitraries);
}

function numberOf(schema: JsonSchema, mode: Mode): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1000;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1000;
  const within = fc.oneof(fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }), fc.constantFrom(min, max));
  if (mode === "valid") return within;
  return fc.oneof(
    { weight: 3, arbitrary: within },
    { weight: 2, arbitrary: fc.constantFrom(min - 1, max + 1) },
    { weight: 1, arbitrary: fc.constantFrom(1.5, -0, 2 ** 53, -(2 ** 53), 1e308, 0.1) },
  );
}

/** A JSON value of the wrong kind for `schema`, or of any kind. */
export const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, "", "x", [], {}, [1, "a"], { a: 1 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => v as Json),
);

export type Resolve = (ref: string) => JsonSchema;

export type Hint = (name: string, mode: Mode) => fc.Arbitrary<Json> | null;

/** In wild mode, now and then a value of the wrong kind instead of `arb`. */
const orWrong = (arb: fc.Arbitrary<Json>, mode: Mode) => (mode === "valid" ? arb : fc.oneof({ weight: 5, arbitrary: arb }, { weight: 1, arbitrary: anyJson }));

/** Values for `schema`: in valid mode what it allows (as far as a generator can tell), in wild mode anything near it. */
export function valueOf(schema: JsonSchema, resolve: Resolve, hint: Hint, mode: Mode, depth = 0): fc.Arbitrary<Json> {
  if (schema.$ref) return valueOf(resolve(schema.$ref), resolve, hint, mode, depth);
  if (schema.const !== undefined) return orWrong(fc.constant(schema.const as Json), mode);
  if (schema.enum) return orWrong(fc.constantFrom(...(schema.enum as Json[])), mode);
  const branches = schema.anyOf;
  if (branches) return fc.oneof(...branches.map((b) => valueOf(b as JsonSchema, resolve, hint, mode, depth)));
  switch (schema.type) {
    case "string":
      return orWrong(stringOf(schema, mode), mode);
    case "integer":
    case "number":
      return orWrong(numberOf(schema, mode), mode);
    case "boolean":
      return orWrong(fc.boolean(), mode);
    case "null":
      return fc.constant(null);
    case "array": {
      const item = valueOf((schema.items ?? {}) as JsonSchema, resolve, hint, mode, depth + 1);
      const allowed = typeof schema.maxItems === "number" ? schema.maxItems : 4;
      const max = Math.min(mode === "valid" ? allowed : allowed + 1, depth > 0 ? 3 : 25);
      const min = mode === "valid" && typeof schema.minItems === "number" ? schema.minItems : 0;
      return orWrong(fc.array(item, { minLength: min, maxLength: max }), mode);
    }
    case "object":
      return objectOf(schema, resolve, hint, mode, depth);
    default:
      return anyJson;
  }
}

/** Exactly one member of a `oneOf` of `required` lists: the object a oneOf of alternatives describes. */
const alternativeOf = (schema: JsonSchema): fc.Arbitrary<Set<string>> | null => {
  const alternatives = (schema.oneOf ?? []).map((b) => (b as JsonSchema).required ?? []);
  return alternatives.length ? fc.constantFrom(...alternatives).map((names) => new Set(names)) : null;
};

function objectOf(schema: JsonSchema, resolve: Resolve, hint: Hint, mode: Mode, depth: number): fc.Arbitrary<Json> {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(([name, member]) => {
    const value = hint(name, mode) ?? valueOf(member as JsonSchema, resolve, hint, mode, depth + 1);
    // A required member is always there when valid, nearly always when wild; an optional one about half the time.
    const present = fc.integer({ min: 0, max: 19 }).map((n) => (required.has(name) ? mode === "valid" || n > 0 : n % 2 === 0));
    return fc.tuple(fc.constant(name), value, present);
  });
  const chosen = alternativeOf(schema) ?? fc.constant(null);
  const unknown = mode === "valid" ? fc.constant(null) : fc.option(fc.tuple(fc.constantFrom("colour", "Title", "__proto__", "constructor", "id ", "状态"), anyJson), { freq: 4 });
  const atLeast = typeof schema.minProperties === "number" ? schema.minProperties : 0;
  return fc.tuple(fc.tuple(...members), unknown, chosen).map(([entries, extra, only]) => {
    const out: { [key: string]: Json } = {};
    for (const [name, value, present] of entries) {
      const wanted = only && mode === "valid" ? only.has(name) : present;
      if (wanted || (mode === "valid" && Object.keys(out).length < atLeast && name === entries.at(-1)?.[0])) out[name] = value;
    }
    if (mode === "valid" && Object.keys(out).length < atLeast) {
      const [name, value] = entries[0] ?? [];
      if (name !== undefined) out[name] = value as Json;
    }
    // Set as an own member even for __proto__, as JSON.parse would make it.
    if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return out;
  });
}

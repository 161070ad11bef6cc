// Values generated from the document's JSON Schemas, as Schemathesis generates them: mostly what a schema
// allows, at and past its bounds, and what it forbids — wrong types, missing and unknown members, text a
// title must not hold (controls, bidi overrides, lone surrogates, invisible padding), huge and fractional
// numbers. Whether a value is allowed is never decided here: the oracle asks the document.
import fc from "fast-check";
import type { JsonSchema } from "../../src/openapi/json-schema.ts";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Characters that matter to the text rules, by how often a newsroom would type them. */
const CHAR = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(..."岚江市政府常务会议新闻记者通讯员青岚图片栏目安全生产巩固") },
  { weight: 5, arbitrary: fc.constantFrom(..."abcXYZ0129 .,-_/'\"*#[]()<>&!?:") },
  { weight: 1, arbitrary: fc.constantFrom("😀", "𠀀", "👨‍👩‍👧", "é", "ｅ", "Ａ") },
  { weight: 1, arbitrary: fc.constantFrom("\u200b", "\ufeff", "\u00ad", "\u2060", "\u3164", "\u2800", "\u034f", "\u0301") },
  { weight: 1, arbitrary: fc.constantFrom(" ", "\u3000", "\t", "\n", "\r", "\u0085", "\u000b", "\u2028") },
  { weight: 1, arbitrary: fc.constantFrom("\u0000", "\u0001", "\u001f", "\u007f", "\u009f", "\u202e", "\u2066", "\ud800", "\udc00", "\ufffd") },
);

export const text = (maxLength: number) => fc.array(CHAR, { maxLength }).map((chars) => chars.join(""));

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

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  const limit = limitOf(schema);
  const arbitraries: fc.WeightedArbitrary<string>[] = [{ weight: 6, arbitrary: text(Math.min(limit ?? 40, 40)) }];
  const shaped = patterned(schema);
  if (shaped) arbitraries.push({ weight: 8, arbitrary: shaped });
  if (limit !== null && limit <= 2000) arbitraries.push({ weight: 1, arbitrary: atLimit(limit) });
  if (Array.isArray(schema.examples)) arbitraries.push({ weight: 2, arbitrary: fc.constantFrom(...(schema.examples as string[])) });
  return fc.oneof(...arbitraries);
}

function numberOf(schema: JsonSchema): fc.Arbitrary<number> {
  const min = typeof schema.minimum === "number" ? schema.minimum : -1000;
  const max = typeof schema.maximum === "number" ? schema.maximum : 1000;
  return fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) }) },
    { weight: 2, arbitrary: fc.constantFrom(min, max, min - 1, max + 1) },
    { weight: 1, arbitrary: fc.constantFrom(1.5, -0, 2 ** 53, -(2 ** 53), 1e308, 0.1) },
  );
}

/** A JSON value of the wrong kind for `schema`, or of any kind. */
export const anyJson: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, 0, -1, "", "x", [], {}, [1, "a"], { a: 1 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => v as Json),
);

export type Resolve = (ref: string) => JsonSchema;

/** Values for `schema`, mostly allowed ones; `hint` gives values of its own for a member by name (a section path that exists). */
export function valueOf(schema: JsonSchema, resolve: Resolve, hint: (name: string) => fc.Arbitrary<Json> | null, depth = 0): fc.Arbitrary<Json> {
  if (schema.$ref) return valueOf(resolve(schema.$ref), resolve, hint, depth);
  if (schema.const !== undefined) return fc.constant(schema.const as Json);
  if (schema.enum) return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...(schema.enum as Json[])) }, { weight: 1, arbitrary: anyJson });
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((b) => valueOf(b as JsonSchema, resolve, hint, depth)));
  switch (schema.type) {
    case "string":
      return fc.oneof({ weight: 12, arbitrary: stringOf(schema) }, { weight: 1, arbitrary: anyJson });
    case "integer":
    case "number":
      return fc.oneof({ weight: 12, arbitrary: numberOf(schema) }, { weight: 1, arbitrary: anyJson });
    case "boolean":
      return fc.oneof({ weight: 8, arbitrary: fc.boolean() }, { weight: 1, arbitrary: anyJson });
    case "null":
      return fc.constant(null);
    case "array": {
      const item = valueOf((schema.items ?? {}) as JsonSchema, resolve, hint, depth + 1);
      const max = Math.min(typeof schema.maxItems === "number" ? schema.maxItems + 1 : 4, depth > 0 ? 3 : 25);
      return fc.oneof({ weight: 8, arbitrary: fc.array(item, { maxLength: max }) }, { weight: 1, arbitrary: anyJson });
    }
    case "object":
      return objectOf(schema, resolve, hint, depth);
    default:
      return anyJson;
  }
}

function objectOf(schema: JsonSchema, resolve: Resolve, hint: (name: string) => fc.Arbitrary<Json> | null, depth: number): fc.Arbitrary<Json> {
  const required = new Set(schema.required ?? []);
  const members = Object.entries(schema.properties ?? {}).map(([name, member]) => {
    const own = hint(name);
    const value = own ? fc.oneof({ weight: 4, arbitrary: own }, { weight: 1, arbitrary: valueOf(member as JsonSchema, resolve, hint, depth + 1) }) : valueOf(member as JsonSchema, resolve, hint, depth + 1);
    // A required member is nearly always there; an optional one about half the time.
    return fc.tuple(fc.constant(name), value, fc.integer({ min: 0, max: 19 }).map((n) => (required.has(name) ? n > 0 : n % 2 === 0)));
  });
  const unknown = fc.option(fc.tuple(fc.constantFrom("colour", "Title", "__proto__", "constructor", "id ", "状态"), anyJson), { freq: 12 });
  return fc.tuple(fc.tuple(...members), unknown).map(([entries, extra]) => {
    const out: { [key: string]: Json } = {};
    for (const [name, value, present] of entries) if (present) out[name] = value;
    // Set as an own member even for __proto__, as JSON.parse would make it.
    if (extra) Object.defineProperty(out, extra[0], { value: extra[1], enumerable: true, writable: true, configurable: true });
    return out;
  });
}

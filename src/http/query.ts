// The query string as the API reads it: checked against the endpoint's schema, one value per parameter. A
// URL has one meaning, for clients and for the cache: `?limit=2&limit=abc` is refused, not read as 2.
import type { Context } from "hono";
import * as v from "valibot";
import { badRequest } from "../domain/errors.ts";
import { issueDetails } from "../content/text-rules.ts";
import { FORBIDDEN_KEYS } from "./forbidden-keys.ts";

/** The query of an endpoint that takes no parameters. */
export const NoQuery = v.objectWithRest({}, v.never("is not a parameter here"));

/**
 * Every parameter's values, decoded as the URL standard decodes a form (+ is a space; an invalid %-escape
 * such as a lone surrogate's %ED%A0%80 becomes U+FFFD, which no schema takes for real text).
 */
function queriesOf(url: string): Map<string, string[]> {
  // A Map, not an object: a parameter named __proto__ or constructor is a name like any other.
  const all = new Map<string, string[]>();
  for (const [name, value] of new URL(url).searchParams) all.set(name, [...(all.get(name) ?? []), value]);
  return all;
}

/** The validated query, or 400 listing every problem: repeated parameters, unknown ones, bad values. */
export function parseQuery<S extends v.GenericSchema>(c: Context, schema: S): v.InferOutput<S> {
  const all = queriesOf(c.req.url);
  const repeated = [...all]
    .filter(([, values]) => values.length > 1)
    .map(([name]) => ({ path: name, message: "is given more than once" }));
  // The validator skips prototype names rather than call them unknown: no endpoint has a parameter so named.
  const prototypal = [...all.keys()].filter((name) => FORBIDDEN_KEYS.has(name)).map((name) => ({ path: name, message: "is not a parameter here" }));
  const single = Object.fromEntries([...all].filter(([name]) => !FORBIDDEN_KEYS.has(name)).map(([name, values]) => [name, values[0] ?? ""]));
  const parsed = v.safeParse(schema, single, { abortEarly: false });
  const problems = [...repeated, ...prototypal, ...(parsed.success ? [] : issueDetails(parsed.issues))];
  if (problems.length || !parsed.success) throw badRequest("Invalid query", problems);
  return parsed.output;
}

type Params = readonly [name: string, value: string | number | undefined, byDefault?: string | number][];

const keptOf = (params: Params) =>
  params.flatMap(([name, value, byDefault]) => (value === undefined || value === byDefault ? [] : [[name, String(value)] as const]));

/** `%e8` as `%E8`: the same octet (RFC 3986 §6.2.2.1), and curl's --data-urlencode writes lower case. */
export const upperEscapes = (s: string) => s.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());

/** Whether a URL's query is spelt as `canonical`, escapes in either case being one spelling. */
export const spelledAs = (search: string, canonical: string) => upperEscapes(search) === canonical;

/**
 * The one spelling of a query: the given parameters in this order, each only when it is not its default.
 * An answer at any other spelling redirects here, so the cache holds one copy per list, not one per order.
 */
export function canonicalSearch(params: Params): string {
  // As a person writes it: `/` and `:` stay as they are (RFC 3986 §3.4 allows them in a query).
  const encode = (s: string) => encodeURIComponent(s).replace(/%2F/gi, "/").replace(/%3A/gi, ":");
  const kept = keptOf(params).map(([name, value]) => `${encode(name)}=${encode(value)}`);
  return kept.length ? `?${kept.join("&")}` : "";
}

/**
 * The same, spelt as an HTML form (application/x-www-form-urlencoded: spaces as +) and URLSearchParams write
 * it: for searches, whose text is typed into a form, so the spelling a search box sends is already the one.
 */
export function formSearch(params: Params): string {
  const kept = new URLSearchParams(keptOf(params).map(([name, value]) => [name, value])).toString();
  return kept ? `?${kept}` : "";
}

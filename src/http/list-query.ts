// The one contract of every list endpoint: `limit` 1..100 (default 20), `cursor` = the `next_cursor` of the
// page before (opaque: base64url of the last row's sort key), any other parameter refused, and a page
// that reads one row more than it shows, so the last page says `next_cursor: null`.
import * as v from "valibot";

export type CursorKey = readonly (number | string)[];

export const encodeCursor = (key: CursorKey): string =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(key))))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** The key inside a cursor, or null for anything encodeCursor could not have produced. */
function decodeCursor(text: string): unknown {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
  } catch {
    // Not base64, not UTF-8 or not JSON: the same answer as every other foreign string.
    return null;
  }
}

/** A cursor whose key has the shape `key` (a valibot tuple), e.g. `[published_at, id]`. */
export const Cursor = <T extends CursorKey>(key: v.GenericSchema<unknown, T>) =>
  v.pipe(
    v.string(),
    v.rawTransform<string, T>(({ dataset, addIssue, NEVER }) => {
      const parsed = v.safeParse(key, decodeCursor(dataset.value));
      // Only the one spelling encodeCursor makes: the same page has one URL.
      if (parsed.success && encodeCursor(parsed.output) === dataset.value) return parsed.output;
      addIssue({ message: "must be a next_cursor from an earlier response" });
      return NEVER;
    }),
  );

/** A whole number that fits a row's key (times in ms, ids). */
export const KeyNumber = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/** The page size when `limit` is not given: the only size at which pages from a cursor are kept at the edge. */
export const DEFAULT_LIMIT = 20;

export const Limit = v.optional(
  v.pipe(
    v.string(),
    v.regex(/^(?:[1-9][0-9]?|100)$/, "must be a whole number from 1 to 100"),
    v.transform(Number),
  ),
  String(DEFAULT_LIMIT),
);

/**
 * The query of a list endpoint: its own filters, `limit` and `cursor`, and nothing else. The object's own
 * message is what a missing required parameter (search's `q`) is told: a query string is always an object.
 */
export const ListQuery = <E extends v.ObjectEntries>(entries: E) =>
  v.objectWithRest({ ...entries, limit: Limit }, v.never("is not a parameter of this list"), "is required");

/** Shows `limit` of the `limit + 1` rows read, and the cursor of the next page when there is one. */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (last: T) => CursorKey) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next_cursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

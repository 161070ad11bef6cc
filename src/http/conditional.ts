// Conditional and range request rules, as pure functions over header values (RFC 9110 §13, §14).
import { parseHttpDate } from "./http-date.ts";

/**
 * `"<opaque>"` (RFC 9110 §8.8.3), every ETag the Worker sends: a content hash, whose bytes never change, or a
 * version, which changes with every change (the admin APIs'; src/http/preconditions.ts reads it back).
 */
export const strongEtag = (opaque: string | number) => `"${opaque}"`;

// RFC 9110 §8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE, etagc = %x21 / %x23-7E / obs-text — no space,
// no control character, but a comma may stand inside a tag, so the list is scanned rather than split.
const ETAGC = /^[\x21\x23-\x7e\x80-\xff]*$/;
const isOws = (ch: string | undefined) => ch === " " || ch === "\t";

/**
 * The tags of a `#entity-tag` list (§5.6.1: comma-separated, empty elements allowed), or null when the
 * header is not one: tags not separated by commas, a space inside a tag, an unterminated tag.
 */
export function parseEntityTags(list: string): { weak: boolean; opaque: string }[] | null {
  const tags: { weak: boolean; opaque: string }[] = [];
  let i = 0;
  for (;;) {
    while (i < list.length && (isOws(list[i]) || list[i] === ",")) i++;
    if (i >= list.length) return tags;
    const weak = list.startsWith("W/", i);
    if (weak) i += 2;
    if (list[i] !== '"') return null;
    const close = list.indexOf('"', i + 1);
    if (close < 0 || !ETAGC.test(list.slice(i + 1, close))) return null;
    tags.push({ weak, opaque: list.slice(i, close + 1) });
    i = close + 1;
    while (isOws(list[i])) i++;
    if (i < list.length && list[i] !== ",") return null;
  }
}

/**
 * RFC 9110 §13.1.2: If-None-Match is false (answer 304 to GET/HEAD) when it is `*` or any listed tag matches
 * the current one by weak comparison. A malformed header is ignored, so the full response goes out.
 */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  if (header.trim() === "*") return false;
  const tags = parseEntityTags(header);
  return tags === null || !tags.some((tag) => tag.opaque === etag);
}

/** The validators a request sends with a GET or HEAD, as header values. */
export type RequestValidators = { ifNoneMatch?: string | undefined; ifModifiedSince?: string | undefined };

/**
 * RFC 9110 §13.2.2: whether a GET or HEAD is answered 304. If-None-Match decides whenever it is present: then
 * If-Modified-Since is ignored (§13.1.3), since an entity tag is exact and a date has one-second resolution.
 * Otherwise If-Modified-Since counts when the representation has a Last-Modified and the header is a valid
 * HTTP-date no later than `now` (a date from the future cannot be one this server sent): unmodified when
 * Last-Modified is no later than that date.
 */
export function isNotModified(request: RequestValidators, current: { etag: string | null; lastModified: string | null }, now: number): boolean {
  if (request.ifNoneMatch !== undefined) return current.etag !== null && !noneMatch(request.ifNoneMatch, current.etag);
  if (request.ifModifiedSince === undefined || current.lastModified === null) return false;
  const since = parseHttpDate(request.ifModifiedSince);
  const modified = parseHttpDate(current.lastModified);
  return since !== null && modified !== null && since <= now && modified <= since;
}

/**
 * The Last-Modified (ms) of a representation last changed at `changedAt` (ms, exact), answered at `now`: the
 * end of the second the change fell in, once that second is over; until then, none. An HTTP date has
 * one-second resolution, and a date validator must never hide a change (RFC 9110 §8.8.2.2: a date is strong
 * only when the server knows the representation did not change twice within it). A date given only after its
 * second has ended was given after every change within it; and naming the end of that second, the plain rule
 * Last-Modified ≤ If-Modified-Since (isNotModified, and any cache's) answers 304 exactly when the last change
 * came before the instant the client names. Until then the ETag, which is exact, validates alone.
 */
export function lastModifiedFor(changedAt: number, now: number): number | null {
  const end = Math.floor(changedAt / 1000) * 1000 + 1000;
  return now >= end ? end : null;
}

/**
 * RFC 9110 §13.1.5: a Range is honoured only if If-Range names the current representation by a strong tag.
 * A date cannot match: /media sends no Last-Modified, so the full representation is sent instead.
 */
export function ifRangeHolds(header: string | undefined, etag: string): boolean {
  if (header === undefined) return true;
  const tags = parseEntityTags(header.trim());
  return tags !== null && tags.length === 1 && tags[0]?.weak === false && tags[0].opaque === etag;
}

export type RangeRequest =
  | { kind: "full" }
  | { kind: "partial"; offset: number; length: number }
  | { kind: "unsatisfiable" };

/**
 * RFC 9110 §14.1.2 / §14.2: one `bytes=` range (`a-b`, `a-`, `-n`) of a `size`-byte representation.
 * Anything this server does not do — other units, several ranges, bad syntax — is ignored (a server may
 * always answer 200 with the whole thing); a well-formed range starting past the end is unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: "full" };
  const match = /^bytes=[ \t]*(\d*)-(\d*)[ \t]*$/i.exec(header.trim());
  if (!match) return { kind: "full" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "full" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    const length = Math.min(suffix, size);
    return { kind: "partial", offset: size - length, length };
  }
  const offset = Number(first);
  if (last !== "" && Number(last) < offset) return { kind: "full" };
  if (offset >= size) return { kind: "unsatisfiable" };
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: "partial", offset, length: end - offset + 1 };
}

// `bytes 0-99/1234` for a 206; for a 416 the range is an asterisk: `bytes */1234`.
export function contentRange(range: { offset: number; length: number } | null, size: number): string {
  return range ? `bytes ${range.offset}-${range.offset + range.length - 1}/${size}` : `bytes */${size}`;
}

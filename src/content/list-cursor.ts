// The public list API's cursor: the last (published_at, id) a client saw, as opaque base64url, so
// clients pass it back rather than build it (and the encoding can change without breaking them).
/** A place in the newest-first order of published articles: the last one a client has seen. */
export type ListCursor = { publishedAt: number; id: number };

const PLAIN = /^(0|[1-9][0-9]{0,15})\.([1-9][0-9]{0,15})$/;

export function encodeListCursor(cursor: ListCursor): string {
  return btoa(`${cursor.publishedAt}.${cursor.id}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor, or null for anything encodeListCursor could not have produced. */
export function decodeListCursor(text: string): ListCursor | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) return null;
  let plain: string;
  try {
    plain = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    // Not base64 at all (a bad length): the same answer as every other foreign string.
    return null;
  }
  const match = PLAIN.exec(plain);
  if (!match?.[1] || !match[2]) return null;
  const publishedAt = Number(match[1]);
  const id = Number(match[2]);
  return Number.isSafeInteger(publishedAt) && Number.isSafeInteger(id) ? { publishedAt, id } : null;
}

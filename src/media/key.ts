// Media keys: `<sha256 hex of the bytes>.<ext>`, so identical uploads share one key and a key's bytes never change.
import type { ImageExt } from "./sniff.ts";

/** The only names /media serves: anything else (other objects, traversal, uppercase hex) is not a key. */
export const MEDIA_KEY = /^[0-9a-f]{64}\.(?:jpg|png|webp|gif|avif)$/;

export async function contentKey(bytes: Uint8Array, ext: ImageExt): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex}.${ext}`;
}

/** The content hash part of a key: its strong ETag. */
export const keyHash = (key: string) => key.slice(0, key.indexOf("."));

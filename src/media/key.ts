// Media keys: `<sha256 hex of the bytes>.<ext>`, so identical uploads share one key and a key's bytes never change.
import type { ImageExt } from "./sniff.ts";
import { sha256Hex } from "../content/sha256.ts";

export const contentKey = async (bytes: Uint8Array, ext: ImageExt): Promise<string> => `${await sha256Hex(bytes)}.${ext}`;

/** The content hash part of a key: its strong ETag. */
export const keyHash = (key: string) => key.slice(0, key.indexOf("."));

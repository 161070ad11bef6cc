// Bounds-safe reads over a Uint8Array for the image header parsers: past the end reads as 0 and never throws,
// so parsers check lengths where a 0 would be ambiguous and otherwise reject the resulting zero sizes.

const at = (b: Uint8Array, i: number): number => b[i] ?? 0;

export const u16be = (b: Uint8Array, i: number) => (at(b, i) << 8) | at(b, i + 1);
export const u16le = (b: Uint8Array, i: number) => at(b, i) | (at(b, i + 1) << 8);
export const u24le = (b: Uint8Array, i: number) => at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16);
export const u32be = (b: Uint8Array, i: number) =>
  ((at(b, i) << 24) | (at(b, i + 1) << 16) | (at(b, i + 2) << 8) | at(b, i + 3)) >>> 0;
export const u32le = (b: Uint8Array, i: number) =>
  (at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16) | (at(b, i + 3) << 24)) >>> 0;

/** Four bytes as ASCII (a RIFF chunk or ISO-BMFF box type), or "" when they run past the end. */
export const fourcc = (b: Uint8Array, i: number) =>
  i >= 0 && i + 4 <= b.length ? String.fromCharCode(at(b, i), at(b, i + 1), at(b, i + 2), at(b, i + 3)) : "";

/** Whether `expected` occurs at offset `i`. */
export const bytesAt = (b: Uint8Array, i: number, expected: readonly number[]) =>
  i >= 0 && i + expected.length <= b.length && expected.every((x, k) => b[i + k] === x);

export const ascii = (text: string): number[] => Array.from(text, (ch) => ch.charCodeAt(0));

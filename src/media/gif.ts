// GIF (GIF89a, which GIF87a files also follow): the logical screen size, and whether an image follows it.
import { u16le } from "./bytes.ts";
import { dimensions, type Dimensions } from "./size.ts";

// §18: the logical screen descriptor follows the 6-byte signature, little-endian.
export function gifDimensions(b: Uint8Array): Dimensions | null {
  return b.length < 10 ? null : dimensions(u16le(b, 6), u16le(b, 8));
}

// §18, §20: a packed byte whose top bit says a colour table follows (§19, §21), 3 × 2^(n+1) bytes (n: low 3 bits).
const colourTableBytes = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);

// §15: data sub-blocks are a size byte and that many bytes, ended by a size of 0. The offset after the
// terminator, or null when the chain runs past the end.
function skipSubBlocks(b: Uint8Array, at: number): number | null {
  for (;;) {
    const size = b[at];
    if (size === undefined) return null;
    at += 1 + size;
    if (size === 0) return at;
  }
}

/**
 * Appendix B (the grammar): after the screen descriptor and its colour table come extensions (0x21, a label, then
 * sub-blocks) until an image descriptor (0x2C, §20) or the trailer (0x3B, §27). The image holds data when a
 * descriptor, its local colour table, the LZW code size (§22) and a first non-empty data sub-block all fit.
 */
export function gifHasImageData(b: Uint8Array): boolean {
  let at = 13 + colourTableBytes(b[10] ?? 0);
  for (;;) {
    const introducer = b[at];
    if (introducer === 0x21) {
      const next = skipSubBlocks(b, at + 2);
      if (next === null) return false;
      at = next;
    } else if (introducer === 0x2c) {
      const block = at + 10 + colourTableBytes(b[at + 9] ?? 0) + 1; // after the descriptor and the LZW code size
      const size = b[block] ?? 0;
      return size > 0 && block + 1 + size <= b.length;
    } else {
      return false; // the trailer, anything unknown, or the end of the file
    }
  }
}

// GIF (GIF89a, which GIF87a files also follow): the size it is shown at, and whether an image follows the header.
import { u16le } from "./bytes.ts";
import { dimensions, type Dimensions } from "./size.ts";

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

type Frame = { left: number; top: number; width: number; height: number; hasData: boolean };

/**
 * Appendix B (the grammar): after the screen descriptor and its colour table come extensions (0x21, a label,
 * then sub-blocks) and images (0x2C: a descriptor §20, a local colour table, the LZW code size §22, data
 * sub-blocks) until the trailer (0x3B, §27). Every frame that fits in the file, in order; each step
 * advances, so a hostile file ends the walk rather than looping.
 */
function frames(b: Uint8Array): Frame[] {
  const found: Frame[] = [];
  let at = 13 + colourTableBytes(b[10] ?? 0);
  for (;;) {
    const introducer = b[at];
    if (introducer === 0x21) {
      const next = skipSubBlocks(b, at + 2);
      if (next === null) return found;
      at = next;
    } else if (introducer === 0x2c) {
      if (at + 10 > b.length) return found;
      const data = at + 10 + colourTableBytes(b[at + 9] ?? 0) + 1; // after the descriptor and the LZW code size
      const size = b[data] ?? 0;
      found.push({
        left: u16le(b, at + 1),
        top: u16le(b, at + 3),
        width: u16le(b, at + 5),
        height: u16le(b, at + 7),
        hasData: size > 0 && data + 1 + size <= b.length,
      });
      const next = skipSubBlocks(b, data);
      if (next === null) return found;
      at = next;
    } else {
      return found; // the trailer, anything unknown, or the end of the file
    }
  }
}

/**
 * §18: the logical screen, little-endian after the 6-byte signature — grown to hold every frame, as browsers
 * grow it: a 1×1 screen holding a 20000×20000 frame is shown (and decoded) at 20000×20000.
 */
export function gifDimensions(b: Uint8Array): Dimensions | null {
  if (b.length < 10) return null;
  let width = u16le(b, 6);
  let height = u16le(b, 8);
  for (const f of frames(b)) {
    width = Math.max(width, f.left + f.width);
    height = Math.max(height, f.top + f.height);
  }
  return dimensions(width, height);
}

/** The image holds data when its first frame's descriptor, colour table, code size and first data sub-block fit. */
export function gifHasImageData(b: Uint8Array): boolean {
  return frames(b)[0]?.hasData ?? false;
}

// WebP (RFC 9649): the canvas size from the first chunk, and whether a bitstream chunk holds a frame.
import { bytesAt, fourcc, u16le, u24le, u32le } from "./bytes.ts";
import { dimensions, type Dimensions } from "./size.ts";

// After "RIFF" size "WEBP" comes the first chunk, whose payload starts at 20.
export function webpDimensions(b: Uint8Array): Dimensions | null {
  if (b.length < 30) return null;
  switch (fourcc(b, 12)) {
    case "VP8 ": // lossy: a 3-byte frame tag, the start code 9d 01 2a, then 14-bit width and height (RFC 6386 §9.1)
      if (!bytesAt(b, 23, [0x9d, 0x01, 0x2a])) return null;
      return dimensions(u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff);
    case "VP8L": {
      // lossless: signature 0x2f, then width-1 and height-1 in 14 bits each, least significant first
      if (b[20] !== 0x2f) return null;
      const bits = u16le(b, 21) | (u16le(b, 23) << 16);
      return dimensions((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
    }
    case "VP8X": // extended: flags and reserved (4 bytes), then canvas width-1 and height-1 in 24 bits each
      return dimensions(u24le(b, 24) + 1, u24le(b, 27) + 1);
    default:
      return null;
  }
}

type Chunk = { type: string; start: number; end: number }; // start: first byte of the payload

// "RIFF File Format": FourCC, little-endian 32-bit payload size, payload, a pad byte if the size is odd.
// Stops at the first chunk that does not fit before `end`.
function* chunks(b: Uint8Array, start: number, end: number): Generator<Chunk> {
  let at = start;
  while (at + 8 <= end) {
    const size = u32le(b, at + 4);
    if (at + 8 + size > end) return;
    yield { type: fourcc(b, at), start: at + 8, end: at + 8 + size };
    at += 8 + size + (size & 1);
  }
}

// A bitstream chunk holds a frame when it has bytes past the header it starts with: VP8's frame tag, start
// code and sizes (10 bytes, RFC 6386 §9.1), or VP8L's signature and sizes (5 bytes, RFC 9649 §3).
function isFrame(c: Chunk): boolean {
  const header = c.type === "VP8 " ? 10 : c.type === "VP8L" ? 5 : null;
  return header !== null && c.end - c.start > header;
}

// "Extended File Format": a still image has a VP8 or VP8L chunk among the others; an animation's frames
// are ANMF chunks, each a 16-byte frame header (position, size, duration, flags) and then its frame's chunks.
function holdsFrame(b: Uint8Array, start: number, end: number): boolean {
  for (const c of chunks(b, start, end)) {
    if (isFrame(c)) return true;
    if (c.type === "ANMF") for (const inner of chunks(b, c.start + 16, c.end)) if (isFrame(inner)) return true;
  }
  return false;
}

/**
 * Whether the file holds a coded frame: a simple file's first chunk is its bitstream; an extended file
 * (VP8X first) has one among the chunks after it. Chunks are read within the RIFF size, so trailing
 * bytes do not count.
 */
export function webpHasImageData(b: Uint8Array): boolean {
  const end = Math.min(b.length, 8 + u32le(b, 4));
  const first = chunks(b, 12, end).next().value;
  if (!first) return false;
  return first.type === "VP8X" ? holdsFrame(b, 12, end) : isFrame(first);
}

// AVIF width and height: the `ispe` property of the primary item (ISO/IEC 23008-12 §6.5.3), found through
// meta → pitm (which item) and meta → iprp → ipma (which properties), with `irot` turning it by 90°;
// and whether the file holds coded data at all.
import { fourcc, u32be, u16be } from "./bytes.ts";
import { dimensions, type Dimensions } from "./size.ts";

type Box = { type: string; start: number; end: number }; // start: first byte after the header

// ISO/IEC 14496-12 §4.2: 32-bit size (1 = 64-bit size follows, 0 = to the end), then the type.
// Stops at the first box that does not fit inside its parent.
function* boxes(b: Uint8Array, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = u32be(b, at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end || u32be(b, at + 8) !== 0) return; // larger than 4 GiB: not in a bounded upload
      size = u32be(b, at + 12);
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) return;
    yield { type: fourcc(b, at + 4), start: at + header, end: at + size };
    at += size;
  }
}

function child(b: Uint8Array, parent: Box, type: string, skip = 0): Box | null {
  for (const box of boxes(b, parent.start + skip, parent.end)) if (box.type === type) return box;
  return null;
}

// ipma (§9.3.2): per item, its property indices (1-based into ipco), 7 or 15 bits each after an "essential" bit.
function propertiesOf(b: Uint8Array, ipma: Box, item: number): Set<number> | null {
  const version = b[ipma.start] ?? 0;
  const wide = ((b[ipma.start + 3] ?? 0) & 1) === 1;
  const entries = u32be(b, ipma.start + 4);
  let at = ipma.start + 8;
  for (let e = 0; e < entries; e++) {
    const idBytes = version < 1 ? 2 : 4;
    if (at + idBytes + 1 > ipma.end) return null;
    const id = version < 1 ? u16be(b, at) : u32be(b, at);
    const count = b[at + idBytes] ?? 0;
    at += idBytes + 1;
    const width = wide ? 2 : 1;
    if (at + count * width > ipma.end) return null;
    if (id === item) {
      const found = new Set<number>();
      for (let k = 0; k < count; k++) found.add(wide ? u16be(b, at + k * 2) & 0x7fff : (b[at + k] ?? 0) & 0x7f);
      return found;
    }
    at += count * width;
  }
  return null;
}

export function avifDimensions(b: Uint8Array): Dimensions | null {
  const file: Box = { type: "", start: 0, end: b.length };
  const meta = child(b, file, "meta");
  if (!meta) return null;
  // meta, pitm, ipma and ispe are full boxes: 1 byte version and 3 bytes flags before their fields.
  const pitm = child(b, meta, "pitm", 4);
  const iprp = child(b, meta, "iprp", 4);
  const ipco = iprp && child(b, iprp, "ipco");
  const ipma = iprp && child(b, iprp, "ipma");
  if (!pitm || !ipco || !ipma) return null;
  const primary = b[pitm.start] === 0 ? u16be(b, pitm.start + 4) : u32be(b, pitm.start + 4);
  const wanted = propertiesOf(b, ipma, primary);
  if (!wanted) return null;
  let size: Dimensions | null = null;
  let quarterTurns = 0;
  let index = 0;
  for (const property of boxes(b, ipco.start, ipco.end)) {
    if (!wanted.has(++index)) continue;
    if (property.type === "ispe" && property.start + 12 <= property.end)
      size = dimensions(u32be(b, property.start + 4), u32be(b, property.start + 8));
    if (property.type === "irot" && property.start < property.end) quarterTurns = (b[property.start] ?? 0) & 3;
  }
  if (!size) return null;
  return quarterTurns % 2 === 1 ? { width: size.height, height: size.width } : size;
}

/**
 * A primary item (pitm, ISO/IEC 14496-12 §8.11.4) and a non-empty `mdat` (§8.1.1), where the items' coded
 * data lives. A box cut off by the end of the file is not read, so a truncated mdat does not count.
 */
export function avifHasImageData(b: Uint8Array): boolean {
  const file: Box = { type: "", start: 0, end: b.length };
  const meta = child(b, file, "meta");
  if (!meta || !child(b, meta, "pitm", 4)) return false;
  for (const box of boxes(b, 0, b.length)) if (box.type === "mdat" && box.end > box.start) return true;
  return false;
}

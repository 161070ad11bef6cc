// The ICO container (the Windows icon format every browser reads at /favicon.ico): one 32-bit BMP image per
// size, each a BITMAPINFOHEADER, the BGRA pixels bottom row first, then the 1-bit AND mask (set where fully
// transparent, for readers that ignore alpha). Little-endian throughout.

type IconImage = { size: number; rgba: Uint8Array };

const DIR = 6;
const ENTRY = 16;
const HEADER = 40;

const maskStride = (size: number) => Math.ceil(size / 32) * 4;
const imageBytes = (size: number) => HEADER + size * size * 4 + maskStride(size) * size;

export function encodeIco(images: readonly IconImage[]): Uint8Array {
  const total = DIR + ENTRY * images.length + images.reduce((n, i) => n + imageBytes(i.size), 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint16(2, 1, true);
  view.setUint16(4, images.length, true);
  let offset = DIR + ENTRY * images.length;
  images.forEach(({ size, rgba }, n) => {
    const entry = DIR + ENTRY * n;
    // A width or height of 256 is written as 0.
    bytes[entry] = size % 256;
    bytes[entry + 1] = size % 256;
    view.setUint16(entry + 4, 1, true);
    view.setUint16(entry + 6, 32, true);
    view.setUint32(entry + 8, imageBytes(size), true);
    view.setUint32(entry + 12, offset, true);
    view.setUint32(offset, HEADER, true);
    view.setInt32(offset + 4, size, true);
    // The height counts the pixels and the mask together.
    view.setInt32(offset + 8, size * 2, true);
    view.setUint16(offset + 12, 1, true);
    view.setUint16(offset + 14, 32, true);
    view.setUint32(offset + 20, imageBytes(size) - HEADER, true);
    const pixels = offset + HEADER;
    const mask = pixels + size * size * 4;
    for (let y = 0; y < size; y++) {
      const row = size - 1 - y;
      for (let x = 0; x < size; x++) {
        const from = (y * size + x) * 4;
        const to = pixels + (row * size + x) * 4;
        bytes[to] = rgba[from + 2] as number;
        bytes[to + 1] = rgba[from + 1] as number;
        bytes[to + 2] = rgba[from] as number;
        bytes[to + 3] = rgba[from + 3] as number;
        const bit = mask + row * maskStride(size) + (x >> 3);
        if (rgba[from + 3] === 0) bytes[bit] = (bytes[bit] as number) | (0x80 >> (x & 7));
      }
    }
    offset += imageBytes(size);
  });
  return bytes;
}

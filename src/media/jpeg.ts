// JPEG width and height: walk the marker segments to the first frame header (SOFn), and apply the EXIF
// orientation so a phone photo stored sideways reports the size it is displayed at (browsers rotate it).
import { fourcc, u16be, u16le, u32be, u32le } from "./bytes.ts";
import { dimensions, type Dimensions } from "./size.ts";

// ITU T.81 Table B.1: C0–CF are frame headers except C4 (DHT), C8 (JPG extension) and CC (DAC).
const isFrameHeader = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
// Markers without a length: TEM, RST0–7, SOI.
const isStandalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd8);

export function jpegDimensions(b: Uint8Array): Dimensions | null {
  let orientation = 1;
  let at = 2;
  while (at < b.length) {
    // Stray bytes before a marker are skipped, as libjpeg does ("extraneous bytes before marker");
    // then any number of 0xFF fill bytes (T.81 §B.1.1.2).
    while (at < b.length && b[at] !== 0xff) at++;
    while (b[at] === 0xff) at++;
    const marker = b[at++];
    if (marker === undefined) return null;
    if (isStandalone(marker)) continue;
    // EOI, or scan data before any frame header: there is no size to find.
    if (marker === 0xd9 || marker === 0xda) return null;
    const length = u16be(b, at);
    if (length < 2 || at + length > b.length) return null;
    if (isFrameHeader(marker)) {
      // length, precision (1 byte), then height and width; a height of 0 (defined later by DNL) is not supported
      if (length < 7) return null;
      const height = u16be(b, at + 3);
      const width = u16be(b, at + 5);
      return orientation >= 5 ? dimensions(height, width) : dimensions(width, height);
    }
    if (marker === 0xe1) orientation = exifOrientation(b.subarray(at + 2, at + length)) ?? orientation;
    at += length;
  }
  return null;
}

// EXIF 2.3 §4.5.4 (a TIFF structure after "Exif\0\0"): tag 0x0112 in IFD0; 5–8 mean the image is turned 90°.
function exifOrientation(app1: Uint8Array): number | null {
  if (fourcc(app1, 0) !== "Exif" || u16be(app1, 4) !== 0) return null;
  const tiff = app1.subarray(6);
  const order = u16be(tiff, 0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  const u16 = (i: number) => (little ? u16le(tiff, i) : u16be(tiff, i));
  const u32 = (i: number) => (little ? u32le(tiff, i) : u32be(tiff, i));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

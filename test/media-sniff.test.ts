// The pure parts of images: type sniffing, header dimensions, the pixel cap, whether a file holds image data,
// and the conditional/range header rules.
import { describe, expect, it } from "vitest";
import { imageDimensions } from "../src/media/dimensions.ts";
import { contentRange, ifRangeHolds, noneMatch, parseRange, strongEtag } from "../src/http/conditional.ts";
import { hasImageData } from "../src/media/image-data.ts";
import { withinPixelCap } from "../src/media/size.ts";
import { sniffImageType } from "../src/media/sniff.ts";
import * as images from "./fixtures/images.ts";

const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const box = (type: string, ...content: (Uint8Array | number[])[]) => {
  const body = concat(...content);
  return concat(be32(8 + body.length), text(type), body);
};

const REAL = images.KNOWN;

describe("sniffImageType", () => {
  it.each(REAL)("recognises %s", (_, make, ext, contentType) => {
    expect(sniffImageType(make())).toEqual({ ext, contentType });
  });

  it("recognises AVIF when avif is only a compatible brand", () => {
    const file = images.avif();
    file.set(text("mif1"), 8);
    expect(sniffImageType(file)?.ext).toBe("avif");
  });

  it("recognises an AVIF image sequence (avis)", () => {
    expect(sniffImageType(box("ftyp", text("avis"), be32(0), text("msf1")))?.ext).toBe("avif");
  });

  it.each([
    ["an empty file", new Uint8Array()],
    ["two bytes of a JPEG marker", Uint8Array.of(0xff, 0xd8)],
    ["a script", text("#!/bin/sh\nrm -rf /\n")],
    ["JavaScript", text("alert(document.cookie)")],
    ["HTML", text("<!doctype html><script>alert(1)</script>")],
    ["SVG", text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ["SVG with an XML declaration", text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["a WAV file (RIFF but not WEBP)", concat(text("RIFF"), be32(4), text("WAVE"))],
    ["a HEIC file (ftyp without an AVIF brand)", box("ftyp", text("heic"), be32(0), text("mif1heic"))],
    ["an MP4", box("ftyp", text("isom"), be32(0), text("isomiso2mp41"))],
    ["a ftyp box too short to hold brands", concat(be32(8), text("ftypavif"))],
    ["a PDF", text("%PDF-1.7\n")],
    ["GIF without the version", text("GIF8")],
  ])("refuses %s", (_, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });

  it("does not look for AVIF brands past the end of the ftyp box", () => {
    expect(sniffImageType(concat(box("ftyp", text("mif1"), be32(0)), text("avif")))).toBeNull();
  });
});

describe("imageDimensions of real images", () => {
  it.each(REAL)("reads %s", (_, make, ext, _type, width, height) => {
    expect(imageDimensions(make(), ext)).toEqual({ width, height });
  });
});

describe("imageDimensions of damaged or hostile input", () => {
  it.each(REAL)("never throws and never guesses on any truncation of %s", (_, make, ext, _type, width, height) => {
    const whole = make();
    for (let n = 0; n < whole.length; n++) {
      const size = imageDimensions(whole.subarray(0, n), ext);
      if (size !== null) expect(size).toEqual({ width, height });
    }
  });

  it.each(REAL)("never throws when any single byte of %s is damaged", (_, make, ext) => {
    const whole = make();
    for (let i = 0; i < whole.length; i++) {
      for (const value of [0x00, 0xff, 0x7f, 0x01]) {
        const damaged = whole.slice();
        damaged[i] = value;
        const size = imageDimensions(damaged, ext);
        if (size !== null) {
          expect(size.width).toBeGreaterThan(0);
          expect(size.height).toBeGreaterThan(0);
        }
      }
    }
  });

  it("gives up on a JPEG whose height is left to a DNL marker", () => {
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x00, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00];
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, ...sof), "jpg")).toBeNull();
  });

  it("gives up on a JPEG whose segment length runs past the end", () => {
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0x00), "jpg")).toBeNull();
  });

  it("reads a JPEG frame header after fill bytes and a restart marker", () => {
    const sof = [0xff, 0xc2, 0x00, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x30, 0x01, 0x01, 0x11, 0x00];
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, 0xff, 0xff, 0xd0, ...sof), "jpg")).toEqual({ width: 48, height: 32 });
  });

  it("skips stray bytes between JPEG segments, as decoders do", () => {
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00];
    const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
    expect(imageDimensions(Uint8Array.of(0xff, 0xd8, ...app0, 0x00, 0x00, ...sof), "jpg")).toEqual({ width: 3, height: 2 });
  });

  it("ignores an EXIF block whose IFD points far outside it", () => {
    const exif = concat(text("Exif"), [0, 0], text("MM"), [0, 42], be32(0x7ffffff0));
    const app1 = concat([0xff, 0xe1], [0, exif.length + 2], exif);
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00];
    expect(imageDimensions(concat([0xff, 0xd8], app1, sof), "jpg")).toEqual({ width: 3, height: 2 });
  });

  it("refuses a PNG with a zero or out-of-range side", () => {
    const png = (w: number, h: number) => concat(images.png().subarray(0, 16), be32(w), be32(h));
    expect(imageDimensions(png(0, 4), "png")).toBeNull();
    expect(imageDimensions(png(0x80000000, 4), "png")).toBeNull();
    expect(imageDimensions(png(3, 4), "png")).toEqual({ width: 3, height: 4 });
  });

  it("refuses a WebP whose first chunk is none of VP8, VP8L, VP8X", () => {
    const webp = images.webpLossy();
    webp.set(text("VP8Z"), 12);
    expect(imageDimensions(webp, "webp")).toBeNull();
  });

  it("survives AVIF boxes that claim to be larger than the file, or 64-bit sized", () => {
    const ftyp = box("ftyp", text("avif"), be32(0));
    expect(imageDimensions(concat(ftyp, be32(0xffffffff), text("meta")), "avif")).toBeNull();
    expect(imageDimensions(concat(ftyp, be32(1), text("meta"), be32(1), be32(0)), "avif")).toBeNull();
    expect(imageDimensions(concat(ftyp, be32(3), text("meta")), "avif")).toBeNull();
  });

  it("survives an AVIF ipma that claims four billion entries", () => {
    const ispe = box("ispe", be32(0), be32(20), be32(10));
    const ipma = box("ipma", be32(0), be32(0xffffffff), [0, 2, 1, 0x81]);
    const meta = box("meta", be32(0), box("pitm", be32(0), [0, 1]), box("iprp", box("ipco", ispe), ipma));
    expect(imageDimensions(concat(box("ftyp", text("avif"), be32(0)), meta), "avif")).toBeNull();
  });

  it("takes the primary item's ispe, not the first one listed", () => {
    const thumb = box("ispe", be32(0), be32(4), be32(2));
    const main = box("ispe", be32(0), be32(40), be32(20));
    const ipma = box("ipma", be32(0), be32(2), [0, 1, 1, 0x81], [0, 2, 1, 0x82]);
    const meta = box("meta", be32(0), box("pitm", be32(0), [0, 2]), box("iprp", box("ipco", thumb, main), ipma));
    expect(imageDimensions(concat(box("ftyp", text("avif"), be32(0)), meta), "avif")).toEqual({ width: 40, height: 20 });
  });
});

describe("the pixel cap", () => {
  it.each([
    [16384, 3000],
    [10000, 5000],
    [16384, 1],
    [1, 16384],
    [1, 1],
  ])("accepts %i×%i", (width, height) => {
    expect(withinPixelCap({ width, height })).toBe(true);
  });

  it.each([
    [16385, 1],
    [1, 16385],
    [10000, 5001],
    [16384, 16384],
    [65535, 65535],
    [0x7fffffff, 0x7fffffff],
  ])("refuses %i×%i", (width, height) => {
    expect(withinPixelCap({ width, height })).toBe(false);
  });
});

describe("hasImageData of real images", () => {
  it.each(REAL)("finds the image data in %s", (_, make, ext) => {
    expect(hasImageData(make(), ext)).toBe(true);
  });

  it.each(REAL)("never throws on any truncation or damaged byte of %s", (_, make, ext) => {
    const whole = make();
    for (let n = 0; n < whole.length; n++) expect(typeof hasImageData(whole.subarray(0, n), ext)).toBe("boolean");
    for (let i = 0; i < whole.length; i++) {
      for (const value of [0x00, 0xff, 0x7f, 0x01]) {
        const damaged = whole.slice();
        damaged[i] = value;
        expect(typeof hasImageData(damaged, ext)).toBe("boolean");
      }
    }
  });

  it.each(REAL.filter(([, , ext]) => ext === "png" || ext === "avif"))(
    "refuses every truncation of %s, whose data runs to the end",
    (_, make, ext) => {
      const whole = make();
      for (let n = 0; n < whole.length; n++) expect(hasImageData(whole.subarray(0, n), ext), `${n} bytes`).toBe(false);
    },
  );
});

describe("hasImageData of a PNG", () => {
  const { pngChunk, pngHeader, pngOf, ONE_PIXEL_IDAT } = images;
  const idat = pngChunk("IDAT", ONE_PIXEL_IDAT);
  const iend = pngChunk("IEND");

  it("finds a real 1×1 PNG's IDAT, and data split over several IDATs", () => {
    expect(hasImageData(pngOf(1, 1), "png")).toBe(true);
    const [first, second] = [ONE_PIXEL_IDAT.slice(0, 4), ONE_PIXEL_IDAT.slice(4)];
    expect(hasImageData(pngOf(1, 1, [pngChunk("IDAT", first), pngChunk("IDAT", second), iend]), "png")).toBe(true);
  });

  it("refuses the 33-byte PNG: signature and IHDR only", () => {
    const header = pngHeader(10, 10);
    expect(header.length).toBe(33);
    expect(imageDimensions(header, "png")).toEqual({ width: 10, height: 10 });
    expect(hasImageData(header, "png")).toBe(false);
  });

  it.each([
    ["IHDR then IEND", [iend]],
    ["an empty IDAT", [pngChunk("IDAT"), iend]],
    ["its only IDAT after IEND", [iend, idat]],
    ["no IEND", [idat]],
    ["only ancillary chunks", [pngChunk("tEXt", text("Title\0x")), iend]],
  ])("refuses a PNG with %s", (_, chunks) => {
    expect(hasImageData(pngOf(1, 1, chunks), "png")).toBe(false);
  });

  it("refuses a PNG whose IDAT is cut off, or claims a length past the end or over 2^31-1", () => {
    expect(hasImageData(images.png().subarray(0, 60), "png")).toBe(false);
    const long = pngOf(1, 1, [concat(be32(1000), text("IDAT"), ONE_PIXEL_IDAT, be32(0)), iend]);
    expect(hasImageData(long, "png")).toBe(false);
    const huge = pngOf(1, 1, [concat(be32(0x80000000), text("IDAT")), idat, iend]);
    expect(hasImageData(huge, "png")).toBe(false);
  });
});

describe("hasImageData of a JPEG", () => {
  const SOI = [0xff, 0xd8];
  const EOI = [0xff, 0xd9];
  const SOF0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x02, 0x00, 0x03, 0x01, 0x01, 0x11, 0x00];
  const SOS = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]; // one component: length 6 + 2
  const jpeg = (...parts: number[][]) => Uint8Array.from(parts.flat());
  const real = images.jpeg();
  const realScan = real.findIndex((x, i) => x === 0xff && real[i + 1] === 0xda);

  it("finds a scan with entropy-coded bytes after the frame header, a stuffed 0xFF00 included", () => {
    expect(hasImageData(jpeg(SOI, SOF0, SOS, [0x12, 0x34], EOI), "jpg")).toBe(true);
    expect(hasImageData(jpeg(SOI, SOF0, SOS, [0xff, 0x00], EOI), "jpg")).toBe(true);
  });

  it.each([
    ["no scan", jpeg(SOI, SOF0, EOI)],
    ["a real JPEG's tables and frame header but no scan", concat(real.subarray(0, realScan), EOI)],
    ["a scan header followed straight by EOI", jpeg(SOI, SOF0, SOS, EOI)],
    ["a scan header and nothing after it", jpeg(SOI, SOF0, SOS)],
    ["a scan header cut off", jpeg(SOI, SOF0, SOS.slice(0, 6))],
    ["a scan before the frame header", jpeg(SOI, SOS, [0x12], SOF0, EOI)],
    ["a scan of no components", jpeg(SOI, SOF0, [0xff, 0xda, 0x00, 0x06, 0x00, 0x00, 0x3f, 0x00], [0x12], EOI)],
    ["a scan header shorter than its components need", jpeg(SOI, SOF0, [0xff, 0xda, 0x00, 0x06, 0x03, 0x01, 0x00, 0x00], [0x12], EOI)],
  ])("refuses a JPEG with %s", (_, bytes) => {
    expect(hasImageData(bytes, "jpg")).toBe(false);
  });
});

describe("hasImageData of a GIF", () => {
  const gif = images.gif();
  // gif: header (6) and screen descriptor (7) with a 2-colour global table (6), a graphic control
  // extension (8), then at 27 the image descriptor (10), LZW code size, one 3-byte sub-block, terminator, trailer.
  const head = gif.subarray(0, 27);
  const image = gif.subarray(27, 43);
  const comment = concat([0x21, 0xfe, 5], text("hello"), [3], text("abc"), [0]);

  it("finds the image descriptor after extensions of several sub-blocks", () => {
    expect(hasImageData(concat(head, comment, image, [0x3b]), "gif")).toBe(true);
  });

  it("finds an image descriptor after a local colour table", () => {
    const withTable = concat(head, image.subarray(0, 9), [0x80], [1, 2, 3, 4, 5, 6], image.subarray(10), [0x3b]);
    expect(hasImageData(withTable, "gif")).toBe(true);
  });

  it.each([
    ["no image descriptor", concat(head, [0x3b])],
    ["only the header and screen descriptor", concat(gif.subarray(0, 13), [0x3b])],
    ["an extension whose sub-blocks run past the end", concat(head, [0x21, 0xfe, 200], text("short"))],
    ["an image descriptor cut off", concat(head, image.subarray(0, 6))],
    ["an image descriptor with no data sub-block", concat(head, image.subarray(0, 11), [0x00, 0x3b])],
    ["a data sub-block cut off", concat(head, image.subarray(0, 13))],
    ["a local colour table the file does not hold", concat(head, image.subarray(0, 9), [0x87], image.subarray(10))],
    ["an unknown block", concat(head, [0x00], image, [0x3b])],
  ])("refuses a GIF with %s", (_, bytes) => {
    expect(hasImageData(bytes, "gif")).toBe(false);
  });
});

describe("hasImageData of a WebP", () => {
  const { webpChunk, webpOf } = images;
  const extended = images.webpExtended();
  const vp8x = extended.subarray(12, 30);
  const alph = extended.subarray(30, 48);
  const vp8 = extended.subarray(48, 100);
  const vp8l = webpChunk("VP8L", images.webpLossless().subarray(20, 35));
  const anim = webpChunk("ANIM", [0, 0, 0, 0, 0, 0]);
  const frameHeader = [0, 0, 0, 0, 0, 0, 9, 0, 0, 5, 0, 0, 100, 0, 0, 0]; // position, 10×6, 100 ms, flags

  it("finds the bitstream of an extended file, still or animated", () => {
    expect(hasImageData(webpOf(vp8x, alph, vp8), "webp")).toBe(true);
    expect(hasImageData(webpOf(vp8x, anim, webpChunk("ANMF", concat(frameHeader, vp8l))), "webp")).toBe(true);
  });

  it.each([
    ["VP8X with alpha but no image chunk", webpOf(vp8x, alph)],
    ["VP8X alone", webpOf(vp8x)],
    ["VP8X and metadata only", webpOf(vp8x, webpChunk("EXIF", text("MM\0*")), webpChunk("XMP ", text("<x/>")))],
    ["an animation with no frames", webpOf(vp8x, anim)],
    ["an animation frame holding no bitstream", webpOf(vp8x, anim, webpChunk("ANMF", frameHeader))],
    ["an animation frame nested in a frame", webpOf(vp8x, anim, webpChunk("ANMF", concat(frameHeader, webpChunk("ANMF", concat(frameHeader, vp8l)))))],
    ["a VP8 chunk of its frame header only", webpOf(webpChunk("VP8 ", images.webpLossy().subarray(20, 30)))],
    ["a VP8L chunk of its header only", webpOf(webpChunk("VP8L", images.webpLossless().subarray(20, 25)))],
    ["a VP8 chunk cut off", images.webpLossy().subarray(0, 59)],
    ["its bitstream after the end the RIFF header gives", concat(webpOf(vp8x, alph), vp8)],
  ])("refuses a WebP with %s", (_, bytes) => {
    expect(hasImageData(bytes, "webp")).toBe(false);
  });
});

describe("hasImageData of an AVIF", () => {
  const avif = images.avif();
  const mdat = avif.length - 51; // the last box: 51 bytes of mdat

  it.each([
    ["no mdat", avif.subarray(0, mdat)],
    ["an empty mdat", concat(avif.subarray(0, mdat), be32(8), text("mdat"))],
    ["its mdat renamed", concat(avif.subarray(0, mdat + 4), text("free"), avif.subarray(mdat + 8))],
    ["an mdat cut off", avif.subarray(0, avif.length - 1)],
  ])("refuses an AVIF with %s", (_, bytes) => {
    expect(hasImageData(bytes, "avif")).toBe(false);
  });

  it("refuses an AVIF that names no primary item", () => {
    const file = avif.slice();
    const pitm = file.findIndex((_, i) => text("pitm").every((x, k) => file[i + k] === x));
    file.set(text("pit_"), pitm);
    expect(hasImageData(file, "avif")).toBe(false);
  });
});

describe("If-None-Match (RFC 9110 §13.1.2)", () => {
  const etag = strongEtag("abc");

  it("matches the same tag, weak or strong, anywhere in a list", () => {
    expect(noneMatch('"abc"', etag)).toBe(false);
    expect(noneMatch('W/"abc"', etag)).toBe(false);
    expect(noneMatch('"x", W/"y" ,"abc"', etag)).toBe(false);
  });

  it("matches * whatever the tag", () => {
    expect(noneMatch("*", etag)).toBe(false);
    expect(noneMatch(" * ", etag)).toBe(false);
  });

  it("does not match other tags, a tag containing the hash, or a malformed header", () => {
    expect(noneMatch(undefined, etag)).toBe(true);
    expect(noneMatch('"abcd"', etag)).toBe(true);
    expect(noneMatch("abc", etag)).toBe(true);
    expect(noneMatch('"x,abc"', etag)).toBe(true);
    expect(noneMatch('"abc', etag)).toBe(true);
  });
});

describe("If-Range (RFC 9110 §13.1.5)", () => {
  const etag = strongEtag("abc");
  it("holds only for the same strong tag", () => {
    expect(ifRangeHolds(undefined, etag)).toBe(true);
    expect(ifRangeHolds('"abc"', etag)).toBe(true);
    expect(ifRangeHolds('W/"abc"', etag)).toBe(false);
    expect(ifRangeHolds('"other"', etag)).toBe(false);
    expect(ifRangeHolds("Wed, 21 Oct 2015 07:28:00 GMT", etag)).toBe(false);
  });
});

describe("Range (RFC 9110 §14.1.2)", () => {
  it("reads first-last, open-ended and suffix ranges", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ kind: "partial", offset: 0, length: 10 });
    expect(parseRange("bytes=90-", 100)).toEqual({ kind: "partial", offset: 90, length: 10 });
    expect(parseRange("bytes=-5", 100)).toEqual({ kind: "partial", offset: 95, length: 5 });
    expect(parseRange("BYTES=10-10", 100)).toEqual({ kind: "partial", offset: 10, length: 1 });
  });

  it("clips a last position or suffix past the end", () => {
    expect(parseRange("bytes=50-1000", 100)).toEqual({ kind: "partial", offset: 50, length: 50 });
    expect(parseRange("bytes=-1000", 100)).toEqual({ kind: "partial", offset: 0, length: 100 });
  });

  it("is unsatisfiable when it starts at or past the end, or asks for no suffix", () => {
    expect(parseRange("bytes=100-", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=100-200", 100)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 100)).toEqual({ kind: "unsatisfiable" });
  });

  it("is ignored (the whole representation) when absent, malformed, multiple or in other units", () => {
    for (const header of [undefined, "bytes=5-1", "bytes=-", "bytes=a-b", "items=0-1", "bytes=0-1,5-6", "bytes 0-1"])
      expect(parseRange(header, 100)).toEqual({ kind: "full" });
  });

  it("formats Content-Range for a part and for a refusal", () => {
    expect(contentRange({ offset: 90, length: 10 }, 100)).toBe("bytes 90-99/100");
    expect(contentRange(null, 100)).toBe("bytes */100");
  });
});

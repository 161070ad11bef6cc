// The site's icon: /favicon.ico answers (browsers, feed readers and crawlers ask for it whatever the page
// says), an ICO of the mark at 16 and 32 pixels, cached like the stylesheet; every page links it and the SVG.
import { describe, expect, it } from "vitest";
import { FAVICON_ICO, ICON_URL } from "../src/render/icon.ts";
import { drawFavicon } from "../scripts/icon/favicon.ts";
import { articleUrl } from "../src/content/urls.ts";
import { get, select } from "./html.ts";
import { makeArticle, uniqueSlug } from "./fixtures.ts";

type IcoImage = { size: number; bits: number; pixel: (x: number, y: number) => { r: number; g: number; b: number; a: number } };

/** The images of an ICO as a browser reads them: the directory, then each BMP (bottom row first, BGRA). */
function readIco(bytes: Uint8Array): IcoImage[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([view.getUint16(0, true), view.getUint16(2, true)]).toEqual([0, 1]);
  return Array.from({ length: view.getUint16(4, true) }, (_, n) => {
    const entry = 6 + 16 * n;
    const size = bytes[entry] || 256;
    const offset = view.getUint32(entry + 12, true);
    expect(view.getUint32(offset, true)).toBe(40);
    expect([view.getInt32(offset + 4, true), view.getInt32(offset + 8, true)]).toEqual([size, size * 2]);
    return {
      size,
      bits: view.getUint16(offset + 14, true),
      pixel: (x, y) => {
        const at = offset + 40 + ((size - 1 - y) * size + x) * 4;
        return { b: bytes[at] as number, g: bytes[at + 1] as number, r: bytes[at + 2] as number, a: bytes[at + 3] as number };
      },
    };
  });
}

const BRAND = { r: 0xb4, g: 0x14, b: 0x1b, a: 255 };
const WHITE = { r: 255, g: 255, b: 255, a: 255 };

describe("/favicon.ico", () => {
  it("answers an ICO of the mark at 16 and 32 pixels: the brand red, the white mountains, rounded corners", async () => {
    const res = await get("/favicon.ico");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/vnd.microsoft.icon");
    const images = readIco(new Uint8Array(await res.arrayBuffer()));
    expect(images.map((i) => [i.size, i.bits])).toEqual([[16, 32], [32, 32]]);
    const big = images[1] as IcoImage;
    expect(big.pixel(0, 0).a).toBe(0);
    expect(big.pixel(4, 4)).toEqual(BRAND);
    // Inside the higher peak (x 304–320, y 240–256 of 512).
    expect(big.pixel(19, 15)).toEqual(WHITE);
    const small = images[0] as IcoImage;
    expect(small.pixel(2, 2)).toEqual(BRAND);
    expect(small.pixel(9, 8)).toEqual(WHITE);
  });

  it("is cached like the stylesheet, for a day since its URL cannot name its hash, and answers 304 to its ETag", async () => {
    const res = await get("/favicon.ico");
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=86400, stale-while-revalidate=86400, stale-if-error=604800");
    expect(res.headers.get("Cache-Tag")).toBe("site");
    const etag = res.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{8}"$/);
    const again = await get("/favicon.ico", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("Cache-Control")).toBe(res.headers.get("Cache-Control"));
  });

  it("holds exactly what the mark draws today (after changing the mark: npm run icon)", () => {
    expect(FAVICON_ICO).toEqual(drawFavicon());
  });
});

describe("the icon links", () => {
  it("are in the head of every page, the 404 page too: the ICO and the SVG at its hashed URL", async () => {
    const section = uniqueSlug("ic");
    const article = await makeArticle({ section });
    for (const path of ["/", articleUrl(section, article.id), `/${uniqueSlug("nowhere")}.txt`]) {
      const res = await get(path);
      const icons = await select(await res.text(), 'head link[rel="icon"]');
      expect(icons.map((l) => l.attrs), path).toEqual([
        { rel: "icon", href: "/favicon.ico", sizes: "32x32" },
        { rel: "icon", href: ICON_URL, type: "image/svg+xml" },
      ]);
    }
  });

  it("lead to an SVG in the site's colours, kept a year", async () => {
    const res = await get(ICON_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/svg+xml");
    expect(res.headers.get("Cache-Control")).toContain("immutable");
    const svg = await res.text();
    expect(svg).toContain('fill="#b4141b"');
    expect(svg).toContain('fill="#ffffff"');
  });
});

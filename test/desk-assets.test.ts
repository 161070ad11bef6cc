// The desk's scripts as Workers Static Assets serves them (this pool binds wrangler.toml's [assets] as ASSETS,
// with dist/client/_headers applied): every page's files exist, are cached for a year, and stay within the
// page's JavaScript budget gzipped. The stylesheet comes from the Worker, content-hashed like the site's.
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { budgetOf } from "../client/budgets.ts";
import { DESK_SCRIPTS, MANIFEST } from "../src/desk/scripts.ts";
import { DESK_STYLESHEET_URL } from "../src/render/desk-stylesheet.ts";
import { get } from "./html.ts";

const asset = (path: string) => env.ASSETS.fetch(`http://localhost${path}`);

/** Bytes of `body` gzipped (zlib's default level, as the build script measures). */
async function gzippedBytes(body: ArrayBuffer): Promise<number> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

describe("the desk's scripts", () => {
  it("are exactly the screens the server names, one entry per client/pages module", () => {
    expect(Object.keys(MANIFEST.scripts).sort()).toEqual([...DESK_SCRIPTS].sort());
  });

  it("are served from their hashed names, cached for a year, as JavaScript that is never sniffed", async () => {
    for (const entry of Object.values(MANIFEST.scripts)) {
      for (const path of [entry.src, ...entry.preload]) {
        expect(path).toMatch(/^\/desk\/assets\/[\w-]+\.[A-Z0-9]{8}\.js$/);
        const res = await asset(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get("Content-Type")).toMatch(/^text\/javascript/);
        expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
        expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
        await res.arrayBuffer();
      }
    }
  });

  it("answer 404 for a name no build made", async () => {
    const res = await asset("/desk/assets/login.AAAAAAAA.js");
    expect(res.status).toBe(404);
    await res.arrayBuffer();
  });

  it("keep every page within its budget of gzipped JavaScript (30 KiB but where client/budgets.ts allows more)", async () => {
    for (const [page, entry] of Object.entries(MANIFEST.scripts)) {
      let total = 0;
      for (const path of [entry.src, ...entry.preload]) total += await gzippedBytes(await (await asset(path)).arrayBuffer());
      expect(total, page).toBeLessThanOrEqual(budgetOf(page));
      // The build's own measurement, which it prints, is of the same bytes.
      expect(Math.abs(total - entry.gzip_bytes), page).toBeLessThan(total / 20);
    }
  });
});

describe("the desk's stylesheet", () => {
  it("is served at its content-hashed URL, cached for a year", async () => {
    const res = await get(DESK_STYLESHEET_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toContain("immutable");
    // The site's tokens: one typography for the newsroom and the readers.
    expect(await res.text()).toContain("--brand: #b4141b;");
  });
});

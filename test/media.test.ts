// Images end to end: uploads through the admin API, and serving at /media, as real requests to the Worker.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getMedia, getMediaByKeys, insertMedia } from "../src/db/media.ts";
import { contentKey } from "../src/media/key.ts";
import { MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from "../src/media/size.ts";
import type { ImageExt } from "../src/media/sniff.ts";
import { MAX_IMAGE_BYTES, uploadImage } from "../src/publish/upload.ts";
import type { MediaJson } from "../src/render/media-json.ts";
import * as images from "./fixtures/images.ts";
import type { ErrorJson } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";

const BASE = "http://localhost";
const IMAGES = `${BASE}/api/v1/admin/images`;


/** A fixture made unique with random bytes after its end (every format ignores them), so no test sees another's upload. */
function unique(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 16);
  out.set(bytes);
  out.set(crypto.getRandomValues(new Uint8Array(16)), bytes.length);
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

async function editor() {
  return (await makeKey("editor")).headers;
}

function postRaw(headers: Record<string, string>, body: BodyInit | null, contentType = "image/jpeg", query = "") {
  return exports.default.fetch(`${IMAGES}${query}`, { method: "POST", headers: { ...headers, "Content-Type": contentType }, body });
}

function postForm(headers: Record<string, string>, form: FormData, query = "") {
  return exports.default.fetch(`${IMAGES}${query}`, { method: "POST", headers, body: form });
}

/** A body sent without Content-Length: `chunks` chunks of 1 MiB, counted as they are pulled. */
function streamOf(chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled += 1;
      controller.enqueue(new Uint8Array(1024 * 1024));
    },
  });
  return { stream, pulled: () => pulled };
}

async function storedObject(bytes: Uint8Array, ext: "png" | "jpg" = "png") {
  const key = await contentKey(bytes, ext);
  await env.MEDIA.put(key, bytes, { httpMetadata: { contentType: ext === "png" ? "image/png" : "image/jpeg" } });
  return { key, hash: key.slice(0, 64) };
}

describe("uploading an image", () => {
  it.each(images.KNOWN)("stores %s under its hash with its width and height", async (_, make, ext, type, width, height) => {
    const headers = await editor();
    const bytes = unique(make());
    // The header is deliberately wrong: the type comes from the bytes.
    const res = await postRaw(headers, bytes, "application/octet-stream");
    expect(res.status).toBe(201);
    const body = await res.json<MediaJson>();
    const key = await contentKey(bytes, ext);
    expect(body).toEqual({
      key,
      url: `/media/${key}`,
      content_type: type,
      bytes: bytes.length,
      width,
      height,
      alt: "",
      caption: "",
      credit: "",
    });
    expect(res.headers.get("Location")).toBe(`/api/v1/admin/images/${key}`);
    const object = await env.MEDIA.get(key);
    expect(object?.httpMetadata?.contentType).toBe(type);
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(bytes);
    expect(await getMedia(env.DB, key)).toMatchObject({ key, contentType: type, width, height, bytes: bytes.length });
  });

  it("takes alt, caption and credit from the query string with a raw body", async () => {
    const headers = await editor();
    const res = await postRaw(headers, unique(images.png()), "image/png", "?alt=%E5%9B%BE&caption=A+caption&credit=%E8%AE%B0%E8%80%85");
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ alt: "图", caption: "A caption", credit: "记者" });
  });

  it("takes the file and its fields from multipart/form-data", async () => {
    const headers = await editor();
    const bytes = unique(images.webpExtended());
    const form = new FormData();
    form.append("file", new File([bytes], "photo.bin", { type: "text/plain" }));
    form.append("alt", "  雪山下的牧民  ");
    form.append("caption", "青岚湖，2023年6月");
    form.append("credit", "摄影：扎西");
    const res = await postForm(headers, form);
    expect(res.status).toBe(201);
    const body = await res.json<MediaJson>();
    expect(body).toMatchObject({
      key: await contentKey(bytes, "webp"),
      content_type: "image/webp",
      width: 11,
      height: 5,
      alt: "雪山下的牧民",
      caption: "青岚湖，2023年6月",
      credit: "摄影：扎西",
    });
  });

  it("records the upload in the audit log under the key's name", async () => {
    const { headers, key: apiKey } = await makeKey("editor");
    const bytes = unique(images.gif());
    const res = await postRaw(headers, bytes, "image/gif");
    const { key } = await res.json<MediaJson>();
    const entry = await env.DB.prepare(
      "SELECT key_id, key_name, action, article_id, detail FROM audit_log WHERE action = 'image.upload' AND key_name = ?",
    )
      .bind(apiKey.name)
      .first<{ key_id: number; key_name: string; action: string; article_id: number | null; detail: string }>();
    expect(entry).toMatchObject({ key_id: apiKey.id, action: "image.upload", article_id: null });
    expect(JSON.parse(entry!.detail)).toMatchObject({ key, content_type: "image/gif", bytes: bytes.length, width: 5, height: 3 });
  });

  it("stores the same bytes once: 201 the first time, 200 with the first upload's metadata after", async () => {
    const headers = await editor();
    const bytes = unique(images.png());
    const first = await postRaw(headers, bytes, "image/png", "?caption=First");
    expect(first.status).toBe(201);
    const again = await postRaw(headers, bytes, "image/png", "?caption=Second&alt=Filled+in");
    expect(again.status).toBe(200);
    expect(again.headers.get("Location")).toBeNull();
    const body = await again.json<MediaJson>();
    // The caption an article may already rely on stays; the empty alt is filled in.
    expect(body).toMatchObject({ key: (await first.json<MediaJson>()).key, caption: "First", alt: "Filled in" });
    const listed = await env.MEDIA.list({ prefix: body.key.slice(0, 64) });
    expect(listed.objects.map((o) => o.key)).toEqual([body.key]);
  });

  it("refuses a script named .jpg sent as image/jpeg with 415", async () => {
    const headers = await editor();
    const script = text("<script>alert(document.cookie)</script>");
    const raw = await postRaw(headers, script, "image/jpeg", "?alt=photo.jpg");
    expect(raw.status).toBe(415);
    expect((await raw.json<ErrorJson>()).error.code).toBe("unsupported_media_type");
    const form = new FormData();
    form.append("file", new File([script], "photo.jpg", { type: "image/jpeg" }));
    const multipart = await postForm(headers, form);
    expect(multipart.status).toBe(415);
    expect((await multipart.json<ErrorJson>()).error.code).toBe("unsupported_media_type");
  });

  it.each([
    ["HTML", "text/html", "<!doctype html><title>x</title><script>alert(1)</script>"],
    ["SVG", "image/svg+xml", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ["SVG sent as image/png", "image/png", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ["JSON", "application/json", '{"not":"an image"}'],
  ])("refuses %s with 415", async (_, contentType, body) => {
    const res = await postRaw(await editor(), text(body), contentType);
    expect(res.status).toBe(415);
    expect((await res.json<ErrorJson>()).error.code).toBe("unsupported_media_type");
  });

  it("refuses with 422 a file that starts like a PNG but is cut off before its size", async () => {
    const res = await postRaw(await editor(), images.png().subarray(0, 20), "image/png");
    expect(res.status).toBe(422);
    expect((await res.json<ErrorJson>()).error.code).toBe("invalid_image");
  });

  it("refuses an empty body with 400", async () => {
    const res = await postRaw(await editor(), new Uint8Array(0), "image/png");
    expect(res.status).toBe(400);
    expect((await res.json<ErrorJson>()).error.code).toBe("empty_body");
  });

  it("refuses a body over 10 MiB by its Content-Length with 413", async () => {
    const body = new Uint8Array(MAX_IMAGE_BYTES + 1);
    body.set(images.png());
    const res = await postRaw(await editor(), body, "image/png");
    expect(res.status).toBe(413);
    const { error } = await res.json<ErrorJson & { error: { max_bytes: number } }>();
    expect(error).toMatchObject({ code: "payload_too_large", max_bytes: MAX_IMAGE_BYTES });
  });

  it("accepts an image of exactly 10 MiB", async () => {
    const body = new Uint8Array(MAX_IMAGE_BYTES);
    body.set(images.png());
    body.set(crypto.getRandomValues(new Uint8Array(16)), 100);
    const res = await postRaw(await editor(), body, "image/png");
    expect(res.status).toBe(201);
    expect((await res.json<MediaJson>()).bytes).toBe(MAX_IMAGE_BYTES);
  });

  it("refuses a body without Content-Length with 413 once it passes 10 MiB, without reading the rest", async () => {
    const { stream, pulled } = streamOf(64);
    const res = await postRaw(await editor(), stream, "image/png");
    expect(res.status).toBe(413);
    expect((await res.json<ErrorJson>()).error.code).toBe("payload_too_large");
    expect(pulled()).toBeLessThan(64);
  });

  it("refuses a multipart file over 10 MiB with 413", async () => {
    const file = new Uint8Array(MAX_IMAGE_BYTES + 1);
    file.set(images.png());
    const form = new FormData();
    form.append("file", new File([file], "big.png"));
    const res = await postForm(await editor(), form);
    expect(res.status).toBe(413);
  });

  it("lists every problem with a multipart upload by field", async () => {
    const form = new FormData();
    form.append("alt", "x".repeat(1001));
    form.append("caption", "one");
    form.append("caption", "two");
    form.append("title", "not a field");
    const res = await postForm(await editor(), form, "?alt=query");
    expect(res.status).toBe(400);
    const { error } = await res.json<ErrorJson>();
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path).sort()).toEqual(["alt", "caption", "file", "query.alt", "title"]);
  });

  it("refuses prototype names as unknown fields, as the JSON API does, in a form or the query string", async () => {
    const form = new FormData();
    form.append("file", new File([unique(images.png())], "a.png"));
    form.append("alt", "图");
    for (const name of ["__proto__", "constructor", "prototype"]) form.append(name, "x");
    const res = await postForm(await editor(), form);
    expect(res.status).toBe(400);
    const { error } = await res.json<ErrorJson>();
    expect(error.details?.sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: "__proto__", message: "unknown field" },
      { path: "constructor", message: "unknown field" },
      { path: "prototype", message: "unknown field" },
    ]);
    const raw = await postRaw(await editor(), unique(images.png()), "image/png", "?__proto__=x&constructor=y");
    expect(raw.status).toBe(400);
    expect((await raw.json<ErrorJson>()).error.details?.map((d) => d.path).sort()).toEqual(["__proto__", "constructor"]);
  });

  it("refuses unknown query parameters and overlong text with a raw body", async () => {
    const res = await postRaw(await editor(), unique(images.png()), "image/png", `?credit=${"c".repeat(201)}&width=10`);
    expect(res.status).toBe(400);
    const { error } = await res.json<ErrorJson>();
    expect(error.details?.map((d) => d.path).sort()).toEqual(["credit", "width"]);
  });

  it("refuses metadata that arrived as invalid UTF-8, and lists every unknown field", async () => {
    const bad = await postRaw(await editor(), unique(images.png()), "image/png", "?alt=%FF%FEA");
    expect(bad.status).toBe(400);
    expect((await bad.json<ErrorJson>()).error.details).toContainEqual({ path: "alt", message: "must be valid UTF-8 text", rule: "refused_characters" });
    const unknown = await postRaw(await editor(), unique(images.png()), "image/png", "?x=1&y=2");
    expect((await unknown.json<ErrorJson>()).error.details?.map((d) => d.path).sort()).toEqual(["x", "y"]);
  });

  it("refuses control characters in alt text, which would break the pages that show it", async () => {
    const res = await postRaw(await editor(), unique(images.png()), "image/png", "?alt=a%00b%1Bc&caption=%E2%80%AE");
    expect(res.status).toBe(400);
    const { error } = await res.json<ErrorJson>();
    expect(error.details?.map((d) => d.path).sort()).toEqual(["alt", "caption"]);
  });

  it("takes a reporter's picture (an author's key) and refuses no key with 401", async () => {
    const { headers } = await makeKey("author");
    expect((await postRaw(headers, unique(images.png()), "image/png")).status).toBe(201);
    expect((await postRaw({}, unique(images.png()), "image/png")).status).toBe(401);
  });

  it("leaves no row when the R2 write fails", async () => {
    // The one place a binding is wrapped: a real local R2 cannot be made to fail a put on demand.
    const failing: R2Bucket = Object.assign(Object.create(env.MEDIA) as R2Bucket, {
      head: (key: string) => env.MEDIA.head(key),
      put: () => Promise.reject(new Error("R2 is down")),
    });
    const bytes = unique(images.png());
    const key = await contentKey(bytes, "png");
    const upload = uploadImage(failing, env.DB, {
      bytes,
      metadata: { alt: "", caption: "", credit: "" },
      actor: { id: null, name: "test" },
    });
    await expect(upload).rejects.toThrow("R2 is down");
    expect(await getMedia(env.DB, key)).toBeNull();
    expect(await env.MEDIA.head(key)).toBeNull();
  });
});

/** Posts bytes that must be refused; checks the answer, and that nothing of them was kept: no object, no row, no audit entry. */
async function expectRefused(bytes: Uint8Array, ext: ImageExt, code: string) {
  const res = await postRaw(await editor(), bytes, "application/octet-stream");
  expect(res.status).toBe(422);
  const { error } = await res.json<ErrorJson>();
  expect(error.code).toBe(code);
  const key = await contentKey(bytes, ext);
  expect(await env.MEDIA.head(key)).toBeNull();
  expect(await getMedia(env.DB, key)).toBeNull();
  const audited = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE json_extract(detail, '$.key') = ?")
    .bind(key)
    .first<{ n: number }>();
  expect(audited?.n).toBe(0);
  return error;
}

describe("refusing an image over the pixel cap", () => {
  it.each([
    ["65535×65535", 65535, 65535],
    ["2^31−1 × 2^31−1", 0x7fffffff, 0x7fffffff],
    ["16384×16384 (268 megapixels)", 16384, 16384],
    ["16385×1", 16385, 1],
    ["1×16385", 1, 16385],
    ["10000×5001 (just over 50 megapixels)", 10000, 5001],
  ])("refuses a PNG of %s with 422 and stores nothing", async (_, width, height) => {
    const error = await expectRefused(unique(images.pngOf(width, height)), "png", "image_too_large");
    expect(error.message).toContain(`${width}×${height}`);
    expect(error.message).toContain(String(MAX_IMAGE_SIDE));
    expect(error.message).toContain(String(MAX_IMAGE_PIXELS));
  });

  it("refuses a GIF whose frame is larger than its logical screen, measuring what browsers show", async () => {
    const error = await expectRefused(images.gifWithFrame([1, 1], [20000, 20000]), "gif", "image_too_large");
    expect(error.message).toContain("20000×20000");
    const res = await postRaw(await editor(), images.gifWithFrame([1, 1], [40, 30]), "image/gif");
    expect(await res.json()).toMatchObject({ width: 40, height: 30 });
  });

  it("refuses a header that claims 65535×65535 even when it holds no image data", async () => {
    await expectRefused(images.pngHeader(65535, 65535), "png", "image_too_large");
  });

  it.each([
    ["16384×3000 (49 megapixels)", 16384, 3000],
    ["10000×5000 (exactly 50 megapixels)", 10000, 5000],
    ["16384×1", 16384, 1],
  ])("accepts a PNG of %s", async (_, width, height) => {
    const res = await postRaw(await editor(), unique(images.pngOf(width, height)), "image/png");
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ width, height });
  });
});

describe("refusing a file that holds no image data", () => {
  const jpeg = images.jpeg();
  const sos = jpeg.findIndex((x, i) => x === 0xff && jpeg[i + 1] === 0xda);
  const avif = images.avif();
  const mdat = avif.length - 51; // the last box: 51 bytes of mdat

  it.each([
    ["a 33-byte PNG: signature and IHDR only", images.pngHeader(10, 10), "png"],
    ["a PNG with IHDR then IEND", images.pngOf(10, 10, [images.pngChunk("IEND")]), "png"],
    ["a PNG whose IDAT is cut off", images.png().subarray(0, 60), "png"],
    ["a PNG whose only IDAT comes after IEND", images.pngOf(1, 1, [images.pngChunk("IEND"), images.pngChunk("IDAT", images.ONE_PIXEL_IDAT)]), "png"],
    ["a JPEG with a frame header but no scan", Uint8Array.of(...jpeg.subarray(0, sos), 0xff, 0xd9), "jpg"],
    // header, screen descriptor, global colour table and a graphic control extension, then the trailer
    ["a GIF with no image descriptor", Uint8Array.of(...images.gif().subarray(0, 27), 0x3b), "gif"],
    ["an extended WebP (VP8X) with alpha but no image chunk", images.webpOf(images.webpExtended().subarray(12, 48)), "webp"],
    ["an AVIF cut off before its mdat", avif.subarray(0, mdat), "avif"],
  ] as const)("refuses %s with 422 invalid_image and stores nothing", async (_, bytes, ext) => {
    const error = await expectRefused(bytes, ext, "invalid_image");
    expect(error.message).toContain("holds no image data");
  });
});

describe("listing and reading uploads", () => {
  it("lists uploads newest first, a page at a time, without repeats", async () => {
    const headers = await editor();
    const made: string[] = [];
    for (const [i, make] of [images.png, images.gif, images.jpeg].entries()) {
      const bytes = unique(make());
      const ext = i === 0 ? "png" : i === 1 ? "gif" : "jpg";
      // Far in the future, so these are the newest rows whatever other tests stored.
      const media = await insertMedia(
        env.DB,
        {
          key: await contentKey(bytes, ext),
          contentType: "image/png",
          bytes: bytes.length,
          width: 1,
          height: 1,
          alt: "",
          caption: "",
          credit: "",
          createdAt: 4_000_000_000_000 + i,
          createdBy: null,
        },
        { actor: { id: null, name: "test" }, action: "image.upload" },
      );
      made.unshift(media.media.key);
    }
    const first = await exports.default.fetch(`${IMAGES}?limit=2`, { headers });
    expect(first.status).toBe(200);
    const page1 = await first.json<{ items: MediaJson[]; next_cursor: string | null }>();
    expect(page1.items.map((m) => m.key)).toEqual(made.slice(0, 2));
    const second = await exports.default.fetch(`${IMAGES}?limit=2&cursor=${page1.next_cursor}`, { headers });
    const page2 = await second.json<{ items: MediaJson[] }>();
    expect(page2.items[0]?.key).toBe(made[2]);
    expect(page2.items.map((m) => m.key)).not.toContain(made[0]);
  });

  it("finds images by alt text or caption, newest first, a page at a time, taking % and _ literally", async () => {
    const headers = await editor();
    const word = `图库${crypto.randomUUID().slice(0, 8)}`;
    const up = (alt: string, caption: string) =>
      postRaw(headers, unique(images.png()), "image/png", `?alt=${encodeURIComponent(alt)}&caption=${encodeURIComponent(caption)}`).then((r) =>
        r.json<MediaJson>(),
      );
    const byAlt = await up(`江边的${word}`, "");
    const byCaption = await up("一座桥", `摄于${word}_100%`);
    await up("与此无关", "也无关");
    const list = async (query: string) => {
      const res = await exports.default.fetch(`${IMAGES}?${query}`, { headers });
      expect(res.status).toBe(200);
      return res.json<{ items: MediaJson[]; next_cursor: string | null }>();
    };
    const all = await list(`q=${encodeURIComponent(` ${word} `)}`);
    expect(new Set(all.items.map((m) => m.key))).toEqual(new Set([byAlt.key, byCaption.key]));
    const first = await list(`q=${encodeURIComponent(word)}&limit=1`);
    expect(first.items).toHaveLength(1);
    const second = await list(`q=${encodeURIComponent(word)}&limit=1&cursor=${first.next_cursor}`);
    expect([...first.items, ...second.items].map((m) => m.key).sort()).toEqual([byAlt.key, byCaption.key].sort());
    expect((await list(`q=${encodeURIComponent(`${word}_100%`)}`)).items.map((m) => m.key)).toEqual([byCaption.key]);
    expect((await list(`q=${encodeURIComponent(`${word}%`)}`)).items).toEqual([]);
    const tooLong = await exports.default.fetch(`${IMAGES}?q=${"字".repeat(101)}`, { headers });
    expect(tooLong.status).toBe(400);
  });

  it("refuses a limit over 100, a bad cursor and unknown parameters", async () => {
    const headers = await editor();
    const res = await exports.default.fetch(`${IMAGES}?limit=101&cursor=abc&sort=asc`, { headers });
    expect(res.status).toBe(400);
    expect((await res.json<ErrorJson>()).error.details?.map((d) => d.path).sort()).toEqual(["cursor", "limit", "sort"]);
  });

  it("answers one image's metadata, and 404 for an unknown key", async () => {
    const headers = await editor();
    const created = await (await postRaw(headers, unique(images.png()), "image/png", "?alt=A")).json<MediaJson>();
    const res = await exports.default.fetch(`${IMAGES}/${created.key}`, { headers });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);
    const missing = await exports.default.fetch(`${IMAGES}/${"0".repeat(64)}.png`, { headers });
    expect(missing.status).toBe(404);
  });

  it("refuses a query string on one image's metadata, which takes none", async () => {
    const headers = await editor();
    const created = await (await postRaw(headers, unique(images.png()), "image/png")).json<MediaJson>();
    const res = await exports.default.fetch(`${IMAGES}/${created.key}?cursor=`, { headers });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorJson).error.details).toEqual([{ path: "cursor", message: "is not a parameter here", rule: "never" }]);
  });

  it("is any signed-in role's (a reporter picks from the library too), and no one's without a key", async () => {
    const { headers } = await makeKey("author");
    expect((await exports.default.fetch(IMAGES, { headers })).status).toBe(200);
    expect((await exports.default.fetch(IMAGES)).status).toBe(401);
  });
});

describe("getMediaByKeys, for the Markdown renderer", () => {
  it("answers the rows it has by key, whatever the count, and leaves out keys it does not have", async () => {
    const stored = [];
    for (let i = 0; i < 3; i++) {
      const bytes = unique(images.png());
      const key = await contentKey(bytes, "png");
      await insertMedia(
        env.DB,
        { key, contentType: "image/png", bytes: bytes.length, width: 6, height: 4, alt: `alt ${i}`, caption: "", credit: "", createdBy: null },
        { actor: { id: null, name: "test" }, action: "image.upload" },
      );
      stored.push(key);
    }
    const missing = Array.from({ length: 150 }, (_, i) => `${i.toString(16).padStart(64, "0")}.png`);
    const found = await getMediaByKeys(env.DB, [...missing, ...stored, stored[0]!]);
    expect([...found.keys()].sort()).toEqual([...stored].sort());
    expect(found.get(stored[1]!)).toMatchObject({ width: 6, height: 4, alt: "alt 1" });
    expect((await getMediaByKeys(env.DB, [])).size).toBe(0);
  });
});

describe("serving /media/<key>", () => {
  it("answers the bytes with their type, a strong ETag and a year of immutable caching", async () => {
    const bytes = unique(images.png());
    const { key, hash } = await storedObject(bytes);
    const res = await exports.default.fetch(`${BASE}/media/${key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, stale-if-error=31536000, immutable");
    expect(res.headers.get("Accept-Ranges")).toBe("bytes");
    expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(res.headers.get("Content-Length")).toBe(String(bytes.length));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it("answers HEAD with the headers and no body", async () => {
    const bytes = unique(images.jpeg());
    const { key, hash } = await storedObject(bytes, "jpg");
    const res = await exports.default.fetch(`${BASE}/media/${key}`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    expect(res.headers.get("Content-Length")).toBe(String(bytes.length));
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    expect(await res.text()).toBe("");
  });

  it.each([
    ["its own tag", (h: string) => `"${h}"`],
    ["its tag marked weak", (h: string) => `W/"${h}"`],
    ["a list holding its tag", (h: string) => `"other", "${h}"`],
    ["*", () => "*"],
  ])("answers 304 to If-None-Match with %s", async (_, inm) => {
    const { key, hash } = await storedObject(unique(images.png()));
    const res = await exports.default.fetch(`${BASE}/media/${key}`, { headers: { "If-None-Match": inm(hash) } });
    expect(res.status).toBe(304);
    expect(res.headers.get("ETag")).toBe(`"${hash}"`);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=31536000, stale-if-error=31536000, immutable");
    expect(await res.text()).toBe("");
  });

  it("answers 200 to If-None-Match with another tag, and 404 to * for an unknown key", async () => {
    const { key } = await storedObject(unique(images.png()));
    expect((await exports.default.fetch(`${BASE}/media/${key}`, { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
    const unknown = `${"f".repeat(64)}.png`;
    expect((await exports.default.fetch(`${BASE}/media/${unknown}`, { headers: { "If-None-Match": "*" } })).status).toBe(404);
  });

  it.each([
    ["bytes=0-3", 0, 4],
    ["bytes=10-", 10, null],
    ["bytes=-5", null, 5],
  ])("answers %s with 206 and the slice", async (range, from, count) => {
    const bytes = unique(images.png());
    const { key } = await storedObject(bytes);
    const start = from ?? bytes.length - (count ?? 0);
    const end = count === null ? bytes.length : start + count;
    const res = await exports.default.fetch(`${BASE}/media/${key}`, { headers: { Range: range } });
    expect(res.status).toBe(206);
    expect(res.headers.get("Content-Range")).toBe(`bytes ${start}-${end - 1}/${bytes.length}`);
    expect(res.headers.get("Content-Length")).toBe(String(end - start));
    expect(res.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes.slice(start, end));
  });

  it("answers 416 with the size to a range past the end", async () => {
    const bytes = unique(images.png());
    const { key } = await storedObject(bytes);
    const res = await exports.default.fetch(`${BASE}/media/${key}`, { headers: { Range: `bytes=${bytes.length}-` } });
    expect(res.status).toBe(416);
    expect(res.headers.get("Content-Range")).toBe(`bytes */${bytes.length}`);
  });

  it("answers the whole image to several ranges, or an If-Range that no longer holds", async () => {
    const bytes = unique(images.png());
    const { key, hash } = await storedObject(bytes);
    const several = await exports.default.fetch(`${BASE}/media/${key}`, { headers: { Range: "bytes=0-1,4-5" } });
    expect(several.status).toBe(200);
    expect(new Uint8Array(await several.arrayBuffer())).toEqual(bytes);
    const stale = await exports.default.fetch(`${BASE}/media/${key}`, { headers: { Range: "bytes=0-1", "If-Range": '"old"' } });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
    const current = await exports.default.fetch(`${BASE}/media/${key}`, { headers: { Range: "bytes=0-1", "If-Range": `"${hash}"` } });
    expect(current.status).toBe(206);
    await current.arrayBuffer();
  });

  it("answers 404 to a well-formed key with no object", async () => {
    expect((await exports.default.fetch(`${BASE}/media/${"a".repeat(64)}.webp`)).status).toBe(404);
  });

  it("reaches nothing but content-hash keys", async () => {
    const { key, hash } = await storedObject(unique(images.png()));
    await env.MEDIA.put("secret", "not for readers");
    await env.MEDIA.put("../secret", "not for readers");
    for (const path of [
      "/media/..%2Fsecret",
      "/media/%2e%2e/x",
      "/media/%2e%2e%2fsecret",
      "/media/secret",
      `/media/${hash.toUpperCase()}.png`,
      `/media/${hash}.PNG`,
      `/media/${hash}.svg`,
      `/media/${hash}`,
      `/media/${key}/x`,
      `/media/${key}%00`,
      `/media/${key}.png`,
    ]) {
      const res = await exports.default.fetch(`${BASE}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain("not for readers");
    }
  });
});

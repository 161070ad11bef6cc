// What 写稿 says when a picture is refused (src/desk/error-words.ts): Chinese words from the error's code and
// the numbers it carries, never the API's English, for every reason a fetch can fail.
import { describe, expect, it } from "vitest";
import { imageRefusalWords } from "../src/desk/error-words.ts";
import { MAX_IMAGE_BYTES } from "../src/publish/upload.ts";
import { MAX_IMAGE_SIDE } from "../src/media/size.ts";

const REASONS = ["bad_url", "refused_host", "unreachable", "timeout", "status", "too_many_redirects", "too_large", "not_an_image", "invalid_image", "empty"];

describe("the words for a refused picture", () => {
  it("names the caps the server sent", () => {
    expect(imageRefusalWords("payload_too_large", { max_bytes: MAX_IMAGE_BYTES })).toBe("图片太大了：不能超过 10 MB");
    expect(imageRefusalWords("image_too_large", { max_side: MAX_IMAGE_SIDE, max_pixels: 50_000_000 })).toBe(`图片的像素太多了：每边不能超过 ${MAX_IMAGE_SIDE} 像素`);
    expect(imageRefusalWords("fetch_failed", { reason: "status", upstream_status: 404 })).toBe("图片所在的网站回答 404，没有给出图片");
  });

  it("has its own words for every reason a fetch fails, none of them English", () => {
    const words = REASONS.map((reason) => imageRefusalWords("fetch_failed", { reason }));
    expect(new Set(words).size).toBe(REASONS.length);
    for (const w of words) expect(w).toMatch(/^[^A-Za-z]*$/);
    expect(words).not.toContain("没能从那个网站取到图片");
  });

  it("leaves a refusal that is not about the picture to the general words", () => {
    expect(imageRefusalWords("forbidden", {})).toBeNull();
  });
});

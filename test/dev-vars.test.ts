// Previews locally, out of the box: `npm run dev` adds a PREVIEW_SECRET to .dev.vars when it has none, never
// touching a line the person wrote; without a secret, the 503 says how to set one, locally and in production.
import { describe, expect, it } from "vitest";
import { withPreviewSecret } from "../scripts/dev-vars/preview-secret.ts";
import { makeArticle, uniqueSlug } from "./fixtures.ts";
import { makeKey } from "./keys-fixture.ts";
import { settledFetch } from "./settle.ts";

const SECRET = "s3cr3t-made-at-random_for-this-machine-only0";

/** What wrangler's dotenv parser would read from the file: name → value, comments and blanks skipped. */
const parse = (text: string) =>
  Object.fromEntries(
    text
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.trimStart().startsWith("#"))
      .map((line) => line.replace(/^\s*export\s+/, "").split(/=(.*)/s).map((part) => part.trim())),
  );

describe("the PREVIEW_SECRET npm run dev writes", () => {
  it("makes the file, with a comment saying it is local only, when there is none", () => {
    const text = withPreviewSecret(null, SECRET) ?? "";
    expect(parse(text)).toEqual({ PREVIEW_SECRET: SECRET });
    expect(text).toContain("wrangler deploy never uploads it");
    expect(text).toContain("wrangler secret put PREVIEW_SECRET");
    expect(withPreviewSecret("", SECRET)).toBe(text);
  });

  it("is added below the lines already there, which stay as they were", () => {
    for (const mine of ["CF_API_TOKEN=abc", "CF_API_TOKEN=abc\n", "# notes\nCF_API_TOKEN=abc\n\n", "#PREVIEW_SECRET=old\nMY_PREVIEW_SECRET=x"]) {
      const text = withPreviewSecret(mine, SECRET) ?? "";
      expect(text.startsWith(mine), mine).toBe(true);
      expect(parse(text).PREVIEW_SECRET, mine).toBe(SECRET);
      expect(parse(text), mine).toMatchObject(parse(mine));
    }
  });

  it("is never written over a PREVIEW_SECRET the person set, whatever its value, empty included", () => {
    for (const mine of ["PREVIEW_SECRET=mine", "export PREVIEW_SECRET=mine\n", "A=1\n  PREVIEW_SECRET = mine\n", "PREVIEW_SECRET=\n"]) {
      expect(withPreviewSecret(mine, SECRET), mine).toBeNull();
    }
  });
});

describe("previews without a secret", () => {
  it("answer 503 saying how to set one locally and in production", async () => {
    const editor = await makeKey("editor");
    const draft = await makeArticle({ section: uniqueSlug("pv"), status: "draft" });
    const res = await settledFetch(`http://localhost/api/v1/admin/articles/${draft.id}/preview`, { method: "POST", headers: editor.headers });
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("previews_disabled");
    expect(error.message).toContain("npm run dev");
    expect(error.message).toContain(".dev.vars");
    expect(error.message).toContain("npx wrangler secret put PREVIEW_SECRET");
    const link = await settledFetch(`http://localhost/preview/${draft.id}?v=1&exp=9999999999&sig=${"a".repeat(43)}`);
    expect(link.status).toBe(503);
    expect(await link.text()).toContain("npx wrangler secret put PREVIEW_SECRET");
  });
});

// What an editor says about an image: alt text, caption and credit, bounded and trimmed.
import * as v from "valibot";
import type { ErrorDetail } from "../domain/errors.ts";
import { closed } from "../content/schemas.ts";
import { issueDetails, line } from "../content/text-rules.ts";

export const ALT_MAX = 1000;
export const CAPTION_MAX = 2000;
const CREDIT_MAX = 200;

// One line each, like an article's title: control characters would break the page they appear on. Query
// strings and form fields are decoded leniently (invalid UTF-8 becomes U+FFFD), so that is refused here as a
// JSON body's invalid UTF-8 is.
const text = (max: number) => v.optional(line(max, { chars: String.raw`\ufffd`, message: "must be valid UTF-8 text" }), "");

export const ImageMetadata = closed({ alt: text(ALT_MAX), caption: text(CAPTION_MAX), credit: text(CREDIT_MAX) });
export type ImageMetadata = v.InferOutput<typeof ImageMetadata>;

/** POST /api/v1/admin/images/fetch: a picture elsewhere (a pasted page's), and what the editor says about it. */
export const FetchRequest = closed({
  url: v.pipe(v.string(), v.minLength(1, "must not be empty"), v.maxLength(2048, "must be at most 2048 characters")),
  ...ImageMetadata.pipe[0].entries,
});

/** The metadata, or every problem with it by field path (unknown fields included). */
export function validateImageMetadata(
  input: Record<string, unknown>,
): { metadata: ImageMetadata; problems: [] } | { metadata: null; problems: ErrorDetail[] } {
  const result = v.safeParse(ImageMetadata, input, { abortEarly: false });
  if (result.success) return { metadata: result.output, problems: [] };
  return { metadata: null, problems: issueDetails(result.issues) };
}

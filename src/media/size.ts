// The one shape every header parser returns, the one rule for what counts as a size, and the largest accepted.

export type Dimensions = { width: number; height: number };

/** Both sides positive integers within PNG's 2^31-1 bound (the largest any accepted format allows). */
export function dimensions(width: number, height: number): Dimensions | null {
  const valid = (n: number) => Number.isInteger(n) && n > 0 && n <= 0x7fffffff;
  return valid(width) && valid(height) ? { width, height } : null;
}

/** The longest side accepted, in pixels: a lossless WebP's largest (14 bits), far wider than any page shows. */
export const MAX_IMAGE_SIDE = 16_384;

/** The most pixels accepted: a browser decodes every one (4 bytes each, so 200 MB here) to show the image. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Whether a size is within both caps; a header can claim far more than its bytes could ever hold. */
export const withinPixelCap = ({ width, height }: Dimensions) =>
  width <= MAX_IMAGE_SIDE && height <= MAX_IMAGE_SIDE && width * height <= MAX_IMAGE_PIXELS;

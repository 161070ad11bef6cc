// The one shape every header parser returns, and the one rule for what counts as a size.

export type Dimensions = { width: number; height: number };

/** Both sides positive integers within PNG's 2^31-1 bound (the largest any accepted format allows). */
export function dimensions(width: number, height: number): Dimensions | null {
  const valid = (n: number) => Number.isInteger(n) && n > 0 && n <= 0x7fffffff;
  return valid(width) && valid(height) ? { width, height } : null;
}

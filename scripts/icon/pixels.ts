// The mark (src/render/mark.ts) as pixels, for the favicon: each pixel the share of 4×4 samples inside the
// rounded square, coloured by how many of those fall on the mountains or the mist. Pure, no canvas, no
// dependency: the same on every machine. Straight (not premultiplied) RGBA, rows top to bottom.
import { MARK, type Point } from "../../src/render/mark.ts";

const SAMPLES = 4;
const CURVE_STEPS = 16;

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

function cubic(p0: Point, p1: Point, p2: Point, p3: Point): Point[] {
  const points: Point[] = [];
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const t = i / CURVE_STEPS;
    const u = 1 - t;
    const at = (k: 0 | 1) => u * u * u * p0[k] + 3 * u * u * t * p1[k] + 3 * u * t * t * p2[k] + t * t * t * p3[k];
    points.push([at(0), at(1)]);
  }
  return points;
}

/** The mist's centre line as a polyline, `S` expanded: its first control point mirrors the last one. */
function mistLine(): Point[] {
  const m = MARK.mist;
  const mirrored: Point = [2 * m.middle[0] - m.control2[0], 2 * m.middle[1] - m.control2[1]];
  return [m.start, ...cubic(m.start, m.control1, m.control2, m.middle), ...cubic(m.middle, mirrored, m.control4, m.end)];
}

function inRoundedSquare(x: number, y: number): boolean {
  const { size, cornerRadius: r } = MARK;
  if (x < 0 || y < 0 || x > size || y > size) return false;
  const dx = Math.max(r - x, 0, x - (size - r));
  const dy = Math.max(r - y, 0, y - (size - r));
  return dx * dx + dy * dy <= r * r;
}

/** Even-odd rule. */
function inPolygon(x: number, y: number, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i] as Point;
    const b = polygon[j] as Point;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** A stroke along a polyline, with round caps and joins: whether a point is within half its width. */
function stroke(line: readonly Point[], width: number): (x: number, y: number) => boolean {
  const half = width / 2;
  const xs = line.map((p) => p[0]);
  const ys = line.map((p) => p[1]);
  const [left, right, top, bottom] = [Math.min(...xs) - half, Math.max(...xs) + half, Math.min(...ys) - half, Math.max(...ys) + half];
  return (x, y) => {
    if (x < left || x > right || y < top || y > bottom) return false;
    for (let i = 1; i < line.length; i++) {
      const ax = xs[i - 1] as number;
      const ay = ys[i - 1] as number;
      const dx = (xs[i] as number) - ax;
      const dy = (ys[i] as number) - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      const px = ax + t * dx - x;
      const py = ay + t * dy - y;
      if (px * px + py * py <= half * half) return true;
    }
    return false;
  };
}

/** A `size`×`size` RGBA image of the mark, its mist `mistWidth` units of 512 wide. */
export function markPixels(size: number, mistWidth: number): Uint8Array {
  const scale = MARK.size / size;
  const [ground, ink] = [rgb(MARK.ground), rgb(MARK.ink)];
  const onMist = stroke(mistLine(), mistWidth);
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      let inked = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * scale;
          const y = (py + (sy + 0.5) / SAMPLES) * scale;
          if (!inRoundedSquare(x, y)) continue;
          covered++;
          if (inPolygon(x, y, MARK.mountains) || onMist(x, y)) inked++;
        }
      }
      const at = (py * size + px) * 4;
      const share = covered ? inked / covered : 0;
      for (let k = 0; k < 3; k++) out[at + k] = Math.round((ground[k] as number) + ((ink[k] as number) - (ground[k] as number)) * share);
      out[at + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return out;
}

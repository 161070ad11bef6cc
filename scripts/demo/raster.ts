// Just enough of a painter for the demo pictures: gradients, anti-aliased shapes and noisy ridge lines
// on an RGB buffer, then PNG. Scenes are built from these in scenes.ts.
import { encodePng } from "./png.ts";
import type { Random } from "./random.ts";

export type Rgb = readonly [number, number, number];
export type Point = readonly [number, number];

export const mix = (a: Rgb, b: Rgb, t: number): Rgb => {
  const k = Math.min(1, Math.max(0, t));
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k];
};

/** `#rrggbb` → Rgb. */
export const hex = (s: string): Rgb => [parseInt(s.slice(1, 3), 16), parseInt(s.slice(3, 5), 16), parseInt(s.slice(5, 7), 16)];

export class Raster {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;

  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 3);
  }

  blend(x: number, y: number, c: Rgb, alpha = 1): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 3;
    const a = Math.min(1, alpha);
    for (let k = 0; k < 3; k++) {
      const old = this.data[i + k] as number;
      this.data[i + k] = Math.round(old + ((c[k] as number) - old) * a);
    }
  }

  /** Every pixel from `f`. */
  paint(f: (x: number, y: number) => Rgb): void {
    for (let y = 0; y < this.height; y++) for (let x = 0; x < this.width; x++) this.blend(x, y, f(x, y));
  }

  /** A vertical gradient through colour stops at fractions of the height. */
  sky(stops: readonly (readonly [number, Rgb])[]): void {
    this.paint((_, y) => {
      const t = y / (this.height - 1);
      for (let i = 1; i < stops.length; i++) {
        const [p0, c0] = stops[i - 1] as readonly [number, Rgb];
        const [p1, c1] = stops[i] as readonly [number, Rgb];
        if (t <= p1) return mix(c0, c1, (t - p0) / (p1 - p0 || 1));
      }
      return (stops[stops.length - 1] as readonly [number, Rgb])[1];
    });
  }

  fillRect(x0: number, y0: number, x1: number, y1: number, c: Rgb, alpha = 1): void {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.height, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.width, Math.ceil(x1)); x++) this.blend(x, y, c, alpha);
    }
  }

  /** Fills from the curve y = edge(x) down to `bottom`, with an anti-aliased top edge. */
  fillBelow(edge: (x: number) => number, color: Rgb | ((x: number, y: number) => Rgb), alpha = 1, bottom = this.height): void {
    for (let x = 0; x < this.width; x++) {
      const top = edge(x);
      const start = Math.max(0, Math.floor(top));
      for (let y = start; y < Math.min(bottom, this.height); y++) {
        const coverage = y === start ? 1 - (top - start) : 1;
        this.blend(x, y, typeof color === "function" ? color(x, y) : color, alpha * coverage);
      }
    }
  }

  /** A disc with a soft edge `feather` pixels wide (a glow when feather is large). */
  disc(cx: number, cy: number, r: number, c: Rgb, alpha = 1, feather = 1): void {
    const reach = r + feather;
    for (let y = Math.floor(cy - reach); y <= Math.ceil(cy + reach); y++) {
      for (let x = Math.floor(cx - reach); x <= Math.ceil(cx + reach); x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const coverage = d <= r - feather / 2 ? 1 : d >= r + feather / 2 ? 0 : (r + feather / 2 - d) / feather;
        this.blend(x, y, c, alpha * coverage);
      }
    }
  }

  /** A filled polygon (even-odd), anti-aliased by four sub-scanlines per row. */
  polygon(points: readonly Point[], c: Rgb, alpha = 1): void {
    const ys = points.map((p) => p[1]);
    const y0 = Math.max(0, Math.floor(Math.min(...ys)));
    const y1 = Math.min(this.height - 1, Math.ceil(Math.max(...ys)));
    const coverage = new Float32Array(this.width);
    for (let y = y0; y <= y1; y++) {
      coverage.fill(0);
      for (let s = 0; s < 4; s++) {
        const sy = y + (s + 0.5) / 4;
        const xs: number[] = [];
        for (let i = 0; i < points.length; i++) {
          const [ax, ay] = points[i] as Point;
          const [bx, by] = points[(i + 1) % points.length] as Point;
          if ((ay <= sy && by > sy) || (by <= sy && ay > sy)) xs.push(ax + ((sy - ay) / (by - ay)) * (bx - ax));
        }
        xs.sort((a, b) => a - b);
        for (let i = 0; i + 1 < xs.length; i += 2) {
          const from = Math.max(0, xs[i] as number);
          const to = Math.min(this.width, xs[i + 1] as number);
          for (let x = Math.floor(from); x < Math.ceil(to); x++) {
            const covered = Math.min(to, x + 1) - Math.max(from, x);
            coverage[x] = (coverage[x] as number) + covered / 4;
          }
        }
      }
      for (let x = 0; x < this.width; x++) if ((coverage[x] as number) > 0) this.blend(x, y, c, alpha * (coverage[x] as number));
    }
  }

  /** Rounds every channel to a multiple of `step`: smooth glows compress far better, banding stays invisible. */
  posterize(step: number): void {
    for (let i = 0; i < this.data.length; i++) this.data[i] = Math.min(255, Math.round((this.data[i] as number) / step) * step);
  }

  png(): Uint8Array {
    return encodePng(this.width, this.height, this.data);
  }
}

/** Smooth 1-D value noise summed over octaves: ridge lines, shores, tree lines. Returns y for x. */
export function ridge(random: Random, base: number, amplitude: number, wavelength: number, octaves = 4): (x: number) => number {
  const layers = Array.from({ length: octaves }, (_, o) => ({
    values: Array.from({ length: 64 }, () => random.next() * 2 - 1),
    scale: wavelength / 2 ** o,
    amp: amplitude / 1.9 ** o,
  }));
  return (x) => {
    let y = base;
    for (const layer of layers) {
      const t = x / layer.scale;
      const i = Math.floor(t);
      const f = t - i;
      const smooth = f * f * (3 - 2 * f);
      const a = layer.values[((i % 64) + 64) % 64] as number;
      const b = layer.values[(((i + 1) % 64) + 64) % 64] as number;
      y += (a + (b - a) * smooth) * layer.amp;
    }
    return y;
  };
}

// The demo's pictures, painted from shapes and noise (no photographs, no network): each scene is a
// function of a seeded PRNG, so it comes out byte-identical on every run and keeps its content-hash key.
import { Raster, type Rgb, hex, mix, ridge } from "./raster.ts";
import type { Random } from "./random.ts";

const W = 960;
const H = 540;

export type Scene = (random: Random) => Raster;

/** Layered ridges fading into haze: far ones pale, near ones dark. */
function ridges(r: Raster, random: Random, colours: readonly Rgb[], haze: Rgb, top: number, step: number): void {
  colours.forEach((c, i) => {
    const edge = ridge(random, top + i * step, 55 - i * 6, 420 - i * 40);
    r.fillBelow(edge, (_, y) => mix(c, haze, Math.max(0, 0.35 - (y - top) / 900)));
  });
}

/** Morning over layered mountains, mist between the ranges. */
const mountains: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#8fb4d8")], [0.45, hex("#f3d9b1")], [0.6, hex("#f7e6c8")], [1, hex("#f7e6c8")]]);
  r.disc(690, 215, 34, hex("#fff4d6"), 1, 2);
  r.disc(690, 215, 120, hex("#fff1cc"), 0.25, 160);
  const haze = hex("#f2e4cc");
  ridges(r, random, [hex("#a9b7c6"), hex("#7f93a8"), hex("#587089"), hex("#3b5266"), hex("#24384a")], haze, 250, 48);
  // Mist lying in the valleys between ranges.
  for (const centre of [345, 400, 455]) {
    for (let y = centre - 30; y < centre + 30; y++) r.fillRect(0, y, W, y + 1, haze, 0.28 * Math.exp(-(((y - centre) / 14) ** 2)));
  }
  return r;
};

/** Terraced tea rows following the slope of a hill. */
const tea: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#bcd3e0")], [0.35, hex("#e5eee9")], [1, hex("#e5eee9")]]);
  ridges(r, random, [hex("#9fb7a7"), hex("#7d9c86")], hex("#e5eee9"), 120, 40);
  const hill = ridge(random, 190, 30, 500, 3);
  r.fillBelow(hill, hex("#3f6b3a"));
  for (let row = 0; row < 26; row++) {
    const y0 = 200 + row * row * 0.55 + row * 6;
    const wave = ridge(random, y0, 6 + row * 0.6, 300, 2);
    const thick = 4 + row * 0.7;
    for (let x = 0; x < W; x++) {
      const y = wave(x) + Math.sin(x / 140 + row / 3) * (4 + row);
      r.fillRect(x, y, x + 1, y + thick, row % 2 ? hex("#6fa04f") : hex("#88b85c"));
    }
  }
  return r;
};

/** A river under a stone arch bridge, hills behind, light on the water. */
const river: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#9cc3e6")], [0.5, hex("#dbe9f2")], [1, hex("#dbe9f2")]]);
  ridges(r, random, [hex("#8fa9a0"), hex("#62806f")], hex("#dbe9f2"), 200, 45);
  r.fillRect(0, 330, W, H, hex("#6f97ad"));
  for (let i = 0; i < 90; i++) {
    const y = 335 + random.next() * 200;
    const x = random.next() * W;
    r.fillRect(x, y, x + 20 + random.next() * 80, y + 1.5, hex("#d8e8ef"), 0.35);
  }
  const stone = hex("#7b7368");
  r.fillRect(80, 222, 880, 236, hex("#6a6259"));
  for (const cx of [220, 480, 740]) {
    // A pier-to-pier span: deck on top, a semicircular opening underneath.
    const arch: [number, number][] = [[cx - 110, 236], [cx + 110, 236], [cx + 110, 330]];
    for (let a = 0; a <= 20; a++) arch.push([cx + 88 * Math.cos((Math.PI * a) / 20), 330 - 70 * Math.sin((Math.PI * a) / 20)]);
    arch.push([cx - 110, 330]);
    r.polygon(arch, stone);
    r.polygon(arch.map(([x, y]) => [x, 660 - y] as [number, number]), hex("#4e6c7b"), 0.45);
  }
  return r;
};

/** A city skyline at dusk, windows lit, reflected in the river. */
const city: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#2b2f5a")], [0.35, hex("#7d5a8c")], [0.62, hex("#f0a070")], [1, hex("#f0a070")]]);
  const water = 400;
  let x = 0;
  while (x < W) {
    const w = random.int(38, 90);
    const h = random.int(70, 260);
    const body = mix(hex("#1c2035"), hex("#3a3a5c"), random.next());
    r.fillRect(x, water - h, x + w - 4, water, body);
    for (let wy = water - h + 10; wy < water - 8; wy += 14) {
      for (let wx = x + 6; wx < x + w - 12; wx += 11) {
        if (random.chance(0.45)) r.fillRect(wx, wy, wx + 5, wy + 7, hex("#ffd98a"), 0.9);
      }
    }
    x += w;
  }
  r.fillRect(0, water, W, H, hex("#2d3050"));
  for (let y = water; y < H; y++) {
    for (let x2 = 0; x2 < W; x2++) {
      const src = (2 * water - y) * W + x2;
      if (src < 0) continue;
      const i = src * 3;
      const c: Rgb = [r.data[i] as number, r.data[i + 1] as number, r.data[i + 2] as number];
      r.blend(x2, y, c, 0.5 - (y - water) / 400);
    }
  }
  return r;
};

/** Ripe rice fields in perspective under a high sky. */
const rice: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#6fa8dc")], [0.4, hex("#cfe3f0")], [1, hex("#cfe3f0")]]);
  r.disc(200, 90, 60, hex("#ffffff"), 0.5, 60);
  r.disc(290, 80, 45, hex("#ffffff"), 0.5, 50);
  r.fillBelow(ridge(random, 215, 8, 120, 3), hex("#4d6b3c"));
  r.paint((x, y) => {
    if (y < 232) return [r.data[(y * W + x) * 3] as number, r.data[(y * W + x) * 3 + 1] as number, r.data[(y * W + x) * 3 + 2] as number];
    const depth = (y - 232) / (H - 232);
    const lane = Math.sin(((x - W / 2) / (0.15 + depth)) * 0.09);
    return mix(hex("#c9a23a"), hex("#e7c45a"), 0.5 + lane * 0.35 * depth + depth * 0.2);
  });
  for (let i = 0; i < 5; i++) {
    const y = 245 + i * i * 14;
    r.fillRect(0, y, W, y + 2 + i, hex("#7e6a2c"), 0.5);
  }
  return r;
};

/** Red lanterns glowing against a night sky. */
const lanterns: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#0c1230")], [1, hex("#2a1838")]]);
  for (let row = 0; row < 3; row++) {
    const y0 = 90 + row * 150;
    r.fillRect(0, y0 - 42, W, y0 - 40, hex("#3a2a2a"));
    for (let x = 60 + row * 40; x < W; x += 150) {
      const y = y0 + random.int(-10, 10);
      r.disc(x, y, 70, hex("#ff6a3d"), 0.18, 70);
      r.disc(x, y, 36, hex("#d9261c"), 1, 2);
      r.disc(x - 10, y - 10, 14, hex("#ff9d5c"), 0.5, 16);
      r.fillRect(x - 16, y - 42, x + 16, y - 34, hex("#e2b23c"));
      r.fillRect(x - 16, y + 34, x + 16, y + 40, hex("#e2b23c"));
      r.fillRect(x - 1, y + 40, x + 1, y + 62, hex("#e2b23c"));
    }
  }
  return r;
};

/** Close-up of woven bamboo strips. */
const bamboo: Scene = () => {
  const r = new Raster(W, H);
  const light = hex("#e2c48c");
  const dark = hex("#b38a4e");
  r.paint((x, y) => {
    const cell = 40;
    const cx = Math.floor(x / cell);
    const cy = Math.floor(y / cell);
    const over = (cx + cy) % 2 === 0;
    const along = over ? (x % cell) / cell : (y % cell) / cell;
    const across = over ? (y % cell) / cell : (x % cell) / cell;
    const shade = 0.15 + 0.6 * Math.sin(Math.PI * along) * (0.6 + 0.4 * Math.sin(Math.PI * across));
    return mix(dark, light, shade);
  });
  r.posterize(6);
  return r;
};

/** A school running track and football pitch seen from the stands. */
const track: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#8ec5ef")], [0.3, hex("#dcefff")], [1, hex("#dcefff")]]);
  r.fillRect(0, 120, W, 175, hex("#e9e4da"));
  for (let x = 20; x < W; x += 46) r.fillRect(x, 132, x + 28, 160, hex("#8aa8c8"));
  r.fillBelow(ridge(random, 172, 4, 200, 2), hex("#5f8f4e"));
  const lanes = [hex("#b8463b"), hex("#c0503f")];
  for (let i = 0; i < 6; i++) {
    const inset = i * 14;
    r.polygon(
      [[60 + inset, 520 - inset / 3], [240 + inset, 230 + inset / 2], [720 - inset, 230 + inset / 2], [900 - inset, 520 - inset / 3]],
      lanes[i % 2] as Rgb,
    );
  }
  r.polygon([[150, 480], [300, 290], [660, 290], [810, 480]], hex("#3e8f45"));
  for (let s = 0; s < 6; s++) r.polygon([[150 + s * 110, 480], [300 + s * 60, 290], [330 + s * 60, 290], [205 + s * 110, 480]], hex("#4a9c50"), 0.6);
  r.fillRect(470, 290, 490, 480, hex("#f4f4f4"), 0.7);
  return r;
};

/** A clean-lined public building with a glass front. */
const hospital: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#5d9ad6")], [0.6, hex("#d5e8f7")], [1, hex("#d5e8f7")]]);
  r.fillRect(130, 110, 830, 470, hex("#f2f3f1"));
  r.fillRect(130, 110, 830, 130, hex("#c9ced1"));
  for (let y = 150; y < 440; y += 42) {
    for (let x = 160; x < 800; x += 56) r.fillRect(x, y, x + 40, y + 28, mix(hex("#7fa7c4"), hex("#b9d3e6"), random.next()));
  }
  r.fillRect(400, 380, 560, 470, hex("#9cc0d8"));
  r.fillRect(468, 150, 492, 210, hex("#2f9e6a"));
  r.fillRect(450, 168, 510, 192, hex("#2f9e6a"));
  r.fillRect(0, 470, W, H, hex("#8d8f8a"));
  for (let x = 0; x < W; x += 80) r.disc(x + 40, 470, 36, hex("#4f8a46"), 1, 2);
  return r;
};

/** Rows of solar panels in front of factory halls. */
const solar: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#79aee0")], [0.45, hex("#e6f1fa")], [1, hex("#e6f1fa")]]);
  for (let x = 40; x < W; x += 210) {
    r.fillRect(x, 130, x + 180, 215, hex("#d6d9dc"));
    r.polygon([[x - 6, 132], [x + 90, 100], [x + 186, 132]], hex("#9aa4ad"));
  }
  r.fillRect(0, 215, W, H, hex("#86a86a"));
  for (let row = 0; row < 7; row++) {
    const y = 235 + row * row * 6 + row * 18;
    const h = 10 + row * 6;
    for (let x = -40; x < W; x += 60 + row * 12) {
      const w = 48 + row * 10;
      r.polygon([[x, y + h], [x + w * 0.12, y], [x + w, y], [x + w * 0.88, y + h]], mix(hex("#1f3f7a"), hex("#3562a8"), random.next() * 0.4 + row * 0.05));
    }
  }
  return r;
};

/** Egrets over a reed-fringed wetland. */
const wetland: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#bcd8e4")], [0.5, hex("#eef4ef")], [1, hex("#eef4ef")]]);
  ridges(r, random, [hex("#b4c9bf")], hex("#eef4ef"), 230, 0);
  r.fillRect(0, 300, W, H, hex("#9cc1c4"));
  for (let i = 0; i < 500; i++) {
    const x = random.next() * W;
    const base = 330 + random.next() * 210;
    const h = 30 + random.next() * 70;
    r.fillRect(x, base - h, x + 2, base, mix(hex("#6f7d3c"), hex("#a2a65a"), random.next()), 0.8);
  }
  for (let i = 0; i < 9; i++) {
    const x = 120 + random.next() * 720;
    const y = 70 + random.next() * 150;
    const s = 10 + random.next() * 10;
    r.polygon([[x - 3 * s, y - s], [x, y], [x + 3 * s, y - 1.3 * s], [x + 0.4 * s, y + 0.6 * s]], hex("#ffffff"));
  }
  return r;
};

/** White walls and dark stepped gables of an old water town. */
const oldtown: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#c9d6df")], [1, hex("#eef0ea")]]);
  const waterline = 360;
  let x = -20;
  while (x < W) {
    const w = random.int(120, 200);
    const top = random.int(150, 220);
    r.fillRect(x, top, x + w, waterline, hex("#f4f2ec"));
    r.polygon([[x - 8, top + 8], [x + w / 2, top - 40], [x + w + 8, top + 8]], hex("#3d4146"));
    const step = w / 6;
    r.fillRect(x - 6, top - 18, x + step, top, hex("#3d4146"));
    r.fillRect(x + w - step, top - 18, x + w + 6, top, hex("#3d4146"));
    for (let wx = x + 20; wx < x + w - 30; wx += 50) r.fillRect(wx, top + 50, wx + 22, top + 82, hex("#5b4a3a"));
    r.fillRect(x, waterline - 6, x + w, waterline, hex("#9a9a92"));
    x += w + random.int(4, 20);
  }
  r.fillRect(0, waterline, W, H, hex("#7f9a96"));
  for (let y = waterline; y < H; y++) {
    for (let x2 = 0; x2 < W; x2++) {
      const src = (2 * waterline - y) * W + x2;
      if (src < 0) continue;
      const i = src * 3;
      r.blend(x2, y, [r.data[i] as number, r.data[i + 1] as number, r.data[i + 2] as number], 0.45);
    }
  }
  return r;
};

/** Warm out-of-focus lights of a night market. */
const market: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#140f1f")], [1, hex("#2b1a1a")]]);
  const warm = [hex("#ffb347"), hex("#ff7b54"), hex("#ffd56b"), hex("#f06292"), hex("#fff1b8")];
  for (let i = 0; i < 70; i++) {
    const rad = 14 + random.next() * 40;
    r.disc(random.next() * W, 60 + random.next() * 380, rad, random.pick(warm), 0.35 + random.next() * 0.35, rad * 0.5);
  }
  r.fillRect(0, 440, W, H, hex("#1a1414"));
  r.posterize(8);
  return r;
};

/** Autumn forest on rolling hills. */
const autumn: Scene = (random) => {
  const r = new Raster(W, H);
  r.sky([[0, hex("#7fb0d8")], [0.5, hex("#e9eef0")], [1, hex("#e9eef0")]]);
  ridges(r, random, [hex("#c9a27a"), hex("#c7733e"), hex("#a54a2a"), hex("#6d3b24")], hex("#e9eef0"), 200, 60);
  for (let i = 0; i < 260; i++) {
    const x = random.next() * W;
    const y = 280 + random.next() * 260;
    r.disc(x, y, 6 + random.next() * 12, random.pick([hex("#e08a2e"), hex("#c4452d"), hex("#e7b742"), hex("#7a8c3a")]), 0.85, 2);
  }
  return r;
};

export const SCENES = { mountains, tea, river, city, rice, lanterns, bamboo, track, hospital, solar, wetland, oldtown, market, autumn } as const;
export type SceneName = keyof typeof SCENES;

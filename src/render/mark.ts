// The site's mark as geometry — mountains over mist, for 青岚, white on the brand red — from which the logo,
// the SVG icon and the favicon's pixels are all drawn, so the three never disagree. Units of a 512 square.

export type Point = readonly [number, number];

export const MARK = {
  size: 512,
  cornerRadius: 64,
  /** The stylesheet's --brand. */
  ground: "#b4141b",
  ink: "#ffffff",
  mountains: [[56, 360], [176, 196], [240, 276], [316, 152], [456, 360]] as readonly Point[],
  /**
   * The mist: a cubic Bézier from `start` to `middle`, then a smooth one (its first control point the mirror
   * of `control2` about `middle`, as SVG's `S` draws it) to `end`.
   */
  mist: { start: [56, 404], control1: [136, 380], control2: [200, 428], middle: [280, 404], control4: [408, 380], end: [456, 404] },
} as const;

/** The icon's mist, twice the logo's, so it still shows at 16 pixels. */
export const ICON_MIST_WIDTH = 40;

const pt = (p: Point) => `${p[0]} ${p[1]}`;

/** The mark as SVG, its mist `mistWidth` units wide; `sized` adds width and height (the logo's 512 px). */
export function markSvg(mistWidth: number, sized: boolean): string {
  const { size, cornerRadius, ground, ink, mountains, mist } = MARK;
  const dimensions = sized ? ` width="${size}" height="${size}"` : "";
  const peaks = mountains.map(([x, y], i) => `${i === 0 ? "M" : "L"}${x} ${y}`).join(" ");
  return `<svg xmlns="http://www.w3.org/2000/svg"${dimensions} viewBox="0 0 ${size} ${size}">
<rect width="${size}" height="${size}" rx="${cornerRadius}" fill="${ground}"/>
<path d="${peaks} Z" fill="${ink}"/>
<path d="M${pt(mist.start)} C${pt(mist.control1)} ${pt(mist.control2)} ${pt(mist.middle)} S${pt(mist.control4)} ${pt(mist.end)}" fill="none" stroke="${ink}" stroke-width="${mistWidth}" stroke-linecap="round"/>
</svg>
`;
}

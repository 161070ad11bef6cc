// The benchmark's results drawn, for people who would rather look than read a 30-row table: one SVG, made
// offline from the rows, with requests per second and workerd CPU per request for every scenario at each
// size, and on every bar a tick at its floor and, where the issue set one, at its target. Log scales, so a
// ratio to the floor is the same distance wherever the bar ends.
import { escapeXml } from "../../src/render/xml.ts";
import { type ResultRow, ratios } from "./results-table.ts";

export type SizeRows = { size: number; rows: ResultRow[] };

type Axis = { min: number; max: number; x: number; width: number };

const COLOURS = ["#9ecae1", "#2171b5", "#6baed6", "#08519c"];
const ROW = 22;
const BAR = 8;
const LABEL_WIDTH = 330;
const PANEL_WIDTH = 360;
const GAP = 40;
const TOP = 92;

/** 1, 2 and 5 times the powers of ten from below `min` to above `max`: a log axis's ticks. */
function ticks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let p = Math.floor(Math.log10(min)); p <= Math.ceil(Math.log10(max)); p++) {
    for (const m of [1, 2, 5]) out.push(m * 10 ** p);
  }
  const below = out.filter((t) => t <= min).at(-1) ?? min;
  const above = out.find((t) => t >= max) ?? max;
  return out.filter((t) => t >= below && t <= above);
}

const xOf = (a: Axis, value: number) =>
  a.x + (a.width * (Math.log10(Math.max(value, a.min)) - Math.log10(a.min))) / (Math.log10(a.max) - Math.log10(a.min));

const fmt = (n: number) => (n >= 1 ? String(Number(n.toPrecision(3))) : n.toFixed(n >= 0.1 ? 1 : 2));

function axis(values: number[], x: number): { axis: Axis; marks: number[] } {
  const positive = values.filter((v) => v > 0);
  const marks = ticks(Math.min(...positive), Math.max(...positive));
  return { axis: { min: marks[0] ?? 1, max: marks.at(-1) ?? 10, x, width: PANEL_WIDTH }, marks };
}

/** About how wide `text` is at the chart's 11 px: a CJK character a full em, anything else a little over half. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 11 : 6.2), 0);

/** `label` as it fits in `px`, its end cut to "…" when it does not (the whole of it in the row's tooltip). */
function fitted(label: string, px: number): string {
  if (textWidth(label) <= px) return label;
  const chars = [...label];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`) > px) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** The chart: `sizes` (each run's rows), in rows by scenario `label` (the same scenario at every size). */
export function benchChart(sizes: SizeRows[], title: string, subtitle: string): string {
  const labels = [...new Set(sizes.flatMap((s) => s.rows.map((r) => r.label)))];
  const all = sizes.flatMap((s) => s.rows);
  const rps = axis(all.map((r) => r.rps), LABEL_WIDTH);
  const cpu = axis(all.map((r) => r.cpuMsPerRequest), LABEL_WIDTH + PANEL_WIDTH + GAP);
  const height = TOP + labels.length * ROW + 40;
  const width = LABEL_WIDTH + 2 * PANEL_WIDTH + GAP + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, 'Noto Sans CJK SC', sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    `<text x="10" y="38" fill="#444">${escapeXml(subtitle)}</text>`,
  ];
  // Legend: one colour per size, then the two ticks.
  let lx = 10;
  sizes.forEach((s, i) => {
    out.push(`<rect x="${lx}" y="50" width="14" height="${BAR}" fill="${COLOURS[i % COLOURS.length]}"/>`);
    out.push(`<text x="${lx + 18}" y="58">${s.size.toLocaleString("en-US")} articles</text>`);
    lx += 130;
  });
  out.push(`<line x1="${lx + 6}" y1="47" x2="${lx + 6}" y2="61" stroke="#000" stroke-width="2"/><text x="${lx + 12}" y="58">its floor (a hit: one Cache API lookup; a miss: one D1 query; a floor: the baseline)</text>`);
  out.push(`<line x1="${lx + 6}" y1="67" x2="${lx + 6}" y2="81" stroke="#d62728" stroke-width="2"/><text x="${lx + 12}" y="78">the target, where there is one</text>`);
  for (const [a, marks, name] of [
    [rps.axis, rps.marks, "requests per second (more is better)"],
    [cpu.axis, cpu.marks, "workerd CPU ms per request (less is better)"],
  ] as const) {
    out.push(`<text x="${a.x}" y="${TOP - 6}" font-weight="bold">${name}</text>`);
    for (const m of marks) {
      const x = xOf(a, m).toFixed(1);
      out.push(`<line x1="${x}" y1="${TOP}" x2="${x}" y2="${TOP + labels.length * ROW}" stroke="#e3e3e3"/>`);
      out.push(`<text x="${x}" y="${TOP + labels.length * ROW + 14}" text-anchor="middle" fill="#555">${fmt(m)}</text>`);
    }
  }
  labels.forEach((label, i) => {
    const y = TOP + i * ROW;
    if (i % 2 === 1) out.push(`<rect x="0" y="${y}" width="${width}" height="${ROW}" fill="#000" fill-opacity="0.03"/>`);
    const shown = fitted(label, LABEL_WIDTH - 12);
    const title = shown === label ? "" : `<title>${escapeXml(label)}</title>`;
    out.push(`<text x="${LABEL_WIDTH - 8}" y="${y + ROW / 2 + 4}" text-anchor="end">${title}${escapeXml(shown)}</text>`);
    sizes.forEach((s, k) => {
      const r = s.rows.find((row) => row.label === label);
      if (!r) return;
      const by = y + 3 + k * (BAR + 1);
      const floor = s.rows.find((row) => row.worker === r.floor);
      const colour = COLOURS[k % COLOURS.length];
      for (const [a, value, floorValue, targetValue] of [
        [rps.axis, r.rps, floor?.rps, floor && r.target ? floor.rps * r.target.throughput : undefined],
        [cpu.axis, r.cpuMsPerRequest, floor?.cpuMsPerRequest, floor && r.target?.cpu ? floor.cpuMsPerRequest * r.target.cpu : undefined],
      ] as const) {
        const toFloor = ratios(s.rows, r);
        const tip = `${r.name}, ${s.size.toLocaleString("en-US")} articles: ${r.rps.toFixed(0)} req/s, ${r.cpuMsPerRequest.toFixed(2)} ms CPU` +
          (toFloor ? `; ${toFloor.throughput.toFixed(2)} of its floor's throughput, ${(1 / toFloor.cpu).toFixed(2)}× its CPU` : "");
        out.push(`<rect x="${a.x}" y="${by}" width="${(xOf(a, value) - a.x).toFixed(1)}" height="${BAR}" fill="${colour}"><title>${escapeXml(tip)}</title></rect>`);
        for (const [v, stroke] of [[floorValue, "#000"], [targetValue, "#d62728"]] as const) {
          if (v === undefined) continue;
          const x = xOf(a, v).toFixed(1);
          out.push(`<line x1="${x}" y1="${by - 1}" x2="${x}" y2="${by + BAR + 1}" stroke="${stroke}" stroke-width="2"/>`);
        }
      }
    });
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

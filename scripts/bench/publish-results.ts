// Where a run's results go: always .bench/results.md and .bench/bench.svg; and, for a complete run (every
// size and scenario, full length), into the docs as well: the chart as docs/images/bench.svg and the tables
// between the markers of docs/benchmark.md, so the reference shows the last complete run and nothing else.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const BEGIN = "<!-- npm run bench writes from here to the end marker; edit scripts/bench.ts, not this -->";
export const END = "<!-- end of what npm run bench writes -->";

/** `doc` with what lies between the markers replaced by `results`; an error when the markers are not there once each. */
export function withResults(doc: string, results: string): string {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin || doc.indexOf(BEGIN, begin + 1) >= 0 || doc.indexOf(END, end + 1) >= 0) {
    throw new Error(`docs/benchmark.md must hold the markers once each, in order:\n${BEGIN}\n${END}`);
  }
  return `${doc.slice(0, begin + BEGIN.length)}\n\n${results.trim()}\n\n${doc.slice(end)}`;
}

/** Writes the run's results; returns the files written. */
export function publishResults(root: string, report: { markdown: string; svg: string; docs: string | null }): string[] {
  const write = (path: string, text: string) => {
    writeFileSync(join(root, path), text);
    return path;
  };
  mkdirSync(join(root, ".bench"), { recursive: true });
  const written = [write(".bench/results.md", report.markdown), write(".bench/bench.svg", report.svg)];
  if (report.docs !== null) {
    written.push(write("docs/benchmark.md", withResults(readFileSync(join(root, "docs/benchmark.md"), "utf8"), report.docs)));
    written.push(write("docs/images/bench.svg", report.svg));
  }
  return written;
}

// What became of the pictures an import met, for its report: stored, already there, missing, refused, left out.
import type { ImportSummary } from "../report.ts";
import type { ImageOutcome } from "./images.ts";

/** Articles listed per missing or refused picture; past this only the count grows. */
const LISTED = 20;

export class ImageTally {
  stored = 0;
  reused = 0;
  notImported = 0;
  external = 0;
  private readonly counted = new Set<string>();
  private readonly problems = new Map<string, { reason: string | null; articles: Set<number> }>();

  /** Notes what became of `ref`, named by `article`. */
  add(outcome: ImageOutcome, ref: string, article: number) {
    const first = !this.counted.has(ref);
    // Remembering every reference would grow with the archive: past a bound, a repeat may count twice.
    if (first && this.counted.size < 100_000) this.counted.add(ref);
    if (outcome.kind === "stored") {
      if (first) outcome.created ? (this.stored += 1) : (this.reused += 1);
    } else if (outcome.kind === "missing" || outcome.kind === "refused") {
      const problem = this.problems.get(outcome.path) ?? { reason: outcome.kind === "refused" ? outcome.reason : null, articles: new Set<number>() };
      if (problem.articles.size < LISTED) problem.articles.add(article);
      this.problems.set(outcome.path, problem);
    } else if (outcome.kind === "not-imported") this.notImported += 1;
    else this.external += 1;
  }

  report(): ImportSummary["images"] {
    const all = [...this.problems];
    return {
      stored: this.stored,
      reused: this.reused,
      missing: all.filter(([, p]) => p.reason === null).map(([path, p]) => ({ path, articles: [...p.articles] })),
      refused: all.flatMap(([path, p]) => (p.reason === null ? [] : [{ path, reason: p.reason, articles: [...p.articles] }])),
      notImported: this.notImported,
      external: this.external,
    };
  }
}

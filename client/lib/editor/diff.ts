// A character-level diff for Chinese text: Myers' O(ND) algorithm ("An O(ND) Difference Algorithm and Its
// Variations", 1986) over code points, so 𠀀 or an emoji is one unit and never split in half. Common ends are
// trimmed first; past MAX_EDITS differences the middle is shown as replaced whole (a conflict view must answer
// at once, and beyond that many edits a character diff reads no better than the two texts).

export type Piece = { op: "same" | "theirs" | "mine"; text: string };

const MAX_EDITS = 2000;

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

function commonSuffix(a: readonly string[], b: readonly string[], skip: number): number {
  let i = 0;
  while (i < a.length - skip && i < b.length - skip && a[a.length - 1 - i] === b[b.length - 1 - i]) i += 1;
  return i;
}

/** Myers' forward search, keeping each round's frontier to walk the path back; null past `max` edits. */
function myers(a: readonly string[], b: readonly string[], max: number): Piece["op"][] | null {
  const n = a.length;
  const m = b.length;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d += 1) {
    // Only the diagonals reachable in d rounds matter to the walk back: keep those, not the whole frontier.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x += 1;
        y += 1;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number, last: number): Piece["op"][] {
  const ops: Piece["op"][] = [];
  let x = n;
  let y = m;
  for (let d = last; d > 0; d -= 1) {
    const v = trace[d] ?? new Int32Array(0);
    const at = d + 1;
    const k = x - y;
    const down = k === -d || (k !== d && (v[at + k - 1] ?? 0) < (v[at + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[at + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push("same");
      x -= 1;
      y -= 1;
    }
    ops.push(down ? "mine" : "theirs");
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push("same");
    x -= 1;
    y -= 1;
  }
  return ops.reverse();
}

function push(out: Piece[], op: Piece["op"], text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** The pieces that turn `theirs` into `mine`: kept text, text only theirs has, text only mine has. */
export function diff(theirs: string, mine: string): Piece[] {
  const a = [...theirs];
  const b = [...mine];
  const pre = commonPrefix(a, b);
  const suf = commonSuffix(a, b, pre);
  const midA = a.slice(pre, a.length - suf);
  const midB = b.slice(pre, b.length - suf);
  const out: Piece[] = [];
  push(out, "same", a.slice(0, pre).join(""));
  const ops = myers(midA, midB, Math.min(MAX_EDITS, midA.length + midB.length));
  if (ops === null) {
    push(out, "theirs", midA.join(""));
    push(out, "mine", midB.join(""));
  } else {
    let i = 0;
    let j = 0;
    for (const op of ops) {
      if (op === "same") {
        push(out, "same", midA[i] ?? "");
        i += 1;
        j += 1;
      } else if (op === "theirs") {
        push(out, "theirs", midA[i] ?? "");
        i += 1;
      } else {
        push(out, "mine", midB[j] ?? "");
        j += 1;
      }
    }
  }
  push(out, "same", a.slice(a.length - suf).join(""));
  return out;
}

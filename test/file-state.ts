// Which test file is running, for helpers that keep something for the file's length: one runtime serves many
// files in turn (test/setup.ts), and what a helper made in one file's database does not exist in the next.
let current = 0;

/** Called by test/setup.ts as each file starts: the number of this file in the runtime's run. */
export function startFile(): number {
  current += 1;
  return current;
}

/** `make()` once per test file: what it gave an earlier file is not reused. */
export function perFile<T>(make: () => T): () => T {
  let kept: { file: number; value: T } | undefined;
  return () => {
    if (kept?.file !== current) kept = { file: current, value: make() };
    return kept.value;
  };
}

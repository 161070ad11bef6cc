// What the command-line tools (staff.ts, key.ts) share: a failure said in one line with its exit code, and a
// listing printed in columns.

/** A failure to report in one line and exit with `code` (2 for bad usage). */
export class CliError extends Error {
  readonly code: number;
  constructor(message: string, code = 1) {
    super(message);
    this.code = code;
  }
}

/** Rows in columns as wide as their widest cell, two spaces apart; the last column as it is. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  for (const r of rows) console.log(r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "));
}

/** Runs a tool's `main`: a CliError is printed as `<tool>: message` with its exit code, anything else thrown. */
export async function runTool(tool: string, main: (args: string[]) => Promise<void>): Promise<void> {
  try {
    await main(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    console.error(`${tool}: ${err.message}`);
    process.exitCode = err.code;
  }
}

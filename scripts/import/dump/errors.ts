// A dump that cannot be read as mysqldump writes it: where (the line) and what, in one sentence.

export class DumpError extends Error {
  readonly line: number;

  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = "DumpError";
    this.line = line;
  }
}

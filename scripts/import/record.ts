// A dump row by column name, and the two ways a mapping reads a field: as text, as an integer.
import type { DumpValue } from "./dump/values.ts";

export type DumpRecord = Readonly<Record<string, DumpValue | undefined>>;

/** The field as text ("" for NULL or a missing column). */
export const text = (r: DumpRecord, column: string): string => {
  const v = r[column];
  return v === null || v === undefined ? "" : String(v);
};

/** The field as an integer, or null when it is not one (NULL, "", "abc", 1.5). */
export const int = (r: DumpRecord, column: string): number | null => {
  const v = r[column];
  const n = typeof v === "number" ? v : typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isSafeInteger(n) ? n : null;
};

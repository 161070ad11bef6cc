// One statement instead of a batch: what used to be a statement of its own travels as a JSON column of the
// main row (json_object, json_group_array), and is read back here, checked against the valibot schema of the
// row it stands for. Each statement D1 runs costs a round of its own work; folded, a page is one.
import type * as v from "valibot";

/** `json_object('id', s.id, …)`: one row as a JSON object, each key the SQL expression given for it. */
export const jsonObject = (fields: Readonly<Record<string, string>>): string =>
  `json_object(${Object.entries(fields).map(([key, sql]) => `'${key}', ${sql}`).join(", ")})`;

/** The fields of jsonObject for plain columns of `alias`, each under its own name. */
export const columnsOf = (alias: string, columns: readonly string[]): Record<string, string> =>
  Object.fromEntries(columns.map((c) => [c, `${alias}.${c}`]));

type Scalar = v.NumberSchema<undefined> | v.StringSchema<undefined>;
type Field = Scalar | v.NullableSchema<Scalar, undefined>;

/** The schema of a row a JSON column carries: SQLite's values, numbers and text, each maybe null. */
export type JsonRow = v.ObjectSchema<Readonly<Record<string, Field>>, undefined>;

const fits = (field: Field, value: unknown): boolean =>
  field.type === "nullable" ? value === null || typeof value === field.wrapped.type : typeof value === field.type;

/**
 * Whether `value` is a row of `schema`. Checked field by field in place rather than by v.parse, which copies
 * every object: a home page's JSON column holds forty rows, and the copies were a share of its miss.
 */
function isRowOf<S extends JsonRow>(schema: S, value: unknown): value is v.InferOutput<S> {
  if (typeof value !== "object" || value === null) return false;
  // Read as unknown, each field then checked: a lookup, not an assertion of what it holds.
  const record = value as Readonly<Record<string, unknown>>;
  for (const [key, field] of Object.entries(schema.entries)) {
    if (!(key in record) || !fits(field, record[key])) return false;
  }
  return true;
}

/** The SQL beside it writes the JSON, so a value of another shape is a defect of ours: it throws rather than render half a page. */
function misfit(schema: JsonRow, text: string): Error {
  return new Error(`a JSON column is not ${Object.keys(schema.entries).join(", ")}: ${text.slice(0, 200)}`);
}

/** A JSON column holding one row (a scalar subquery's json_object), or null for SQL NULL (no such row). */
export function rowFromJson<S extends JsonRow>(schema: S, text: string | null): v.InferOutput<S> | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  if (!isRowOf(schema, value)) throw misfit(schema, text);
  return value;
}

/** A JSON column holding rows (json_group_array), in their order; none for SQL NULL. */
export function rowsFromJson<S extends JsonRow>(schema: S, text: string | null): v.InferOutput<S>[] {
  if (text === null) return [];
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) throw misfit(schema, text);
  const rows: v.InferOutput<S>[] = [];
  for (const item of value) {
    if (!isRowOf(schema, item)) throw misfit(schema, text);
    rows.push(item);
  }
  return rows;
}

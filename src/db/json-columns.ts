// One statement instead of a batch: what used to be a statement of its own travels as a JSON column of the
// main row (json_object, json_group_array), and is read back here, checked against the shape of the row it
// stands for. Each statement D1 runs costs a round of its own work; folded, a page is one.
import * as v from "valibot";

/** `json_object('id', s.id, …)`: one row as a JSON object, each key the SQL expression given for it. */
export const jsonObject = (fields: Readonly<Record<string, string>>): string =>
  `json_object(${Object.entries(fields).map(([key, sql]) => `'${key}', ${sql}`).join(", ")})`;

/** The fields of jsonObject for plain columns of `alias`, each under its own name. */
export const columnsOf = (alias: string, columns: readonly string[]): Record<string, string> =>
  Object.fromEntries(columns.map((c) => [c, `${alias}.${c}`]));

/**
 * A JSON column read back as `schema` says: null for SQL NULL (the subquery found no row). The SQL beside it
 * writes the JSON, so a value of another shape is a defect of ours and throws rather than render half a page.
 */
export function fromJsonColumn<S extends v.GenericSchema>(schema: S, text: string | null): v.InferOutput<S> | null {
  if (text === null) return null;
  const value: unknown = JSON.parse(text);
  return v.parse(schema, value);
}

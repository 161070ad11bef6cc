// The JSON columns a page's one statement carries are read back checked against the schema of the row they
// stand for: a value of another shape throws, it is never passed on as if it were the row.
import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { rowFromJson, rowsFromJson } from "../src/db/json-columns.ts";

const Row = v.object({ id: v.number(), path: v.string(), parent_id: v.nullable(v.number()) });

describe("JSON columns", () => {
  it("read rows of the schema's shape, in order, and SQL NULL as none", () => {
    expect(rowsFromJson(Row, '[{"id":2,"path":"xw","parent_id":null},{"id":3,"path":"xw/dzyw","parent_id":2}]')).toEqual([
      { id: 2, path: "xw", parent_id: null },
      { id: 3, path: "xw/dzyw", parent_id: 2 },
    ]);
    expect(rowsFromJson(Row, "[]")).toEqual([]);
    expect(rowsFromJson(Row, null)).toEqual([]);
    expect(rowFromJson(Row, '{"id":2,"path":"xw","parent_id":null}')).toEqual({ id: 2, path: "xw", parent_id: null });
    expect(rowFromJson(Row, null)).toBeNull();
  });

  it("throw on a field missing, of another type, or null where the schema has no null", () => {
    for (const text of ['{"id":2,"path":"xw"}', '{"id":"2","path":"xw","parent_id":null}', '{"id":2,"path":null,"parent_id":null}', "[]", "7", "null"]) {
      expect(() => rowFromJson(Row, text), text).toThrow(/a JSON column is not id, path, parent_id/);
    }
    expect(() => rowsFromJson(Row, '{"id":2,"path":"xw","parent_id":null}')).toThrow(/not id, path, parent_id/);
    expect(() => rowsFromJson(Row, '[{"id":2,"path":"xw","parent_id":null},{"id":3}]')).toThrow(/not id, path, parent_id/);
  });
});

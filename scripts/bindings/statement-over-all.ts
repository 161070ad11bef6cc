// A D1 statement for the scripts' own D1 stand-ins (wrangler-d1.ts, gateway-d1.ts): each says how to bind and
// how to run a statement for all its rows; first, run and raw are the same reading of those rows for both.
export abstract class StatementOverAll implements D1PreparedStatement {
  abstract bind(...values: unknown[]): D1PreparedStatement;
  abstract all<T = Record<string, unknown>>(): Promise<D1Result<T>>;

  run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.all<T>();
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  async first<T>(colName?: string): Promise<T | null> {
    const row = (await this.all<Record<string, unknown>>()).results[0];
    if (row === undefined) return null;
    return (colName === undefined ? row : (row[colName] ?? null)) as T;
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  async raw<T>(options?: { columnNames?: boolean }): Promise<T[] | [string[], ...T[]]> {
    const rows = (await this.all<Record<string, unknown>>()).results;
    const values = rows.map((r) => Object.values(r) as T);
    return options?.columnNames ? [Object.keys(rows[0] ?? {}), ...values] : values;
  }
}

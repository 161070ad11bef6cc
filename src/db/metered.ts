// Counts what a request asks of D1 (queries, rows read and written, time) without touching the
// queries themselves: the D1 binding is wrapped per request and the totals go out as Server-Timing.

export type D1Usage = { queries: number; rowsRead: number; rowsWritten: number; ms: number };

type Meta = { rows_read?: number; rows_written?: number } | undefined;

export class D1Meter {
  readonly usage: D1Usage = { queries: 0, rowsRead: 0, rowsWritten: 0, ms: 0 };

  private record(metas: Meta[], started: number) {
    for (const meta of metas) {
      this.usage.queries += 1;
      this.usage.rowsRead += meta?.rows_read ?? 0;
      this.usage.rowsWritten += meta?.rows_written ?? 0;
    }
    // A batch is one round trip: its time counts once.
    this.usage.ms += Date.now() - started;
  }

  /** A D1Database that behaves like `db` and adds each statement's cost to this meter. */
  wrap(db: D1Database): D1Database {
    const meter = this;
    const originals = new WeakMap<D1PreparedStatement, D1PreparedStatement>();

    const wrapStatement = (stmt: D1PreparedStatement): D1PreparedStatement => {
      const wrapped = new Proxy(stmt, {
        get(target, prop, receiver) {
          switch (prop) {
            case "bind":
              return (...values: unknown[]) => wrapStatement(target.bind(...values));
            case "all":
            case "run":
              return async () => {
                const started = Date.now();
                const result = await (prop === "all" ? target.all() : target.run());
                meter.record([result.meta], started);
                return result;
              };
            case "first":
              // first() reports no meta; all() reads the same rows and does.
              return async (column?: string) => {
                const started = Date.now();
                const result = await target.all<Record<string, unknown>>();
                meter.record([result.meta], started);
                const row = result.results[0];
                if (row === undefined) return null;
                if (column === undefined) return row;
                // As D1 itself answers a column the row does not have.
                if (!(column in row)) throw new Error(`D1_COLUMN_NOTFOUND: Column not found (${column})`);
                return row[column];
              };
            case "raw":
              // raw() reports no meta either: the query counts, its rows are not known.
              return async (options?: { columnNames?: boolean }) => {
                const started = Date.now();
                const rows = await (options?.columnNames ? target.raw({ columnNames: true }) : target.raw());
                meter.record([undefined], started);
                return rows;
              };
            default: {
              const value: unknown = Reflect.get(target, prop, receiver);
              return typeof value === "function" ? value.bind(target) : value;
            }
          }
        },
      });
      originals.set(wrapped, stmt);
      return wrapped;
    };

    // The database and its sessions (read replicas) answer prepare and batch alike.
    const wrapDatabase = <T extends D1Database | D1DatabaseSession>(db: T): T =>
      new Proxy(db, {
        get(target, prop, receiver) {
          if (prop === "prepare") return (query: string) => wrapStatement(target.prepare(query));
          if (prop === "batch") {
            return async (statements: D1PreparedStatement[]) => {
              const started = Date.now();
              const results = await target.batch(statements.map((s) => originals.get(s) ?? s));
              meter.record(results.map((r) => r.meta), started);
              return results;
            };
          }
          if (prop === "withSession" && "withSession" in target) {
            return (constraintOrBookmark?: string) => wrapDatabase(target.withSession(constraintOrBookmark));
          }
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });

    return wrapDatabase(db);
  }

  /** `d1;dur=3;desc="queries=2 rows_read=5 rows_written=0"` (W3C Server Timing). */
  serverTiming(): string {
    const u = this.usage;
    return `d1;dur=${u.ms};desc="queries=${u.queries} rows_read=${u.rowsRead} rows_written=${u.rowsWritten}"`;
  }
}

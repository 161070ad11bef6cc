// Counts what a request asks of D1 — round trips, statements, rows read and written, time — for
// development, the benchmark and the tests that hold writes to their round-trip budget. Off in production
// unless D1_METER is "on": then the D1 handle is wrapped per request and the totals go out as Server-Timing.

export type D1Usage = { roundTrips: number; queries: number; rowsRead: number; rowsWritten: number; ms: number };

type Meta = { rows_read?: number; rows_written?: number } | undefined;

export class D1Meter {
  readonly usage: D1Usage = { roundTrips: 0, queries: 0, rowsRead: 0, rowsWritten: 0, ms: 0 };

  /** One round trip: a statement alone or a whole batch, which travels together. */
  record(metas: readonly Meta[], started: number) {
    this.usage.roundTrips += 1;
    this.usage.queries += Math.max(1, metas.length);
    for (const meta of metas) {
      this.usage.rowsRead += meta?.rows_read ?? 0;
      this.usage.rowsWritten += meta?.rows_written ?? 0;
    }
    this.usage.ms += Date.now() - started;
  }

  /** A D1Database that behaves like `db` and adds each round trip to this meter. */
  wrap(db: D1Database): D1Database {
    return new MeteredDatabase(db, this);
  }

  /** `d1;dur=3;desc="round_trips=1 queries=2 rows_read=5 rows_written=0"` (W3C Server Timing). */
  serverTiming(): string {
    const u = this.usage;
    return `d1;dur=${u.ms};desc="round_trips=${u.roundTrips} queries=${u.queries} rows_read=${u.rowsRead} rows_written=${u.rowsWritten}"`;
  }
}

/** A statement that reports to the meter when it runs. `first()` and `raw()` report no rows (D1 gives them no meta). */
class MeteredStatement implements D1PreparedStatement {
  readonly inner: D1PreparedStatement;
  private readonly meter: D1Meter;

  constructor(inner: D1PreparedStatement, meter: D1Meter) {
    this.inner = inner;
    this.meter = meter;
  }

  bind(...values: unknown[]): D1PreparedStatement {
    return new MeteredStatement(this.inner.bind(...values), this.meter);
  }

  /** Runs the statement; a failed one still cost its round trip, so it counts too. */
  private async timed<T>(run: () => Promise<T>, meta: (result: T) => Meta): Promise<T> {
    const started = Date.now();
    let metas: Meta[] = [undefined];
    try {
      const result = await run();
      metas = [meta(result)];
      return result;
    } finally {
      this.meter.record(metas, started);
    }
  }

  first<T = unknown>(colName: string): Promise<T | null>;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  first<T>(colName?: string): Promise<T | null> {
    return this.timed(() => (colName === undefined ? this.inner.first<T>() : this.inner.first<T>(colName)), () => undefined);
  }

  run<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.timed(() => this.inner.run<T>(), (r) => r.meta);
  }

  all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    return this.timed(() => this.inner.all<T>(), (r) => r.meta);
  }

  raw<T = unknown[]>(options: { columnNames: true }): Promise<[string[], ...T[]]>;
  raw<T = unknown[]>(options?: { columnNames?: false }): Promise<T[]>;
  raw<T>(options?: { columnNames?: boolean }): Promise<T[] | [string[], ...T[]]> {
    return this.timed<T[] | [string[], ...T[]]>(
      () => (options?.columnNames ? this.inner.raw<T>({ columnNames: true }) : this.inner.raw<T>()),
      () => undefined,
    );
  }
}

const unwrap = (s: D1PreparedStatement) => (s instanceof MeteredStatement ? s.inner : s);

class MeteredSession implements D1DatabaseSession {
  protected readonly inner: D1Database | D1DatabaseSession;
  protected readonly meter: D1Meter;

  constructor(inner: D1Database | D1DatabaseSession, meter: D1Meter) {
    this.inner = inner;
    this.meter = meter;
  }

  prepare(query: string): D1PreparedStatement {
    return new MeteredStatement(this.inner.prepare(query), this.meter);
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const started = Date.now();
    let metas: Meta[] = statements.map(() => undefined);
    try {
      const results = await this.inner.batch<T>(statements.map(unwrap));
      metas = results.map((r) => r.meta);
      return results;
    } finally {
      this.meter.record(metas, started);
    }
  }

  getBookmark(): D1SessionBookmark | null {
    return "getBookmark" in this.inner ? this.inner.getBookmark() : null;
  }
}

class MeteredDatabase extends MeteredSession implements D1Database {
  private readonly db: D1Database;

  constructor(db: D1Database, meter: D1Meter) {
    super(db, meter);
    this.db = db;
  }

  exec(query: string): Promise<D1ExecResult> {
    return this.db.exec(query);
  }

  withSession(constraintOrBookmark?: D1SessionBookmark | D1SessionConstraint): D1DatabaseSession {
    return new MeteredSession(this.db.withSession(constraintOrBookmark), this.meter);
  }

  dump(): Promise<ArrayBuffer> {
    return this.db.dump();
  }
}

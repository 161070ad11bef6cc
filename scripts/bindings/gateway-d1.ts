// A D1Database for Node scripts that ships whole batches to a tiny Worker running in Miniflare.
// Miniflare's own getD1Database() proxy makes prepare() and bind() synchronous round trips to workerd
// (~3 ms each, measured here: 6.6 s for 1,000 statements), so 100,000 articles × 7 statements would take
// over an hour. Here prepare() and bind() stay in Node and one db.batch() is one HTTP request, executed by
// the real D1 binding inside workerd.
import { StatementOverAll } from "./statement-over-all.ts";

/** The Worker that runs what the scripts send, through the same local D1 that `wrangler dev` uses. */
export const GATEWAY_WORKER = `
export default {
  async fetch(request, env) {
    const { exec, statements } = await request.json();
    try {
      if (exec !== undefined) return Response.json({ exec: await env.DB.exec(exec) });
      const results = await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
      return Response.json({ results });
    } catch (err) {
      return Response.json({ error: err instanceof Error ? err.message : String(err) });
    }
  },
};
`;

type Wire = { sql: string; params: unknown[] };
export type GatewayAnswer = { results?: D1Result[]; exec?: D1ExecResult; error?: string };
export type Send = (body: string) => Promise<GatewayAnswer>;

function checkParam(value: unknown): unknown {
  // D1 refuses undefined; JSON would quietly turn it into null, so refuse it here as D1 would.
  if (value === undefined) throw new Error("D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'");
  if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol" || value instanceof ArrayBuffer) {
    throw new Error(`gateway D1: cannot send a ${typeof value} parameter`);
  }
  return value;
}

class GatewayStatement extends StatementOverAll {
  readonly wire: Wire;
  private readonly db: GatewayD1;

  constructor(db: GatewayD1, wire: Wire) {
    super();
    this.db = db;
    this.wire = wire;
  }

  bind(...values: unknown[]): D1PreparedStatement {
    return new GatewayStatement(this.db, { sql: this.wire.sql, params: values.map(checkParam) });
  }

  async all<T = Record<string, unknown>>(): Promise<D1Result<T>> {
    const [result] = await this.db.batch<T>([this]);
    if (!result) throw new Error("gateway D1: no result");
    return result;
  }
}

export class GatewayD1 implements D1Database {
  private readonly send: Send;

  constructor(send: Send) {
    this.send = send;
  }

  prepare(query: string): D1PreparedStatement {
    return new GatewayStatement(this, { sql: query, params: [] });
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const wire = statements.map((s) => {
      if (!(s instanceof GatewayStatement)) throw new Error("gateway D1: statement from another database");
      return s.wire;
    });
    const answer = await this.send(JSON.stringify({ statements: wire }));
    if (answer.error !== undefined) throw new Error(answer.error);
    return (answer.results ?? []) as D1Result<T>[];
  }

  async exec(query: string): Promise<D1ExecResult> {
    const answer = await this.send(JSON.stringify({ exec: query }));
    if (answer.error !== undefined) throw new Error(answer.error);
    if (!answer.exec) throw new Error("gateway D1: no exec result");
    return answer.exec;
  }

  withSession(): D1DatabaseSession {
    // Local D1 has no replicas: a session is the database itself.
    return {
      prepare: (q: string) => this.prepare(q),
      batch: <T = unknown>(s: D1PreparedStatement[]) => this.batch<T>(s),
      getBookmark: () => null,
    };
  }

  dump(): Promise<ArrayBuffer> {
    return Promise.reject(new Error("gateway D1: dump() is not supported"));
  }
}

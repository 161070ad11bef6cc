// Makes a race happen on purpose: a D1 binding that runs `meanwhile` (another writer's change) right after
// the first read of an article, before the request that read it goes on. Used to prove that a decision and
// the write it guards are made on the same version, whatever lands between a request's round trips.
const READS_ARTICLE = /FROM articles WHERE id = \?/;

type Inner = { statement: D1PreparedStatement; sql: string };

export function afterFirstArticleRead(db: D1Database, meanwhile: () => Promise<unknown>): D1Database {
  let fired = false;
  const fire = async (sqls: string[]) => {
    if (fired || !sqls.some((sql) => READS_ARTICLE.test(sql))) return;
    fired = true;
    await meanwhile();
  };
  const inners = new WeakMap<D1PreparedStatement, Inner>();
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const wrapped: D1PreparedStatement = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values), sql),
      first: (async (column?: string) => {
        const result = column === undefined ? await statement.first() : await statement.first(column);
        await fire([sql]);
        return result;
      }) as D1PreparedStatement["first"],
      all: async () => {
        const result = await statement.all();
        await fire([sql]);
        return result;
      },
      run: async () => {
        const result = await statement.run();
        await fire([sql]);
        return result;
      },
      raw: (async () => {
        const result = await statement.raw();
        await fire([sql]);
        return result;
      }) as D1PreparedStatement["raw"],
    } as D1PreparedStatement;
    inners.set(wrapped, { statement, sql });
    return wrapped;
  };
  const session = <T extends D1Database | D1DatabaseSession>(target: T): T =>
    new Proxy(target, {
      get(inner, prop) {
        if (prop === "withSession" && "withSession" in inner) {
          return (constraint?: string) => session(inner.withSession(constraint));
        }
        if (prop === "prepare") return (sql: string) => wrap(inner.prepare(sql), sql);
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            const parts = statements.map((s) => inners.get(s) ?? { statement: s, sql: "" });
            const results = await inner.batch(parts.map((p) => p.statement));
            await fire(parts.map((p) => p.sql));
            return results;
          };
        }
        const value: unknown = Reflect.get(inner, prop);
        return typeof value === "function" ? value.bind(inner) : value;
      },
    });
  return session(db);
}

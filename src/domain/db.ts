// What every data function takes: a D1 database or one of its sessions (read replicas), which answer
// prepare and batch alike. Only the routes decide which one a request uses.
export type Db = Pick<D1Database, "prepare" | "batch">;

// A stand-in D1 binding that fails every query the way D1's binding does: a rejected promise when the
// statement runs (prepare and bind succeed), `D1_ERROR: <message>` with the bare message as its cause.
const reject = (message: string) => () => Promise.reject(new Error(message, { cause: new Error(message.replace(/^D1_ERROR: /, "")) }));

/** A statement that prepares and binds as D1's does, and fails when it runs. */
class FailingStatement implements D1PreparedStatement {
  private readonly fail: () => Promise<never>;
  constructor(message: string) {
    this.fail = reject(message);
  }
  bind(): D1PreparedStatement {
    return this;
  }
  first() {
    return this.fail();
  }
  run() {
    return this.fail();
  }
  all() {
    return this.fail();
  }
  raw() {
    return this.fail();
  }
}

/** A session of the stand-in: every query and batch fails with `message`. */
class FailingSession implements D1DatabaseSession {
  protected readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
  prepare(): D1PreparedStatement {
    return new FailingStatement(this.message);
  }
  batch<T>(): Promise<D1Result<T>[]> {
    return reject(this.message)();
  }
  getBookmark(): D1SessionBookmark | null {
    return null;
  }
}

/** The stand-in D1 binding, passed to the Worker in place of the real one. */
class FailingD1 extends FailingSession implements D1Database {
  exec(): Promise<D1ExecResult> {
    return reject(this.message)();
  }
  dump(): Promise<ArrayBuffer> {
    return reject(this.message)();
  }
  withSession(): D1DatabaseSession {
    return new FailingSession(this.message);
  }
}

/** Bindings for settledFetch: the Worker gets the stand-in as its DB. */
export const failing = (message: string) => ({ DB: new FailingD1(message) });

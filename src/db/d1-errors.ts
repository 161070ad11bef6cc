// Tells D1 failing from a query of ours failing, by the error messages D1 documents (Cloudflare D1 docs,
// "Debug D1", error list) and SQLite's own busy codes: the one place that knows them. A transient failure
// is answered 503 with Retry-After (or a stale copy); anything else is ours or an operator's to fix: a 500.

/** What a D1 error means for the request that met it. */
type D1Failure =
  /** D1 could not run the query just now; the same request later will likely succeed. */
  | { transient: true; retryAfter: number; reason: string }
  /** D1 ran into a limit or refused the query: retrying changes nothing. Logged for the operator. */
  | { transient: false; reason: string };

// Seconds: "Retry the operation" for a reset or a lost connection; "reduce load, retry later" when overloaded.
const AT_ONCE = 5;
const LATER = 30;

type Rule = { message: RegExp; failure: D1Failure };

const retry = (reason: string, retryAfter = AT_ONCE): D1Failure => ({ transient: true, retryAfter, reason });
const refused = (reason: string): D1Failure => ({ transient: false, reason });

/** Each documented message, matched from its start, after the `D1_ERROR: ` prefix D1 puts before it. */
const RULES: readonly Rule[] = [
  { message: /^D1 DB reset because its code was updated\./, failure: retry("D1 restarted the database after an update") },
  { message: /^Internal error while starting up D1 DB storage caused object to be reset\./, failure: retry("D1 storage failed to start") },
  { message: /^Network connection lost\./, failure: retry("the connection to D1 was lost") },
  { message: /^Cannot resolve D1 DB due to transient issue on remote node\./, failure: retry("D1 could not locate the database") },
  { message: /^Can't read from request stream because client disconnected\./, failure: retry("the request stream to D1 was cut") },
  { message: /^D1 DB is overloaded\./, failure: retry("D1 is overloaded", LATER) },
  { message: /^D1 DB's isolate exceeded its memory limit and was reset\./, failure: retry("D1 reset the database after a memory overrun") },
  { message: /^D1 DB storage operation exceeded timeout which caused object to be reset\./, failure: retry("a D1 storage operation timed out") },
  // SQLite's busy and locked codes: another connection holds the database (locally, a tool on the file).
  { message: /\bSQLITE_(?:BUSY|LOCKED)\b|database (?:table )?is locked/, failure: retry("the database is locked by another connection") },
  // The runtime's opaque failure inside D1's storage: what local D1 answers a read of a locked file with.
  { message: /internal error; reference = /, failure: retry("D1 failed internally") },
  { message: /^Memory limit would be exceeded by this operation\./, failure: refused("a query needs more memory than D1 allows") },
  { message: /^Your account has exceeded D1's maximum account storage limit/, failure: refused("D1's storage limit is reached: writes fail until space is freed") },
];

const PREFIX = "D1_ERROR: ";

/**
 * The failure `err` reports, when it is D1's own; null for anything else (our SQL, our code). The prefix is
 * optional: when the binding's own request to D1 fails (a dropped connection) its error arrives bare.
 */
export function d1Failure(err: unknown): D1Failure | null {
  if (!(err instanceof Error)) return null;
  const message = err.message.startsWith(PREFIX) ? err.message.slice(PREFIX.length) : err.message;
  return RULES.find((r) => r.message.test(message))?.failure ?? null;
}

// Whether an error means "the database cannot be reached right now" (as opposed to a bad query):
// such errors answer 503 + Retry-After, never 500. Prisma wraps driver errors several levels deep
// (PrismaClientKnownRequestError → meta.driverAdapterError → cause), so every level is looked at.

/** Prisma codes: can't reach (P1001), timed out (P1002, P1008), closed (P1017), pool timeout (P2024). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver-adapter error kinds (@prisma/adapter-pg, pglite adapter) that mean the connection is gone. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** SQLSTATEs: connection exceptions (08…), too many clients (53300), shutdown/crash/starting (57P01-03). */
const SQLSTATES = new Set(["08000", "08001", "08003", "08004", "08006", "53300", "57P01", "57P02", "57P03"]);
/** Socket errors of the Node driver. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** node-postgres errors that carry no code. */
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|the database system is (starting up|shutting down|in recovery)|terminating connection due to administrator command|sorry, too many clients/i;

/** Whether `err` (or anything it wraps) says the database is unreachable, overloaded with connections or shutting down. */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 6) return false;
  const e = err as { code?: unknown; errorCode?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown; driverAdapterError?: unknown };
  for (const c of [e.code, e.errorCode, e.originalCode]) {
    if (typeof c === "string" && (PRISMA_CODES.has(c) || SQLSTATES.has(c) || SOCKET_CODES.has(c))) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return (
    isDatabaseUnavailable(e.cause, depth + 1) ||
    isDatabaseUnavailable(e.meta, depth + 1) ||
    isDatabaseUnavailable(e.driverAdapterError, depth + 1) ||
    (Array.isArray((err as AggregateError).errors) && (err as AggregateError).errors.some((x) => isDatabaseUnavailable(x, depth + 1)))
  );
}

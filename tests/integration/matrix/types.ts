import type { Db } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/generated/enums";
import type { Method } from "@/lib/http/api";

/** Ids of the seeded demo data, for building concrete paths and bodies. */
export interface Fixtures {
  users: Record<UserRole, string>;
  products: { steel: string; screws: string; table: string };
  workCenters: { welding: string; assembly: string };
  mo: string;
  workOrders: [string, string];
  /** Unique per call: use it in names, SKUs, emails. */
  unique: string;
  /** What the entry's `setup` returned for this call (e.g. the id of a record made just for it). */
  extra: Record<string, string>;
}

/**
 * One row of the role × route matrix: a request that is valid for the roles in `allowed` (they must
 * get a 2xx) and refused for every other role (403, or the status in `refused`, e.g. 404 where a
 * record is invisible to that role). Unauthenticated requests must get 401 unless `public`.
 */
export interface MatrixEntry {
  /** The route file's path, e.g. "/api/users/[id]". */
  route: string;
  method: Method;
  path: (fx: Fixtures, role: UserRole) => string;
  body?: (fx: Fixtures, role: UserRole) => unknown;
  /** A body that is not JSON (an uploaded file), sent as is with its Content-Type. */
  raw?: (fx: Fixtures, role: UserRole) => { body: string; contentType: string };
  allowed: UserRole[];
  refused?: Partial<Record<UserRole, number>>;
  public?: boolean;
  /** Runs before each call (per role) with direct database access; its result is `fx.extra`. */
  setup?: (prisma: Db, fx: Fixtures, role: UserRole | null) => Promise<Record<string, string>>;
}

// An MO's source and destination locations (docs/locations.md "Manufacturing orders"): checked when an
// MO is created or changed. Unknown or inactive → 400 naming the field; a QUARANTINE or SCRAP location
// can be neither source (production never picks there) nor destination of good output (SCRAP).
import type { Tx } from "../db/client";
import { badRequest } from "../errors";

const NOT_A_SOURCE = new Set(["QUARANTINE", "SCRAP"]);
const NOT_A_DESTINATION = new Set(["SCRAP"]);

export interface MoLocations {
  sourceLocationId?: string | null;
  destLocationId?: string | null;
}

/** Throws 400 naming `sourceLocationId` or `destLocationId` when the location may not be used. */
export async function checkMoLocations(tx: Tx, input: MoLocations): Promise<void> {
  const named = [
    ["sourceLocationId", input.sourceLocationId, NOT_A_SOURCE, "a source"],
    ["destLocationId", input.destLocationId, NOT_A_DESTINATION, "a destination"],
  ] as const;
  const ids = named.flatMap(([, id]) => (id ? [id] : []));
  if (!ids.length) return;
  const found = new Map((await tx.location.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, kind: true, active: true } })).map((l) => [l.id, l]));
  for (const [field, id, refused, role] of named) {
    if (!id) continue;
    const loc = found.get(id);
    const fail = (message: string) => badRequest(`${field}: ${message}`, { fieldErrors: { [field]: [message] } });
    if (!loc) throw fail("no such location");
    if (!loc.active) throw fail(`location ${loc.code} is inactive`);
    if (refused.has(loc.kind)) throw fail(`a ${loc.kind} location (${loc.code}) cannot be ${role}`);
  }
}

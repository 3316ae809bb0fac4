import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client";

/** Arbitrary constant naming "the BOM graph" (distinct from the migration runner's key). */
export const BOM_GRAPH_LOCK_KEY = 4_242_001;

/**
 * Serializes every write to the BOM graph until the transaction ends. Cycle checks read the graph
 * and then write one edge set: without this, two concurrent PUTs (A gets B, B gets A) would each
 * see an acyclic graph and both commit a cycle. Take it before reading the graph.
 */
export async function lockBomGraph(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${Prisma.raw(String(BOM_GRAPH_LOCK_KEY))})`;
}

// Use case: a cycle count at one location (POST /api/stock/counts). Each line says what the counter
// saw (`counted`) and what the sheet said was there when it was read (`expectedOnHand`). If any line's
// balance moved since (on hand ≠ expectedOnHand), the whole count is refused (409, nothing written):
// its differences would be wrong. Otherwise one COUNT entry per line whose count differs.
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/permissions";
import { writeAudit } from "../audit/write";
import { prisma, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client";
import { badRequest, conflict, notFound } from "../errors";
import { resolveKey } from "../lots/lots";
import { assertWholeQuantities } from "../products/units";
import type { Outcome } from "../realtime/events";
import { lockLevels } from "../stock/levels";
import { ledgerEntrySelect, type LedgerEntry } from "../stock/list-ledger";
import type { CountInput } from "../stock/schemas";
import { postAndAlert } from "./alerts";
import { withStockTx } from "./tx";

export interface CountResult {
  countId: string;
  lines: { productId: string; lotId: string | null; onHand: number; counted: number; difference: number }[];
  entries: LedgerEntry[];
}

export async function countStock(input: CountInput, actor: Actor): Promise<Outcome<CountResult>> {
  await assertWholeQuantities(prisma(), input.lines.map((l, i) => ({ path: ["lines", i, "counted"], productId: l.productId, quantity: l.counted })));
  const countId = randomUUID();
  const { ids, lines, events } = await withStockTx(async (tx: Tx) => {
    const location = await tx.location.findUnique({ where: { id: input.locationId }, select: { id: true, code: true } });
    if (!location) throw notFound("Location");
    const products = new Map((await tx.product.findMany({ where: { id: { in: input.lines.map((l) => l.productId) } }, select: { id: true, sku: true, tracking: true } })).map((p) => [p.id, p]));
    for (const [i, l] of input.lines.entries()) {
      const p = products.get(l.productId);
      if (!p) throw badRequest("A counted product does not exist.", { fieldErrors: { [`lines.${i}.productId`]: ["not found"] } });
      await resolveKey(tx, p, input.locationId, l.lotId, `lines.${i}.lotId`);
    }
    // The levels first (the global lock order), then read the balances: nothing moves them until commit.
    await lockLevels(tx, [...products.keys()]);
    const balances = await tx.stockBalance.findMany({ where: { locationId: input.locationId, productId: { in: [...products.keys()] } }, select: { productId: true, lotId: true, onHand: true } });
    const onHandOf = (productId: string, lotId: string | null) => balances.find((b) => b.productId === productId && b.lotId === lotId)?.onHand ?? new Prisma.Decimal(0);
    const lines = input.lines.map((l) => {
      const onHand = onHandOf(l.productId, l.lotId ?? null);
      return { productId: l.productId, lotId: l.lotId ?? null, onHand, counted: new Prisma.Decimal(l.counted), expected: new Prisma.Decimal(l.expectedOnHand), sku: products.get(l.productId)!.sku };
    });
    const moved = lines.filter((l) => !l.onHand.equals(l.expected));
    if (moved.length) {
      throw conflict(`The stock moved since the count sheet was read (${moved.map((m) => m.sku).join(", ")}): read it again and recount those lines.`, {
        moved: moved.map((m) => ({ productId: m.productId, lotId: m.lotId, expectedOnHand: m.expected.toNumber(), onHand: m.onHand.toNumber() })),
      });
    }
    const diffs = lines.filter((l) => !l.counted.equals(l.onHand));
    const posted = diffs.length
      ? await postAndAlert(tx, {
          lines: diffs.map((d) => ({ productId: d.productId, locationId: input.locationId, lotId: d.lotId, change: d.counted.minus(d.onHand) })),
          sourceType: "COUNT",
          sourceId: countId,
          note: input.note ?? null,
          actorId: actor.id,
        })
      : { entries: [], events: [] };
    await writeAudit(tx, {
      actorId: actor.id,
      action: "stock.count",
      entityType: "Location",
      entityId: location.id,
      payload: {
        countId,
        location: location.code,
        lines: lines.map((l) => ({ productId: l.productId, lotId: l.lotId, onHand: l.onHand.toNumber(), counted: l.counted.toNumber() })),
        note: input.note ?? null,
      },
    });
    return {
      ids: posted.entries.map((e) => e.id),
      events: posted.events,
      lines: lines.map((l) => ({ productId: l.productId, lotId: l.lotId, onHand: l.onHand.toNumber(), counted: l.counted.toNumber(), difference: l.counted.minus(l.onHand).toNumber() })),
    };
  });
  const entries = ids.length ? await prisma().stockEntry.findMany({ where: { id: { in: ids } }, select: ledgerEntrySelect, orderBy: { id: "asc" } }) : [];
  return { result: { countId, lines, entries }, events };
}

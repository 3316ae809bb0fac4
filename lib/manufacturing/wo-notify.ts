// Telling people that work orders moved to or away from them.
import type { Tx } from "../db/client";
import { notifyUsers } from "../notifications/create";
import type { DomainEvent } from "../realtime/events";

interface WoRef {
  id: string;
  code: string;
  title: string;
  mo: { orderNo: string };
}

/** "Assigned to you" for the new assignee and, on a transfer, "transferred away" for the previous one. */
export async function notifyAssignment(tx: Tx, wo: WoRef, from: string | null, to: string | null): Promise<DomainEvent[]> {
  const link = `/workorders/${wo.id}`;
  const events: DomainEvent[] = [];
  if (to) {
    events.push(
      ...(await notifyUsers(tx, [to], { type: "wo.assigned", key: "wo.assigned", params: { code: wo.code, title: wo.title, orderNo: wo.mo.orderNo }, link })),
    );
  }
  if (from && from !== to) {
    events.push(
      ...(await notifyUsers(tx, [from], { type: "wo.transferred", key: "wo.transferred", params: { code: wo.code, title: wo.title, orderNo: wo.mo.orderNo }, link })),
    );
  }
  return events;
}

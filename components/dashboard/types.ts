// The shape of GET /api/reports/kpis (lib/reports/kpis.ts), as the browser receives it.
export interface KpisView {
  period: { from: string; to: string; tz: string };
  mosByState: Record<"PLANNED" | "IN_PROGRESS" | "DONE" | "CANCELED", number>;
  late: { count: number; items: { id: string; orderNo: string; name: string; deadline: string; state: string }[] };
  onTime: { completed: number; onTime: number; rate: number | null };
  workOrdersCompleted: { today: number; thisWeek: number };
  durationsByOperation: { title: string; completed: number; avgMinutes: number; p90Minutes: number }[];
  throughput: { day: string; mosCompleted: number; unitsProduced: number }[];
  inProgress: { id: string; orderNo: string; name: string; deadline: string | null; completedWOs: number; totalWOs: number }[];
  lowStock: { count: number; items: { productId: string; sku: string; name: string; uom: string; onHand: number; reorderPoint: number }[] } | null;
}

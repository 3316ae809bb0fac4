// The BOM editor's working copy: rows as typed (strings), turned into the PUT body on save.
import { parseNumber } from "../../format";
import type { PickedProduct } from "../ProductPicker";
import type { BomView } from "../types";

export interface ComponentRow {
  materialId: string;
  sku: string;
  name: string;
  uom: string;
  archived: boolean;
  qty: string;
}

export interface OperationRow {
  key: string;
  title: string;
  workCenterId: string;
  minutes: string;
  /** Work instructions as typed; empty clears them. */
  instructions: string;
}

export interface Draft {
  components: ComponentRow[];
  operations: OperationRow[];
}

let counter = 0;
/** A key for a new operation row (operations have no natural key while being edited). */
export const newKey = () => `new-${++counter}`;

export function draftOf(bom: BomView): Draft {
  return {
    components: bom.components.map((c) => ({
      materialId: c.materialId,
      sku: c.material.sku,
      name: c.material.name,
      uom: c.material.uom,
      archived: c.material.archivedAt !== null,
      qty: String(c.qtyPerUnit),
    })),
    operations: bom.operations.map((o) => ({
      key: o.id,
      title: o.title,
      workCenterId: o.workCenterId ?? "",
      minutes: o.minutesPerUnit === null ? "" : String(o.minutesPerUnit),
      instructions: o.instructions ?? "",
    })),
  };
}

export function withComponent(d: Draft, p: PickedProduct): Draft {
  if (d.components.some((c) => c.materialId === p.productId)) return d;
  return { ...d, components: [...d.components, { materialId: p.productId, sku: p.sku, name: p.name, uom: p.uom, archived: false, qty: "1" }] };
}

/** Moves operation `i` by `delta` (−1 up, +1 down); the order is the sequence the API stores. */
export function moveOperation(d: Draft, i: number, delta: number): Draft {
  const j = i + delta;
  if (j < 0 || j >= d.operations.length) return d;
  const ops = [...d.operations];
  [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  return { ...d, operations: ops };
}

export type RowErrors = Record<string, string>;

/**
 * What the schema cannot say well about typed rows: text that is not a number (`message`, in the
 * person's language). Keys are the API's paths ("components.0.qtyPerUnit"), so the messages land
 * where the API's would.
 */
export function numberProblems(d: Draft, message: string): Record<string, string> {
  const out: Record<string, string> = {};
  d.components.forEach((c, i) => {
    if (Number.isNaN(parseNumber(c.qty))) out[`components.${i}.qtyPerUnit`] = message;
  });
  d.operations.forEach((o, i) => {
    if (Number.isNaN(parseNumber(o.minutes))) out[`operations.${i}.minutesPerUnit`] = message;
  });
  return out;
}

/** One message per line ("components.1" → its first problem), from the form's errors by API path. */
export function rowErrorsOf(messages: [string, string][]): RowErrors {
  const out: RowErrors = {};
  for (const [path, message] of messages) {
    const m = /^(components|operations)\.(\d+)/.exec(path);
    if (m) out[`${m[1]}.${m[2]}`] ??= message;
  }
  return out;
}

export function bodyOf(d: Draft) {
  return {
    components: d.components.map((c) => ({ materialId: c.materialId, qtyPerUnit: parseNumber(c.qty) ?? 0 })),
    operations: d.operations.map((o) => ({ title: o.title.trim(), workCenterId: o.workCenterId || null, minutesPerUnit: parseNumber(o.minutes), instructions: o.instructions.trim() === "" ? null : o.instructions })),
  };
}

/** The lines whose material closes a cycle the API refused (details `{ cycle: [SKU, …] }`), with `say(sku)` as their message. */
export function cycleErrors(details: unknown, components: ComponentRow[], say: (sku: string) => string): RowErrors {
  const out: RowErrors = {};
  const cycle = (details as { cycle?: unknown } | null)?.cycle;
  if (!Array.isArray(cycle)) return out;
  components.forEach((c, i) => {
    if (cycle.includes(c.sku)) out[`components.${i}`] = say(c.sku);
  });
  return out;
}

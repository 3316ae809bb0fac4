// The BOM editor's working copy: rows as typed (strings), turned into the PUT body on save.
import { parseNumber } from "../../mos/format";
import type { BomView, Product } from "../types";

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
    })),
  };
}

export function withComponent(d: Draft, p: Product): Draft {
  if (d.components.some((c) => c.materialId === p.id)) return d;
  return { ...d, components: [...d.components, { materialId: p.id, sku: p.sku, name: p.name, uom: p.uom, archived: false, qty: "1" }] };
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

/** Checks what the browser can check; keys are the API's paths ("components.0.qtyPerUnit"). */
export function validate(d: Draft): RowErrors {
  const out: RowErrors = {};
  d.components.forEach((c, i) => {
    const q = parseNumber(c.qty);
    if (q === null || q <= 0) out[`components.${i}`] = "Enter a quantity per unit above 0.";
  });
  d.operations.forEach((o, i) => {
    if (!o.title.trim()) out[`operations.${i}`] = "Give the operation a title.";
    const m = parseNumber(o.minutes);
    if (o.minutes.trim() && (m === null || m < 0)) out[`operations.${i}`] = "Minutes per unit must be 0 or more.";
  });
  return out;
}

export function bodyOf(d: Draft) {
  return {
    components: d.components.map((c) => ({ materialId: c.materialId, qtyPerUnit: parseNumber(c.qty) ?? 0 })),
    operations: d.operations.map((o) => ({ title: o.title.trim(), workCenterId: o.workCenterId || null, minutesPerUnit: parseNumber(o.minutes) })),
  };
}

/**
 * Row messages from a 400's details: per-line issues ([{ path: "components.1.materialId", message }])
 * or a cycle ({ cycle: [SKU, …] }), which marks the lines whose material closes it.
 */
export function rowErrorsFrom(details: unknown, components: ComponentRow[]): RowErrors {
  const out: RowErrors = {};
  const cycle = (details as { cycle?: unknown } | null)?.cycle;
  if (Array.isArray(cycle)) {
    components.forEach((c, i) => {
      if (cycle.includes(c.sku)) out[`components.${i}`] = `${c.sku} contains this product, directly or further down.`;
    });
    return out;
  }
  if (!Array.isArray(details)) return out;
  for (const d of details as unknown[]) {
    if (typeof d !== "object" || d === null) continue;
    const { path, message } = d as { path?: unknown; message?: unknown };
    const m = typeof path === "string" ? /^(components|operations)\.(\d+)/.exec(path) : null;
    if (m && typeof message === "string") out[`${m[1]}.${m[2]}`] ??= message;
  }
  return out;
}

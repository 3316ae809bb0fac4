// What GET /api/scan/label answers (lib/scan/labels.ts), as the browser receives it.
import type { ScanLabel } from "@/lib/scan/labels";
import type { Jsonify } from "@/types/json";

export type ScannedLabel = Jsonify<ScanLabel>;
export type ScannedLot = Extract<ScannedLabel, { kind: "lot" }>;
export type ScannedLocation = Extract<ScannedLabel, { kind: "location" }>;

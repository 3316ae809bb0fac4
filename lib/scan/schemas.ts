// The scan routes' input (docs/scanning.md).
import { z } from "zod";

/** GET /api/scan/label `?code=`: what was scanned (a `LOT-…` or `LOC-…` label, or text carrying one). */
export const scanLabelQuery = z.object({ code: z.string({ error: "must be a string" }).trim().min(1, "must not be empty").max(500, "must be at most 500 characters") }).strict();
export type ScanLabelQuery = z.infer<typeof scanLabelQuery>;

// The locations every database has (created by migration 20261207010000 with these fixed ids), so code
// can name them without a lookup (docs/locations.md "Defaults").
export const DEFAULT_LOCATIONS = {
  /** STORAGE: where receipts go and MOs consume from unless told otherwise. */
  STOCK: "00000000-0000-4000-8000-000000000101",
  /** WIP: work in progress. */
  WIP: "00000000-0000-4000-8000-000000000102",
  /** FINISHED: where MO output goes. */
  FG: "00000000-0000-4000-8000-000000000103",
  /** QUARANTINE: held for quality control; never available to production. */
  QC: "00000000-0000-4000-8000-000000000104",
} as const;

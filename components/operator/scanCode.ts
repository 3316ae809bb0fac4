// The scan box's codes: the kind/prefix table and the resolver live in lib/scan/codes.ts (pure and
// browser-safe, so the server and the unit tests share them); this keeps the UI's import path.
export { parseWoCode, resolveScan, type ScanKind, type ScannedCode } from "@/lib/scan/codes";

// GET /api/import/:kind/template: an empty file of a kind with its columns and one example row.
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { IMPORT_FIELDS, type ImportKind } from "./schemas";

/** The template of a kind as CSV (comma-separated, "." decimals, UTF-8 with BOM so Excel reads it as such) or XLSX. */
export async function importTemplate(kind: ImportKind, format: "csv" | "xlsx"): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const fields = IMPORT_FIELDS[kind];
  const header = fields.map((f) => f.key);
  // A BOM file mixes component and operation rows: the template shows one of each.
  const examples: string[][] =
    kind === "boms"
      ? [
          fields.map((f) => ({ product_sku: "TABLE-01", line: "component", material_sku: "STEEL-01", qty_per_unit: "2" })[f.key] ?? ""),
          fields.map((f) => ({ product_sku: "TABLE-01", line: "operation", operation: "Weld frame", work_center: "Welding", minutes_per_unit: "15" })[f.key] ?? ""),
        ]
      : [fields.map((f) => f.example)];
  if (format === "csv") {
    return { body: Buffer.from("\uFEFF" + stringify([header, ...examples]), "utf8"), contentType: "text/csv; charset=utf-8", filename: `${kind}-template.csv` };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(kind);
  ws.addRow(header).font = { bold: true };
  // Numbers as numbers, so Excel in any language shows them with its own decimal separator.
  for (const ex of examples) ws.addRow(ex.map((v, i) => ((fields[i]!.type === "decimal" || fields[i]!.type === "integer") && v !== "" ? Number(v) : v)));
  ws.columns.forEach((c) => (c.width = 18));
  return { body: Buffer.from(await wb.xlsx.writeBuffer()), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `${kind}-template.xlsx` };
}

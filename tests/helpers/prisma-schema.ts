// A small reader for prisma/schema.prisma, enough to check the migrated database against it.
import { readFileSync } from "node:fs";
import path from "node:path";

export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attrs: string;
}
export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  /** Column sets with a unique constraint (@id, @unique, @@id, @@unique). */
  uniques: string[][];
  indexes: string[][];
}
export interface ParsedSchema {
  models: SchemaModel[];
  enums: Record<string, string[]>;
}

/** Parses models (scalar and relation fields, uniques, indexes) and enums. */
export function parsePrismaSchema(file = path.resolve("prisma/schema.prisma")): ParsedSchema {
  const src = readFileSync(file, "utf8").replace(/\/\/.*$/gm, "");
  const models: SchemaModel[] = [];
  const enums: Record<string, string[]> = {};
  for (const m of src.matchAll(/^(model|enum)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, kind, name, body] = m;
    const lines = body!.split("\n").map((l) => l.trim()).filter(Boolean);
    if (kind === "enum") {
      enums[name!] = lines.filter((l) => !l.startsWith("@@")).map((l) => l.split(/\s+/)[0]!);
      continue;
    }
    const model: SchemaModel = { name: name!, fields: [], uniques: [], indexes: [] };
    for (const line of lines) {
      const block = line.match(/^@@(id|unique|index)\(\[([^\]]+)\]/);
      if (block) {
        const cols = block[2]!.split(",").map((c) => c.trim().replace(/\(.*$/, ""));
        (block[1] === "index" ? model.indexes : model.uniques).push(cols);
        continue;
      }
      if (line.startsWith("@@")) continue;
      const f = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!f) continue;
      const field: SchemaField = { name: f[1]!, type: f[2]!, list: !!f[3], optional: !!f[4], attrs: f[5] ?? "" };
      model.fields.push(field);
      if (/@id\b|@unique\b/.test(field.attrs)) model.uniques.push([field.name]);
    }
    models.push(model);
  }
  return { models, enums };
}

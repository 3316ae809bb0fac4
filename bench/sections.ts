// Sections of bench/results.md that a benchmark run alone (BENCH_ONLY=…, bench/mixed.ts) replaces.
import { readFileSync, writeFileSync } from "node:fs";

/**
 * Puts `section` (starting with its `## ` title line) into `file` in place of an earlier section with the
 * same title (up to the next `## `: its own `### ` subsections are part of it), or at the end.
 */
export function putSection(file: string, section: string): void {
  const title = section.slice(0, section.indexOf("\n"));
  let md = "";
  try {
    md = readFileSync(file, "utf8");
  } catch {
    /* a new file */
  }
  const start = md.indexOf(`${title}\n`);
  if (start < 0) md = `${md.trimEnd()}\n\n${section}`;
  else {
    const next = md.indexOf("\n## ", start + title.length);
    md = md.slice(0, start) + section.trimEnd() + "\n" + (next < 0 ? "" : md.slice(next));
  }
  writeFileSync(file, md.endsWith("\n") ? md : `${md}\n`);
}

// docs/domain.md states the permission table and the API routes as the code has them: its generated
// sections must equal what scripts/api-docs.ts makes from lib/auth/permissions.ts and pages/api now.
// When this fails, run `npx tsx scripts/api-docs.ts --write` and read the diff.
import { readFileSync } from "node:fs";
import { DOMAIN_DOC, renderDomainDoc } from "../../scripts/api-docs";

test("docs/domain.md's generated tables match the code", async () => {
  const current = readFileSync(DOMAIN_DOC, "utf8");
  expect(await renderDomainDoc(current)).toBe(current);
});

test("every relative link in docs/ and the README points at a file that exists", () => {
  const { existsSync, readdirSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
  const path = jest.requireActual<typeof import("node:path")>("node:path");
  const files = ["README.md", ...readdirSync("docs", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".md")).map((f) => path.join("docs", f))];
  const broken: string[] = [];
  for (const file of files) {
    for (const m of readFileSync(file, "utf8").matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/i.test(target)) continue; // http:, https:, mailto:
      if (!existsSync(path.resolve(path.dirname(file), target))) broken.push(`${file}: ${target}`);
    }
  }
  expect(broken).toEqual([]);
});

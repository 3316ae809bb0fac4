// Generates the parts of docs/domain.md that the code already states, so they cannot drift: the
// role × permission table (lib/auth/permissions.ts) and the API contract (every pages/api route file,
// every method of its apiRoute table with its permission, and the lib functions its handler calls).
//   npx tsx scripts/api-docs.ts          prints the generated sections
//   npx tsx scripts/api-docs.ts --write  rewrites them in docs/domain.md (between the markers)
// tests/integration/docs.test.ts fails when docs/domain.md is out of date.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS } from "../lib/auth/permissions";

const root = path.resolve(__dirname, "..");
export const DOMAIN_DOC = path.join(root, "docs/domain.md");

interface RouteFile {
  file: string;
  route: string;
}

function collect(dir: string, prefix: string[] = []): RouteFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      if (d.isDirectory()) return collect(path.join(dir, d.name), [...prefix, d.name]);
      if (!/\.tsx?$/.test(d.name) || d.name.endsWith(".test.ts")) return [];
      const base = d.name.replace(/\.tsx?$/, "");
      return [{ file: path.join(dir, d.name), route: "/api/" + (base === "index" ? prefix : [...prefix, base]).join("/") }];
    });
}

/** A route file's opening comment, as one line. */
function headerComment(file: string): string {
  const lines = readFileSync(file, "utf8").split("\n");
  const comment = lines.slice(0, lines.findIndex((l) => !l.startsWith("//"))).map((l) => l.replace(/^\/\/\s?/, ""));
  return comment.join(" ") || "not built with apiRoute";
}

/** Who holds a permission, e.g. "ADMIN, MANAGER, OPERATOR (own)". */
function holders(permission: string): string {
  if (permission === "public") return "anyone, signed in or not";
  if (permission === "authenticated") return "any signed-in user";
  return ROLES.filter((r) => ROLE_PERMISSIONS[r][permission as keyof (typeof ROLE_PERMISSIONS)[typeof r]])
    .map((r) => (ROLE_PERMISSIONS[r][permission as keyof (typeof ROLE_PERMISSIONS)[typeof r]] === "own" ? `${r} (own)` : r))
    .join(", ");
}

/** The functions a module imports from lib/ (HTTP plumbing, zod schemas and types left out), with their lib path. */
function libImports(file: string): Map<string, string> {
  const src = readFileSync(file, "utf8");
  const names = new Map<string, string>();
  for (const m of src.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+"([^"]+)"/g)) {
    const spec = m[3]!;
    const abs = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : undefined;
    const from = abs && path.relative(root, abs);
    if (!from?.startsWith("lib/") || m[1] || from.startsWith("lib/http/") || from.endsWith("schemas")) continue;
    for (const raw of m[2]!.split(",")) {
      const name = raw.trim();
      if (name && !name.startsWith("type ")) names.set(name, from);
    }
  }
  return names;
}

/** The module a route's default export comes from when a factory in lib/http/routes/ builds it. */
function factoryOf(file: string): string | undefined {
  const m = readFileSync(file, "utf8").match(/import\s+\{[^}]*\}\s+from\s+"@\/(lib\/http\/routes\/[^"]+)"/);
  return m ? path.join(root, `${m[1]}.ts`) : undefined;
}

/** The lib functions one method's entry of the apiRoute table calls (all imports when it cannot tell). */
function calledUseCases(file: string, method: string): string {
  const source = factoryOf(file) ?? file;
  const src = readFileSync(source, "utf8");
  const names = libImports(source);
  const table = src.slice(src.indexOf("apiRoute("));
  const keys = [...table.matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\s*:/g)];
  const at = keys.findIndex((k) => k[1] === method);
  const slice = at < 0 ? "" : table.slice(keys[at]!.index, keys[at + 1]?.index ?? table.length);
  const all = [...names.keys()];
  const used = all.filter((n) => new RegExp(`\\b${n}\\b`).test(slice));
  return (used.length ? used : all).map((n) => `\`${n}\` (${names.get(n)})`).join(", ");
}

/** The generated role × permission table. */
export function permissionTable(): string {
  const head = `| permission | ${ROLES.join(" | ")} |\n|---|${ROLES.map(() => "---").join("|")}|`;
  const rows = PERMISSIONS.map((p) => `| \`${p}\` | ${ROLES.map((r) => ROLE_PERMISSIONS[r][p] ?? "").join(" | ")} |`);
  return [head, ...rows].join("\n");
}

/** The generated API contract table: one row per route and method. */
export async function routeTable(): Promise<string> {
  const rows: string[] = ["| method | path | permission | who may call it | lib functions the handler calls |", "|---|---|---|---|---|"];
  for (const r of collect(path.join(root, "pages/api"))) {
    const mod = (await import(r.file)) as { default?: { routeMethods?: Record<string, string> } };
    const methods = mod.default?.routeMethods;
    if (!methods) {
      const what = r.route === "/api/auth/[...nextauth]" ? "next-auth's own endpoints (sign-in, sign-out, CSRF, session)" : headerComment(r.file);
      rows.push(`| any | \`${r.route}\` | — | ${what.replace(/\|/g, "\\|")} | |`);
      continue;
    }
    for (const [method, permission] of Object.entries(methods)) {
      rows.push(`| ${method} | \`${r.route}\` | \`${permission}\` | ${holders(permission)} | ${calledUseCases(r.file, method)} |`);
    }
  }
  return rows.join("\n");
}

const section = (name: string, body: string) => `<!-- generated:${name} (npx tsx scripts/api-docs.ts --write) -->\n${body}\n<!-- /generated:${name} -->`;

/** docs/domain.md with its generated sections replaced by the current ones. */
export async function renderDomainDoc(current: string): Promise<string> {
  let out = current;
  for (const [name, body] of [["permissions", permissionTable()], ["routes", await routeTable()]] as const) {
    const re = new RegExp(`<!-- generated:${name} [^>]*-->[\\s\\S]*?<!-- /generated:${name} -->`);
    if (!re.test(out)) throw new Error(`docs/domain.md has no generated:${name} markers`);
    out = out.replace(re, () => section(name, body));
  }
  return out;
}

if (require.main === module) {
  void (async () => {
    if (process.argv.includes("--write")) {
      writeFileSync(DOMAIN_DOC, await renderDomainDoc(readFileSync(DOMAIN_DOC, "utf8")));
      console.log(`updated ${path.relative(root, DOMAIN_DOC)}`);
    } else {
      console.log(`${permissionTable()}\n\n${await routeTable()}`);
    }
    process.exit(0);
  })();
}

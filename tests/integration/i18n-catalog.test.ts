// The message catalogs (messages/<locale>/<namespace>.json) and the code that reads them, checked
// together: both languages have the same keys, nothing is empty, every message is valid ICU with the
// same arguments in both languages, every key the code asks for exists and every key is asked for,
// and no user-visible text is left as a literal in a .tsx file. The code is read with the TypeScript
// compiler: a translator is a binding `const t = useTranslations("ns")` / `translator(locale, "ns")`
// (or a parameter typed `ReturnType<typeof useTranslations<"ns">>`), and its calls `t("key")`,
// `t.rich("key")`… name the keys; a template literal `t(\`state.${s}\`)` uses every key under `state.`.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import IntlMessageFormat from "intl-messageformat";
import ts from "typescript";
import { LOCALES } from "@/lib/i18n/config";
import { allMessages, type Messages } from "@/lib/i18n/messages";

const ROOT = path.join(__dirname, "..", "..");
const catalogs = allMessages();
const EN = catalogs.en;

/** Text a .tsx file may hold literally: the brand, which is never translated. Keep this list tiny. */
const LITERAL_ALLOWLIST = new Set(["MES"]);
/** JSX attributes whose text a person reads (or a screen reader speaks). */
const TEXT_ATTRIBUTES = new Set(["aria-label", "aria-description", "aria-roledescription", "aria-valuetext", "aria-placeholder", "placeholder", "title", "alt", "label"]);
/** The translator's methods that take a key (`has` only asks, so it needs no existing key). */
const KEY_METHODS = new Set(["rich", "markup", "raw", "has"]);

// ---- catalogs -------------------------------------------------------------------------------

/** Every leaf of a namespace as [dotted key, value]. */
function leaves(tree: unknown, prefix = ""): [string, unknown][] {
  if (typeof tree !== "object" || tree === null || Array.isArray(tree)) return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const keysOf = (messages: Messages) => new Map(Object.entries(messages).map(([ns, tree]) => [ns, new Map(leaves(tree))]));
const enKeys = keysOf(EN);

test("every namespace exists in every language with exactly the same keys", () => {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    if (locale === "en") continue;
    const other = keysOf(catalogs[locale]);
    for (const ns of new Set([...enKeys.keys(), ...other.keys()])) {
      const a = enKeys.get(ns);
      const b = other.get(ns);
      if (!a || !b) {
        problems.push(`${ns}: only in ${a ? "en" : locale}`);
        continue;
      }
      for (const k of a.keys()) if (!b.has(k)) problems.push(`${locale}/${ns}.json lacks ${k}`);
      for (const k of b.keys()) if (!a.has(k)) problems.push(`en/${ns}.json lacks ${k} (only in ${locale})`);
    }
  }
  expect(problems).toEqual([]);
});

test("every message is a non-empty string", () => {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    for (const [ns, keys] of keysOf(catalogs[locale])) {
      for (const [k, v] of keys) {
        if (typeof v !== "string") problems.push(`${locale}/${ns}.json ${k}: not a string (${JSON.stringify(v)})`);
        else if (!v.trim()) problems.push(`${locale}/${ns}.json ${k}: empty`);
      }
    }
  }
  expect(problems).toEqual([]);
});

/** The argument and tag names of an ICU message (its AST, recursively). */
function argumentsOf(ast: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(ast)) {
    for (const el of ast) argumentsOf(el, into);
    return into;
  }
  if (typeof ast !== "object" || ast === null) return into;
  const el = ast as { value?: unknown; type?: number; options?: Record<string, { value: unknown }>; children?: unknown };
  // Types 1–6 are arguments (plain, number, date, time, select, plural); 8 is a rich-text tag.
  if (typeof el.value === "string" && el.type !== undefined && ((el.type >= 1 && el.type <= 6) || el.type === 8)) into.add(el.type === 8 ? `<${el.value}>` : el.value);
  if (el.options) for (const o of Object.values(el.options)) argumentsOf(o.value, into);
  if (el.children) argumentsOf(el.children, into);
  return into;
}

test("every message parses as ICU, and every language uses the same arguments", () => {
  const problems: string[] = [];
  const args = new Map<string, string>();
  for (const locale of LOCALES) {
    for (const [ns, keys] of keysOf(catalogs[locale])) {
      for (const [k, v] of keys) {
        if (typeof v !== "string") continue;
        try {
          const names = [...argumentsOf(new IntlMessageFormat(v, locale).getAst())].sort().join(", ");
          const id = `${ns}.${k}`;
          const seen = args.get(id);
          if (seen === undefined) args.set(id, names);
          else if (seen !== names) problems.push(`${id}: en uses {${seen}}, ${locale} uses {${names}}`);
        } catch (err) {
          problems.push(`${locale}/${ns}.json ${k}: ${(err as Error).message}`);
        }
      }
    }
  }
  expect(problems).toEqual([]);
});

// ---- the code -------------------------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== "generated" && name !== "node_modules") out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

const files = ["components", "pages", "lib"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
const config = ts.parseJsonConfigFileContent(ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile).config, ts.sys, ROOT);
const program = ts.createProgram(files, { ...config.options, noEmit: true, incremental: false });
const checker = program.getTypeChecker();

const where = (node: ts.Node) => {
  const sf = node.getSourceFile();
  return `${path.relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
};
const literalText = (n: ts.Node | undefined): string | undefined => (n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined);

/** The namespace a call makes a translator for: `useTranslations("ns")`, `translator(l, "ns")`; "" for the root. */
function namespaceOfFactory(call: ts.Node): string | undefined {
  if (!ts.isCallExpression(call)) return undefined;
  const callee = ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : "";
  if (callee === "useTranslations" || callee === "getTranslations") return call.arguments.length ? literalText(call.arguments[0]) : "";
  if (callee === "translator") return literalText(call.arguments[1]);
  return undefined;
}

/** The namespace named in a type annotation (`ReturnType<typeof useTranslations<"ns">>`, maybe through an alias). */
function namespaceOfType(typeNode: ts.TypeNode | undefined, depth = 0): string | undefined {
  if (!typeNode || depth > 3) return undefined;
  const m = /useTranslations<\s*["']([\w.]+)["']\s*>/.exec(typeNode.getText());
  if (m) return m[1];
  if (ts.isTypeReferenceNode(typeNode)) {
    let sym = checker.getSymbolAtLocation(typeNode.typeName);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.declarations?.find(ts.isTypeAliasDeclaration);
    return decl ? namespaceOfType(decl.type, depth + 1) : undefined;
  }
  return undefined;
}

/** Calls of each function declaration, so a translator passed as an argument can be followed. */
const callsOf = new Map<ts.Node, ts.CallExpression[]>();

/** The function (declaration, or arrow/function expression bound to a name) a callee names. */
function functionOf(callee: ts.Expression): ts.SignatureDeclaration | undefined {
  let sym = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
  if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
  const decl = sym?.valueDeclaration;
  if (!decl) return undefined;
  if (ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl)) return decl;
  if (ts.isVariableDeclaration(decl) && decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer))) return decl.initializer;
  return undefined;
}

/**
 * The namespaces of the translator a callee refers to ([] when it is not one): a binding made by a
 * factory, a parameter typed with its namespace, or a parameter whose callers pass translators.
 */
function namespacesOfTranslator(expr: ts.Expression, depth = 0): string[] {
  const direct = namespaceOfFactory(expr); // translator(locale, "ns")("key")
  if (direct !== undefined) return [direct];
  if (!ts.isIdentifier(expr) || depth > 4) return [];
  const decl = checker.getSymbolAtLocation(expr)?.valueDeclaration;
  if (!decl) return [];
  if (ts.isVariableDeclaration(decl)) {
    const ns = decl.initializer ? namespaceOfFactory(decl.initializer) : namespaceOfType(decl.type);
    return ns === undefined ? [] : [ns];
  }
  if (ts.isParameter(decl)) {
    const typed = namespaceOfType(decl.type);
    if (typed !== undefined) return [typed];
    // Only parameters declared as translators are followed to their callers.
    if (!decl.type || !/translator|useTranslations|Translat|Words/.test(decl.type.getText())) return [];
    const fn = decl.parent;
    const index = fn.parameters.indexOf(decl);
    const found = new Set<string>();
    for (const call of callsOf.get(fn) ?? []) {
      const arg = call.arguments[index];
      if (arg) for (const ns of namespacesOfTranslator(arg, depth + 1)) found.add(ns);
    }
    return [...found];
  }
  return [];
}

type KeyUse = { kind: "exact" | "prefix"; key: string } | { kind: "dynamic" };

/** What a key argument names: a literal, a template's static head, each branch of `a ? "x" : "y"`. */
function keysOfArgument(arg: ts.Expression | undefined): KeyUse[] {
  if (!arg) return [{ kind: "dynamic" }];
  if (ts.isParenthesizedExpression(arg)) return keysOfArgument(arg.expression);
  const text = literalText(arg);
  if (text !== undefined) return [{ kind: "exact", key: text }];
  if (ts.isTemplateExpression(arg)) return arg.head.text ? [{ kind: "prefix", key: arg.head.text }] : [{ kind: "dynamic" }];
  if (ts.isConditionalExpression(arg)) return [...keysOfArgument(arg.whenTrue), ...keysOfArgument(arg.whenFalse)];
  return [{ kind: "dynamic" }];
}

interface Use {
  namespaces: string[];
  use: KeyUse;
  at: string;
  /** `t.has(key)` asks whether a key exists: it may name one that does not. */
  optional: boolean;
}

const uses: Use[] = [];
/** Every string literal of the code, for namespaces read with computed keys (`t(item.labelKey)`). */
const codeStrings = new Set<string>();

const scanned = program.getSourceFiles().filter((sf) => files.includes(path.normalize(sf.fileName)));
for (const sf of scanned) {
  const collect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const fn = functionOf(node.expression);
      if (fn) callsOf.set(fn, [...(callsOf.get(fn) ?? []), node]);
    }
    ts.forEachChild(node, collect);
  };
  collect(sf);
}

for (const sf of scanned) {
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== undefined) codeStrings.add(text);
    if (ts.isTemplateExpression(node)) codeStrings.add(node.head.text);
    if (ts.isCallExpression(node)) {
      let callee = node.expression;
      let method: string | undefined;
      if (ts.isPropertyAccessExpression(callee) && KEY_METHODS.has(callee.name.text)) {
        method = callee.name.text;
        callee = callee.expression;
      }
      const namespaces = namespacesOfTranslator(callee);
      // Several namespaces (a helper called with different translators): the key is looked up in each.
      if (namespaces.length) for (const use of keysOfArgument(node.arguments[0])) uses.push({ namespaces, use, at: where(node), optional: method === "has" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

/** A key of the English catalog as "ns.key", given a binding's namespace ("" = root, "mos.create" = nested). */
const full = (ns: string, key: string) => (ns ? `${ns}.${key}` : key);
const allKeys = [...enKeys].flatMap(([ns, keys]) => [...keys.keys()].map((k) => `${ns}.${k}`));
const allKeySet = new Set(allKeys);

test("the code's translators were found (the scan works)", () => {
  expect(uses.length).toBeGreaterThan(20);
  expect(uses.some((u) => u.namespaces.includes("errors") && u.use.kind === "prefix" && u.use.key === "code.")).toBe(true);
});

test("every key the code uses exists in the catalogs", () => {
  const problems: string[] = [];
  for (const { namespaces, use, at, optional } of uses) {
    if (optional || use.kind === "dynamic") continue;
    const ids = namespaces.map((ns) => full(ns, use.key));
    if (use.kind === "exact" && !ids.some((id) => allKeySet.has(id))) problems.push(`${at}: ${ids.join(" | ")} is not in the catalogs`);
    if (use.kind === "prefix" && !ids.some((id) => allKeys.some((k) => k.startsWith(id)))) problems.push(`${at}: no key starts with ${ids.join(" | ")}`);
  }
  expect(problems).toEqual([]);
});

test("every key in the catalogs is used by the code", () => {
  const exact = new Set(uses.flatMap((u) => (u.use.kind === "exact" ? u.namespaces.map((ns) => full(ns, (u.use as { key: string }).key)) : [])));
  const prefixes = uses.flatMap((u) => (u.use.kind === "prefix" ? u.namespaces.map((ns) => full(ns, (u.use as { key: string }).key)) : []));
  // A namespace read with computed keys (`t(item.labelKey)`): its keys count as used when the code
  // spells them somewhere (a map of keys in a .ts file), whole or as a "prefix." of a template.
  const dynamic = new Set(uses.filter((u) => u.use.kind === "dynamic").flatMap((u) => u.namespaces));
  const spelled = (rel: string) => codeStrings.has(rel) || [...codeStrings].some((s) => s.length > 1 && s.endsWith(".") && rel.startsWith(s));
  const unused = allKeys.filter((id) => {
    if (exact.has(id) || prefixes.some((p) => id.startsWith(p))) return false;
    const owner = [...dynamic].find((ns) => ns === "" || id.startsWith(`${ns}.`));
    return owner === undefined || !(spelled(owner ? id.slice(owner.length + 1) : id) || spelled(id));
  });
  const computed = uses.filter((u) => u.use.kind === "dynamic").map((u) => `${u.at} (${u.namespaces.join(" | ") || "root"})`);
  // The places that read keys the scan cannot see, shown only to explain a failure.
  expect({ unused, readWithComputedKeys: unused.length ? computed : [] }).toEqual({ unused: [], readWithComputedKeys: [] });
});

// ---- literal text in JSX --------------------------------------------------------------------

const hasLetter = (s: string) => /\p{L}/u.test(s);

/** String literals an expression can evaluate to (branches of ?:, operands of ?? || &&, template text). */
function shownStrings(expr: ts.Expression): ts.Node[] {
  if (ts.isParenthesizedExpression(expr)) return shownStrings(expr.expression);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return [expr];
  if (ts.isTemplateExpression(expr)) return [expr.head, ...expr.templateSpans.map((s) => s.literal)];
  if (ts.isConditionalExpression(expr)) return [...shownStrings(expr.whenTrue), ...shownStrings(expr.whenFalse)];
  if (ts.isBinaryExpression(expr) && [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(expr.operatorToken.kind)) return [...shownStrings(expr.left), ...shownStrings(expr.right)];
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return shownStrings(expr.right);
  return [];
}

const textOf = (n: ts.Node) => (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateLiteralToken(n) ? n.text : n.getText());

/** Every user-visible literal of a .tsx file, as "file:line: text". */
function literalsIn(sf: ts.SourceFile): string[] {
  const problems: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const t = text.replace(/\s+/g, " ").trim();
    if (hasLetter(t) && !LITERAL_ALLOWLIST.has(t)) problems.push(`${where(node)}: ${JSON.stringify(t)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const s of shownStrings(node.expression)) report(s, textOf(s));
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression) for (const s of shownStrings(init.expression)) report(s, textOf(s));
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return problems;
}

test("the literal scan finds text, text attributes and string children, and lets keys, classes and the brand pass", () => {
  const sample = ts.createSourceFile(
    path.join(ROOT, "sample.tsx"),
    `export const A = ({ busy, t }) => (
      <div className="mt-4" data-testid="x" aria-label="Close dialog">
        Hello
        <img alt="Logo" src="/a.svg" />
        {busy ? "Saving…" : t("save")}
        {\`Page \${1}\`}
        <Field label={t("name")} placeholder={"e.g. Frame"} title={t("x")} />
        <span>MES</span> {" "} — {42}
      </div>
    );`,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  expect(literalsIn(sample).map((p) => p.replace(/^sample\.tsx:\d+: /, ""))).toEqual(['"Close dialog"', '"Hello"', '"Logo"', '"Saving…"', '"Page"', '"e.g. Frame"']);
});

test("no user-visible literal text in .tsx files (JSX text, text attributes, string children)", () => {
  const problems = scanned.filter((sf) => sf.fileName.endsWith(".tsx")).flatMap(literalsIn);
  expect(problems).toEqual([]);
});

// The message catalogs (messages/<locale>/<namespace>.json) read by the browser tests, so a Dutch test
// states what it expects in English — the text the English tests already select by — and finds the
// Dutch through the catalogs: `dutch("Manager dashboard")`. That keeps the tests independent of key
// names and of the exact Dutch wording, while still failing when a screen shows English to a Dutch
// user (the Dutch text is never the English one, except for words both languages share).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { IntlMessageFormat } from "intl-messageformat";

type Tree = { [key: string]: string | Tree };
type Catalog = Map<string, string>;

const MESSAGES = path.resolve("messages");
const cache = new Map<string, Catalog>();

function flatten(tree: Tree, prefix: string, out: Catalog): void {
  for (const [k, v] of Object.entries(tree)) {
    const key = `${prefix}.${k}`;
    if (typeof v === "string") out.set(key, v);
    else flatten(v, key, out);
  }
}

/** Every message of a language as "namespace.path.key" → ICU text (read once per test file). */
export function catalog(locale: "en" | "nl"): Catalog {
  let c = cache.get(locale);
  if (!c) {
    c = new Map();
    const dir = path.join(MESSAGES, locale);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      flatten(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Tree, file.replace(/\.json$/, ""), c);
    }
    cache.set(locale, c);
  }
  return c;
}

/** The namespaces (one per catalog file). */
export function namespaces(): string[] {
  return readdirSync(path.join(MESSAGES, "nl"))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.replace(/\.json$/, ""));
}

/** One message, formatted like next-intl does (ICU; rich-text tags are reduced to their text). */
export function message(locale: "en" | "nl", key: string, params: Record<string, string | number | Date> = {}): string {
  const text = catalog(locale).get(key);
  if (text === undefined) throw new Error(`messages/${locale}: no message ${key}`);
  const tags = Object.fromEntries([...text.matchAll(/<(\w+)>/g)].map((m) => [m[1]!, (chunks: unknown[]) => chunks.join("")]));
  const out = new IntlMessageFormat(text, locale).format({ ...tags, ...params });
  return (Array.isArray(out) ? out.join("") : String(out)).replace(/[\u00a0\u202f]/g, " ");
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The English message as a pattern when it has only plain arguments ("Start {code}" → /^Start (.+)$/
 * with the names of the arguments), else null (plurals and selects are looked up by key instead).
 */
function simplePattern(text: string): { re: RegExp; names: string[] } | null {
  if (/\{[^}]*,/.test(text) || text.includes("<") || text.includes("'")) return null;
  const names: string[] = [];
  const source = text
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      if (!m) return escapeRe(part);
      names.push(m[1]!);
      return "(.+?)";
    })
    .join("");
  // Only a message with words of its own: "{a} {b}" would match any text and say nothing.
  const literal = text.replace(/\{\w+\}/g, "");
  return names.length && /\p{L}/u.test(literal) ? { re: new RegExp(`^${source}$`), names } : null;
}

/**
 * What a Dutch user sees where an English user sees `english` (the text on the screen, arguments
 * filled in: "Start WO-000001-10"). Every catalog message whose English reads so counts; a plain
 * argument is carried over to the Dutch message. Several results when namespaces translate the same
 * English differently. Throws when no English message reads so (the screen is not translated yet).
 */
export function dutch(english: string): string[] {
  const en = catalog("en");
  const found = new Set<string>();
  for (const [key, text] of en) {
    if (text === english) {
      found.add(message("nl", key));
      continue;
    }
    const p = simplePattern(text);
    const m = p?.re.exec(english);
    if (p && m) found.add(message("nl", key, Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!]))));
  }
  if (!found.size) throw new Error(`no message in messages/en/*.json reads "${english}": is this text translated yet?`);
  return [...found];
}

/** `dutch(english)` as a pattern for a locator's text or name: exact unless `partial`. */
export function dutchRe(english: string, partial = false): RegExp {
  const alternatives = dutch(english).map(escapeRe).join("|");
  return partial ? new RegExp(`(?:${alternatives})`) : new RegExp(`^(?:${alternatives})$`);
}

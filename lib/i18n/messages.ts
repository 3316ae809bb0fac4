// Server-only: the message catalogs, read from messages/<locale>/<namespace>.json. Each file is one
// namespace (its name), so screens of different areas keep their words apart and a page can be given
// the namespaces it needs. Read once per process.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { LOCALES, type Locale } from "./config";

export type Messages = Record<string, Record<string, unknown>>;

const cache = new Map<Locale, Messages>();

/** The folder of the catalogs (the repository's messages/; MESSAGES_DIR for tests of broken catalogs). */
export function messagesDir(): string {
  return process.env.MESSAGES_DIR ?? path.join(process.cwd(), "messages");
}

/** Every namespace of a language, as `{ [namespace]: messages }`. */
export function messagesFor(locale: Locale): Messages {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(messagesDir(), locale);
  const out: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    out[file.slice(0, -".json".length)] = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Record<string, unknown>;
  }
  cache.set(locale, out);
  return out;
}

/** The catalogs of every language (for the parity test). */
export function allMessages(): Record<Locale, Messages> {
  return Object.fromEntries(LOCALES.map((l) => [l, messagesFor(l)])) as Record<Locale, Messages>;
}

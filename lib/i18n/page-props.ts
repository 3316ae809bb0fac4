// Server-only: what every server-rendered page hands to the NextIntlClientProvider in pages/_app.tsx
// (the language, its catalogs, the factory's time zone and the render time, so the server and the
// browser format dates identically and hydration matches).
import type { IncomingMessage } from "node:http";
import { env } from "../env";
import { resolveLocale, type Locale } from "./config";
import { messagesFor, type Messages } from "./messages";

/** The i18n part of a page's props (pages/_app.tsx reads it; the 404 page makes its own). */
export interface I18nProps {
  locale: Locale;
  messages: Messages;
  timeZone: string;
  /** Milliseconds since the epoch when the server rendered the page (next-intl's `now`). */
  now: number;
}

/** The factory's time zone (FACTORY_TIME_ZONE, which defaults to the server's zone in lib/env.ts). */
export function factoryTimeZone(): string {
  return env().FACTORY_TIME_ZONE;
}

/** The i18n props for a request: the saved preference (null: follow the browser), else Accept-Language. */
export function i18nProps(req: Pick<IncomingMessage, "headers">, preference: string | null | undefined): I18nProps {
  const locale = resolveLocale(preference, req.headers["accept-language"]);
  return { locale, messages: messagesFor(locale), timeZone: factoryTimeZone(), now: Date.now() };
}

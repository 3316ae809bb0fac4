import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/config";

export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  // The language the page guard (or the sign-in page) chose, so screen readers and axe read the
  // page in it from the first byte; the static 404 page corrects it in the browser.
  const chosen: unknown = __NEXT_DATA__.props?.pageProps?.locale;
  return (
    <Html lang={isLocale(chosen) ? chosen : DEFAULT_LOCALE}>
      <Head>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <meta name="theme-color" content="#171717" />
        {/* Installable as an app on the shop-floor tablet (docs/domain.md "Offline tablet"). */}
        <link rel="manifest" href="/manifest.webmanifest" />
        <link rel="apple-touch-icon" href="/icons/apple-touch-icon.png" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}

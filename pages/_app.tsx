import type { AppProps } from "next/app";
import Head from "next/head";
import { SWRConfig } from "swr";
import { swrConfig } from "@/components/swr";
import "@/styles/globals.css";

export default function App({ Component, pageProps }: AppProps) {
  return (
    <SWRConfig value={swrConfig}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>MES</title>
      </Head>
      <Component {...pageProps} />
    </SWRConfig>
  );
}

import Head from "next/head";
import Link from "next/link";
import { LogoMark } from "@/components/AppShell";
import { buttonClass } from "@/components/ui/Button";

/** Shown for any address that is not a page of the app (static: it works signed in or out). */
export default function NotFoundPage() {
  return (
    <div className="flex min-h-screen flex-col items-center justify-center bg-neutral-100 px-4 py-12">
      <Head>
        <title>Page not found · MES</title>
      </Head>
      <main data-testid="not-found" className="w-full max-w-md rounded-xl border border-neutral-200 bg-white px-6 py-10 text-center shadow-sm">
        <LogoMark className="mx-auto h-10 w-10" />
        <p className="mt-6 text-sm font-semibold text-neutral-500">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900">Page not found</h1>
        <p className="mt-2 text-base text-neutral-600">The address may be mistyped, or the page has moved.</p>
        <Link href="/" className={`mt-6 ${buttonClass("primary", "lg")}`}>
          Go to the dashboard
        </Link>
      </main>
    </div>
  );
}

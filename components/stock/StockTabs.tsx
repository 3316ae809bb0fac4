import Link from "next/link";
import { useRouter } from "next/router";
import { focusRing } from "../ui/styles";

const TABS = [
  { href: "/stock", label: "Levels" },
  { href: "/stock/ledger", label: "Ledger" },
] as const;

/** Switches between the stock levels and the ledger. */
export function StockTabs() {
  const { pathname } = useRouter();
  return (
    <nav aria-label="Stock" className="border-b border-neutral-200">
      <ul className="flex gap-2">
        {TABS.map((t) => {
          const active = pathname === t.href;
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-12 items-center border-b-2 px-4 text-base font-medium ${active ? "border-neutral-900 text-neutral-900" : "border-transparent text-neutral-600 hover:text-neutral-900"} ${focusRing}`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/router";
import { focusRing } from "../ui/styles";

// `ns`: the catalog that names the tab (the transfer, count and lot tabs came with their own namespace).
const TABS = [
  { href: "/stock", label: "levels", ns: "stock" },
  { href: "/stock/ledger", label: "ledger", ns: "stock" },
  { href: "/stock/locations", label: "locations", ns: "stock" },
  { href: "/stock/transfers", label: "transfers", ns: "moves" },
  { href: "/stock/counts", label: "counts", ns: "moves" },
  { href: "/stock/lots", label: "lots", ns: "moves" },
] as const;

/** Switches between the stock screens (levels, ledger, locations, transfers, counts, lots). */
export function StockTabs() {
  const t = useTranslations("stock");
  const tm = useTranslations("moves");
  const { pathname } = useRouter();
  return (
    <nav aria-label={t("tabs.label")} className="border-b border-neutral-200">
      <ul className="flex flex-wrap gap-2">
        {TABS.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-12 items-center border-b-2 px-4 text-base font-medium ${active ? "border-neutral-900 text-neutral-900" : "border-transparent text-neutral-600 hover:text-neutral-900"} ${focusRing}`}
              >
                {tab.ns === "moves" ? tm(`tabs.${tab.label}`) : t(`tabs.${tab.label}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

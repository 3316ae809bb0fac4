import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/router";
import { focusRing } from "../ui/styles";

const TABS = [
  { href: "/stock", label: "levels" },
  { href: "/stock/ledger", label: "ledger" },
  { href: "/stock/locations", label: "locations" },
] as const;

/** Switches between the stock levels and the ledger. */
export function StockTabs() {
  const t = useTranslations("stock");
  const { pathname } = useRouter();
  return (
    <nav aria-label={t("tabs.label")} className="border-b border-neutral-200">
      <ul className="flex gap-2">
        {TABS.map((tab) => {
          const active = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-12 items-center border-b-2 px-4 text-base font-medium ${active ? "border-neutral-900 text-neutral-900" : "border-transparent text-neutral-600 hover:text-neutral-900"} ${focusRing}`}
              >
                {t(`tabs.${tab.label}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

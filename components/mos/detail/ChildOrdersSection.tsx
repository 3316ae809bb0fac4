import { useTranslations } from "next-intl";
import Link from "next/link";
import { formatNumber } from "../../format";
import { MoStateBadge } from "../badges";
import { Section } from "../PageHeader";
import type { MoDetail } from "../types";

type Node = MoDetail["descendants"][number];

/**
 * Sub-assembly links: the order this one is made for (its parent) and the tree of every order below
 * it (children, their children…), each linked to its own page. Nothing when the order has neither.
 */
export function ChildOrdersSection({ mo }: { mo: MoDetail }) {
  const t = useTranslations("mos");
  if (!mo.parent && mo.descendants.length === 0) return null;
  const below = new Map<string, Node[]>();
  for (const d of mo.descendants) below.set(d.parentId, [...(below.get(d.parentId) ?? []), d]);

  const branch = (parentId: string) => {
    const nodes = below.get(parentId);
    if (!nodes?.length) return null;
    return (
      <ul className={parentId === mo.id ? "space-y-2" : "mt-2 space-y-2 border-l-2 border-neutral-200 pl-4"}>
        {nodes.map((n) => (
          <li key={n.id} data-testid="child-order" data-order-no={n.orderNo} data-depth={n.depth}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <Link href={`/mos/${n.id}`} className="font-semibold text-blue-700 hover:underline">
                {n.orderNo}
              </Link>
              <span className="text-neutral-800">{t("children.line", { quantity: formatNumber(n.quantity), sku: n.product.sku, name: n.product.name })}</span>
              <MoStateBadge state={n.state} />
              <span className="sr-only">{t("children.level", { depth: n.depth })}</span>
            </div>
            {branch(n.id)}
          </li>
        ))}
      </ul>
    );
  };

  return (
    <Section title={t("children.title")} testId="child-orders">
      <div className="space-y-4 p-4 sm:p-5">
        {mo.parent && (
          <p className="text-sm text-neutral-700" data-testid="parent-order">
            {t("children.madeFor")}{" "}
            <Link href={`/mos/${mo.parent.id}`} className="font-semibold text-blue-700 hover:underline">
              {mo.parent.orderNo}
            </Link>{" "}
            <MoStateBadge state={mo.parent.state} />
          </p>
        )}
        {mo.descendants.length > 0 && (
          <div>
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-neutral-500">{t("children.tree")}</p>
            {branch(mo.id)}
          </div>
        )}
      </div>
    </Section>
  );
}

import { useTranslations } from "next-intl";
import Link from "next/link";
import type { Me } from "../types";
import { focusRing } from "../ui/styles";
import { hasPermission } from "../useMe";
import { DASHBOARDS } from "./content";
import { InventoryDashboard } from "./InventoryDashboard";
import { OperatorDashboard } from "./OperatorDashboard";
import { PlantDashboard } from "./PlantDashboard";
import { SalesDashboard } from "./SalesDashboard";

function RoleBody({ me }: { me: Me }) {
  switch (me.user.role) {
    case "OPERATOR":
      return <OperatorDashboard />;
    case "INVENTORY":
      return <InventoryDashboard />;
    case "SALES":
      return <SalesDashboard />;
    default:
      return <PlantDashboard canExport={hasPermission(me, "reports:read")} />;
  }
}

/** The dashboard of the signed-in user's role. */
export function RoleDashboard({ me }: { me: Me }) {
  const t = useTranslations("dashboard");
  const role = me.user.role;
  const content = DASHBOARDS[role];
  const links = content.links.filter((l) => hasPermission(me, l.permission));
  return (
    <section data-testid={`dashboard-${role}`} aria-labelledby="dashboard-title" className="space-y-6">
      <div>
        <p className="text-sm font-medium text-neutral-500">
          {t(`roles.${role}`)} · {me.user.name}
        </p>
        <h1 id="dashboard-title" className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">
          {t(`content.${role}.heading`)}
        </h1>
        <p className="mt-2 max-w-2xl text-base text-neutral-600">{t(`content.${role}.summary`)}</p>
      </div>

      {links.length > 0 && (
        <ul className="grid gap-4 sm:grid-cols-2">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className={`block rounded-lg border border-neutral-200 bg-white p-5 shadow-sm hover:border-neutral-400 ${focusRing}`}>
                <span className="text-base font-semibold text-neutral-900">{t(`links.${l.key}.label`)} →</span>
                <span className="mt-1 block text-sm text-neutral-600">{t(`links.${l.key}.description`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      <RoleBody me={me} />
    </section>
  );
}

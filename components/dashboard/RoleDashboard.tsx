import Link from "next/link";
import { ROLE_LABELS, type Me } from "../types";
import { focusRing } from "../ui/styles";
import { hasPermission } from "../useMe";
import { DASHBOARDS } from "./content";

/** The dashboard of the signed-in user's role. */
export function RoleDashboard({ me }: { me: Me }) {
  const role = me.user.role;
  const content = DASHBOARDS[role];
  const links = content.links.filter((l) => hasPermission(me, l.permission));
  return (
    <section data-testid={`dashboard-${role}`} aria-labelledby="dashboard-title" className="space-y-6">
      <div>
        <p className="text-sm font-medium text-neutral-500">
          {ROLE_LABELS[role]} · {me.user.name}
        </p>
        <h1 id="dashboard-title" className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">
          {content.heading}
        </h1>
        <p className="mt-2 max-w-2xl text-base text-neutral-600">{content.summary}</p>
      </div>

      {links.length > 0 && (
        <ul className="grid gap-4 sm:grid-cols-2">
          {links.map((l) => (
            <li key={l.href}>
              <Link href={l.href} className={`block rounded-lg border border-neutral-200 bg-white p-5 shadow-sm hover:border-neutral-400 ${focusRing}`}>
                <span className="text-base font-semibold text-neutral-900">{l.label} →</span>
                <span className="mt-1 block text-sm text-neutral-600">{l.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      <div className="rounded-lg border border-dashed border-neutral-300 bg-white p-5">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-neutral-500">Coming to this dashboard</h2>
        <ul className="mt-3 space-y-2">
          {content.upcoming.map((item) => (
            <li key={item} className="flex gap-3 text-base text-neutral-700">
              <span className="mt-2.5 h-1.5 w-1.5 shrink-0 rounded-full bg-neutral-400" aria-hidden="true" />
              {item}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

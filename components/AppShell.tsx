import { useTranslations } from "next-intl";
import Head from "next/head";
import Link from "next/link";
import { useRouter } from "next/router";
import type { ReactNode } from "react";
import { useErrorText } from "./forms/messages";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { NAV_ITEMS, isActive } from "./nav";
import { NotificationBell } from "./realtime/NotificationBell";
import { SignOutButton } from "./SignOutButton";
import type { Me } from "./types";
import { ErrorState, LoadingState } from "./ui/States";
import { focusRing } from "./ui/styles";
import { MeContext, hasPermission, useMe } from "./useMe";
import { useRoleLabel } from "./users/useRoleLabel";
import { OfflineConflicts } from "./offline/QueuedActions";

/** The frame of every signed-in page: header, navigation filtered by permission, and the page. */
export function AppShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useTranslations("shell");
  const errorText = useErrorText();
  const { me, error, unauthenticated, reload } = useMe();

  let body: ReactNode;
  if (me)
    body = (
      <MeContext.Provider value={me}>
        <OfflineConflicts />
        {children}
      </MeContext.Provider>
    );
  else if (unauthenticated) body = <LoadingState label={t("redirecting")} />;
  else if (error) body = <ErrorState title={t("accountFailed")} message={errorText(error)} onRetry={reload} />;
  else body = <LoadingState />;

  return (
    <div className="min-h-screen bg-neutral-50">
      <Head>
        <title>{t("documentTitle", { title })}</title>
      </Head>
      <a href="#main" className={`sr-only rounded-md bg-white px-4 py-2 focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 ${focusRing}`}>
        {t("skipToContent")}
      </a>
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/" prefetch={false} className={`flex items-center gap-2 rounded-md text-lg font-bold tracking-tight text-neutral-900 ${focusRing}`}>
            <LogoMark />
            {/* The brand, never translated. */}
            MES
          </Link>
          {me && (
            <div className="flex items-center gap-4">
              <NotificationBell />
              <UserBadge me={me} />
              <LanguageSwitcher me={me} />
              <SignOutButton />
            </div>
          )}
        </div>
        {me && <MainNav me={me} />}
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {body}
      </main>
    </div>
  );
}

function UserBadge({ me }: { me: Me }) {
  const roleLabel = useRoleLabel();
  return (
    <div className="min-w-0 text-right leading-tight" data-testid="current-user">
      <p className="truncate text-sm font-medium text-neutral-900">{me.user.name}</p>
      <p className="text-xs text-neutral-500">{roleLabel(me.user.role)}</p>
    </div>
  );
}

function MainNav({ me }: { me: Me }) {
  const t = useTranslations("shell");
  const { pathname } = useRouter();
  const items = NAV_ITEMS.filter((item) => hasPermission(me, item.permission, item.allRecords));
  return (
    <nav aria-label={t("nav.label")} className="mx-auto max-w-6xl overflow-x-auto px-1 sm:px-3">
      <ul className="flex gap-1">
        {items.map((item) => {
          const active = isActive(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                // Not fetched ahead while a page loads (every visible link's page would be, the dashboard's
                // charts among them: more JavaScript than the page's own on a tablet's first load); a
                // pointer hovering a link still fetches it ahead (docs/performance.md, "Pages").
                prefetch={false}
                aria-current={active ? "page" : undefined}
                className={`inline-flex h-12 items-center border-b-2 px-3 text-sm font-medium ${
                  active ? "border-neutral-900 text-neutral-900" : "border-transparent text-neutral-600 hover:border-neutral-300 hover:text-neutral-900"
                } ${focusRing}`}
              >
                {t(`nav.${item.label}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The product mark: three stacked bars, like a production schedule. */
export function LogoMark({ className = "h-7 w-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 28 28" className={className} aria-hidden="true">
      <rect width="28" height="28" rx="6" className="fill-neutral-900" />
      <rect x="6" y="7" width="16" height="3" rx="1.5" className="fill-white" />
      <rect x="6" y="12.5" width="11" height="3" rx="1.5" className="fill-white/80" />
      <rect x="6" y="18" width="13" height="3" rx="1.5" className="fill-white/60" />
    </svg>
  );
}

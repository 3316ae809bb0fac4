import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { PinSettings } from "@/components/station/PinSettings";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage(null);

/** One's own profile: the station PIN (docs/stations.md). */
export default function ProfilePage() {
  const t = useTranslations("station.profile");
  return (
    <AppShell title={t("title")}>
      <div className="mx-auto max-w-3xl space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
        <PinSettings />
      </div>
    </AppShell>
  );
}

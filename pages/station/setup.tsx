import type { GetServerSideProps } from "next";
import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { StationSetup } from "@/components/station/StationSetup";
import { guardPage, type GuardProps } from "@/lib/auth/page-guard";
import { env } from "@/lib/env";

const guard = guardPage("stations:manage");

export const getServerSideProps: GetServerSideProps<GuardProps & { idleMinutes?: number }> = async (ctx) => {
  const out = await guard(ctx);
  return "props" in out ? { props: { ...(await out.props), idleMinutes: env().STATION_IDLE_MINUTES } } : out;
};

/** Stations: shared work-center tablets, set up and opened by a manager (stations:manage). */
export default function StationSetupPage({ idleMinutes = 5 }: { idleMinutes?: number }) {
  const t = useTranslations("shell");
  return (
    <AppShell title={t("nav.stations")}>
      <RequirePermission permission="stations:manage">
        <StationSetup idleMinutes={idleMinutes} />
      </RequirePermission>
    </AppShell>
  );
}

import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { LoadingState } from "@/components/ui/States";
import { WoDetailView } from "@/components/workorders/detail/WoDetailView";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("wo:read");

/** One work order (wo:read; an operator only their own): status, actions, parts, comments, time logs. */
export default function WorkOrderPage() {
  const t = useTranslations("workorders");
  const { query, isReady } = useRouter();
  const id = typeof query.id === "string" ? query.id : null;
  return (
    <AppShell title={t("pages.detail")}>
      <RequirePermission permission="wo:read">{isReady && id ? <WoDetailView key={id} id={id} /> : <LoadingState />}</RequirePermission>
    </AppShell>
  );
}

import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { AppShell } from "@/components/AppShell";
import { MoDetailView } from "@/components/mos/detail/MoDetailView";
import { RequirePermission } from "@/components/RequirePermission";
import { LoadingState } from "@/components/ui/States";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("mo:read");

/** One manufacturing order (mo:read; the API hides orders an operator has no work order in). */
export default function MoDetailPage() {
  const t = useTranslations("mos");
  const { query, isReady } = useRouter();
  const id = typeof query.id === "string" ? query.id : null;
  return (
    <AppShell title={t("pages.detail")}>
      <RequirePermission permission="mo:read">{isReady && id ? <MoDetailView id={id} /> : <LoadingState />}</RequirePermission>
    </AppShell>
  );
}

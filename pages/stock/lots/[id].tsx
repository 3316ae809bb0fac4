import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { AppShell } from "@/components/AppShell";
import { LotView } from "@/components/lots/LotView";
import { RequirePermission } from "@/components/RequirePermission";
import { LoadingState } from "@/components/ui/States";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** One lot: where it is, what it was made from and what it went into (stock:read). */
export default function LotPage() {
  const t = useTranslations("lots");
  const { query, isReady } = useRouter();
  const id = typeof query.id === "string" ? query.id : null;
  return (
    <AppShell title={t("detail.title")}>
      <RequirePermission permission="stock:read">{isReady && id ? <LotView id={id} /> : <LoadingState />}</RequirePermission>
    </AppShell>
  );
}

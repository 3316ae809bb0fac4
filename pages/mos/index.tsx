import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { MoList } from "@/components/mos/list/MoList";
import { RequireAllRecords } from "@/components/RequireAllRecords";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("mo:read", { allRecords: true });

/** Manufacturing orders (mo:read for every order). */
export default function MosPage() {
  const t = useTranslations("mos");
  return (
    <AppShell title={t("pages.list")}>
      <RequireAllRecords permission="mo:read">
        <MoList />
      </RequireAllRecords>
    </AppShell>
  );
}

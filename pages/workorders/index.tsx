import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequireAllRecords } from "@/components/RequireAllRecords";
import { Board } from "@/components/workorders/board/Board";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("wo:read", { allRecords: true });

/** The work-order board (wo:read for every work order). */
export default function WorkOrdersPage() {
  const t = useTranslations("workorders");
  return (
    <AppShell title={t("pages.board")}>
      <RequireAllRecords permission="wo:read">
        <Board />
      </RequireAllRecords>
    </AppShell>
  );
}

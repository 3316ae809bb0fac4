import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { StageBoard } from "@/components/mos/board/StageBoard";
import { RequireAllRecords } from "@/components/RequireAllRecords";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("mo:read", { allRecords: true });

/** The stage board: open orders by their current operation (mo:read for every order). */
export default function StageBoardPage() {
  const t = useTranslations("board");
  return (
    <AppShell title={t("pageTitle")}>
      <RequireAllRecords permission="mo:read">
        <StageBoard />
      </RequireAllRecords>
    </AppShell>
  );
}

import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { MoCreateForm } from "@/components/mos/create/MoCreateForm";
import { RequirePermission } from "@/components/RequirePermission";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("mo:write");

/** Create a manufacturing order (mo:write). */
export default function NewMoPage() {
  const t = useTranslations("mos");
  return (
    <AppShell title={t("pages.new")}>
      <RequirePermission permission="mo:write">
        <MoCreateForm />
      </RequirePermission>
    </AppShell>
  );
}

import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequirePermission } from "@/components/RequirePermission";
import { WebhooksAdmin } from "@/components/webhooks/WebhooksAdmin";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("webhooks:manage");

/** Webhooks: other systems told of the factory's events (webhooks:manage: admins). */
export default function WebhooksPage() {
  const t = useTranslations("shell");
  return (
    <AppShell title={t("nav.webhooks")}>
      <RequirePermission permission="webhooks:manage">
        <WebhooksAdmin />
      </RequirePermission>
    </AppShell>
  );
}

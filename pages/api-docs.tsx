import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { ApiDocs } from "@/components/apidocs/ApiDocs";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage(null);

/** The API reference (any signed-in user): the OpenAPI document, readable. */
export default function ApiDocsPage() {
  const t = useTranslations("apidocs");
  return (
    <AppShell title={t("title")}>
      <ApiDocs />
    </AppShell>
  );
}

import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { RequirePermission } from "@/components/RequirePermission";
import { ErrorState, LoadingState } from "@/components/ui/States";
import { MeContext, useMe } from "@/components/useMe";
import { WoSheetPage } from "@/components/workorders/detail/WoSheet";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("wo:read");

/**
 * The printable work order sheet (wo:read). Deliberately without the app's header and navigation:
 * what is on screen is what comes out of the printer, plus a toolbar that does not print.
 */
export default function WorkOrderPrintPage() {
  const t = useTranslations("workorders");
  const { query, isReady } = useRouter();
  const { me, error, unauthenticated, reload } = useMe();
  const id = typeof query.id === "string" ? query.id : null;

  if (!me) {
    if (error && !unauthenticated) return <ErrorState title={t("print.accountError")} message={error.message} onRetry={reload} />;
    return <LoadingState label={unauthenticated ? t("print.redirecting") : t("print.loading")} />;
  }
  return (
    <MeContext.Provider value={me}>
      <RequirePermission permission="wo:read">{isReady && id ? <WoSheetPage id={id} /> : <LoadingState />}</RequirePermission>
    </MeContext.Provider>
  );
}

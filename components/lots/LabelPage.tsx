import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import type { ReactNode } from "react";
import { RequirePermission } from "../RequirePermission";
import { ErrorState, LoadingState } from "../ui/States";
import { MeContext, useMe } from "../useMe";

/**
 * The frame of a label page (stock:read): like the WO sheet, without the app's header and navigation,
 * so what is on screen is what is printed. `render` gets the `[id]` of the address.
 */
export function LabelPage({ render }: { render: (id: string) => ReactNode }) {
  const t = useTranslations("lots");
  const { query, isReady } = useRouter();
  const { me, error, unauthenticated, reload } = useMe();
  const id = typeof query.id === "string" ? query.id : null;
  if (!me) {
    if (error && !unauthenticated) return <ErrorState title={t("label.accountError")} message={error.message} onRetry={reload} />;
    return <LoadingState label={unauthenticated ? t("label.redirecting") : t("label.loading")} />;
  }
  return (
    <MeContext.Provider value={me}>
      <RequirePermission permission="stock:read">{isReady && id ? render(id) : <LoadingState />}</RequirePermission>
    </MeContext.Provider>
  );
}

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
  const { query } = useRouter();
  const id = typeof query.id === "string" ? query.id : null;
  return <LabelFrameGuard ready={id !== null}>{id !== null && render(id)}</LabelFrameGuard>;
}

/** The same frame for a sheet of several lots: `render` gets the ids of `?ids=a,b,…` (ill-formed ones left out). */
export function LabelsPage({ render }: { render: (ids: string[]) => ReactNode }) {
  const { query } = useRouter();
  const raw = typeof query.ids === "string" ? query.ids : "";
  const ids = [...new Set(raw.split(",").filter((v) => /^[0-9a-f-]{36}$/i.test(v)))];
  return <LabelFrameGuard ready>{render(ids)}</LabelFrameGuard>;
}

function LabelFrameGuard({ ready, children }: { ready: boolean; children: ReactNode }) {
  const t = useTranslations("lots");
  const { isReady } = useRouter();
  const { me, error, unauthenticated, reload } = useMe();
  if (!me) {
    if (error && !unauthenticated) return <ErrorState title={t("label.accountError")} message={error.message} onRetry={reload} />;
    return <LoadingState label={unauthenticated ? t("label.redirecting") : t("label.loading")} />;
  }
  return (
    <MeContext.Provider value={me}>
      <RequirePermission permission="stock:read">{isReady && ready ? children : <LoadingState />}</RequirePermission>
    </MeContext.Provider>
  );
}

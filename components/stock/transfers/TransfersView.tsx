import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Notice } from "../../ui/Notice";
import { hasPermission, useSignedInUser } from "../../useMe";
import { StockTabs } from "../StockTabs";
import { RecentTransfers } from "./RecentTransfers";
import { TransferForm } from "./TransferForm";
import { useRefreshStock } from "./places";

/** /stock/transfers: the transfer form (stock:adjust) and the latest transfers (stock:read). */
export function TransfersView() {
  const t = useTranslations("moves");
  const canMove = hasPermission(useSignedInUser(), "stock:adjust");
  const refresh = useRefreshStock();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">{t("transfer.pageTitle")}</h1>
        <p className="mt-1 max-w-3xl text-base text-neutral-600">{t("transfer.pageIntro")}</p>
      </div>
      <StockTabs />
      <Notice notice={notice ? { tone: "success", text: notice } : null} onDismiss={() => setNotice(null)} testId="transfer-notice" ref={noticeRef} />
      {canMove ? (
        <TransferForm
          onTransferred={(text) => {
            setNotice(text);
            void refresh();
          }}
        />
      ) : (
        <p className="text-sm text-neutral-600" data-testid="transfer-read-only">
          {t("transfer.readOnly")}
        </p>
      )}
      <RecentTransfers />
    </div>
  );
}

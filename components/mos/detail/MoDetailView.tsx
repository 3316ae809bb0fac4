import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { Forbidden } from "../../Forbidden";
import { hasPermission, useSignedInUser } from "../../useMe";
import { Button } from "../../ui/Button";
import { ErrorState, LoadingState } from "../../ui/States";
import { MoStateBadge } from "../badges";
import { isOpen } from "@/lib/manufacturing/states";
import { PageHeader, Section } from "../PageHeader";
import { AuditSection } from "./AuditSection";
import { ChildOrdersSection } from "./ChildOrdersSection";
import { CommentsSection } from "./CommentsSection";
import { CancelPanel, CompletePanel } from "./ConfirmPanels";
import { EditMoForm } from "./EditMoForm";
import { MaterialsSection } from "./MaterialsSection";
import { MoFacts } from "./MoFacts";
import { useMoDetail } from "./useMoDetail";
import { WorkOrdersSection } from "./WorkOrdersSection";
import { Notice } from "../../ui/Notice";
import type { MoDetail } from "../types";

type Mode = "view" | "edit" | "complete" | "cancel";

/** One manufacturing order: facts, actions by permission and state, work orders, materials, comments, audit. */
export function MoDetailView({ id }: { id: string }) {
  const t = useTranslations("mos");
  const me = useSignedInUser();
  const { data: mo, error, mutate } = useMoDetail(id);
  const [mode, setMode] = useState<Mode>("view");
  const [notice, setNotice] = useState<string | null>(null);

  if (error?.status === 403) return <Forbidden role={me.user.role} />;
  if (error) {
    return error.status === 404 || error.status === 400 ? (
      <ErrorState title={t("detail.notFound")} message={t("detail.notFoundText")} />
    ) : (
      <ErrorState title={t("detail.loadError")} message={error.message} onRetry={() => void mutate()} />
    );
  }
  if (!mo) return <LoadingState label={t("detail.loading")} />;

  const open = isOpen(mo.state);
  const canWrite = hasPermission(me, "mo:write");
  const canEdit = open && (canWrite || hasPermission(me, "mo:edit-customer-fields"));

  // Completed or canceled: show the order as the API answered it, and say what happened.
  const onPanelDone = (next: MoDetail, message: string) => {
    void mutate(next, { revalidate: false });
    setNotice(message);
    setMode("view");
  };

  return (
    <div className="space-y-6" data-testid="mo-detail" data-order-no={mo.orderNo}>
      <PageHeader
        eyebrow={
          hasPermission(me, "mo:read", true) ? (
            <Link href="/mos" className="hover:underline">
              {t("detail.back")}
            </Link>
          ) : undefined
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span>{mo.orderNo}</span>
            <MoStateBadge state={mo.state} />
          </span>
        }
        description={mo.name}
        actions={
          mode === "view" && (
            <>
              {canEdit && (
                <Button variant="secondary" size="lg" onClick={() => setMode("edit")}>
                  {canWrite ? t("detail.editOrder") : t("detail.editCustomer")}
                </Button>
              )}
              {canWrite && open && (
                <Button variant="primary" size="lg" onClick={() => setMode("complete")}>
                  {t("detail.complete")}
                </Button>
              )}
              {canWrite && open && (
                <Button variant="danger" size="lg" onClick={() => setMode("cancel")}>
                  {t("detail.cancel")}
                </Button>
              )}
            </>
          )
        }
      />

      <Notice testId="mo-notice" notice={notice === null ? null : { tone: "success", text: notice }} onDismiss={() => setNotice(null)} />

      {mode === "complete" && (
        <CompletePanel
          mo={mo}
          onBack={() => setMode("view")}
          onDone={onPanelDone}
        />
      )}
      {mode === "cancel" && (
        <CancelPanel
          mo={mo}
          onBack={() => setMode("view")}
          onDone={onPanelDone}
        />
      )}

      <Section title={mode === "edit" ? (canWrite ? t("detail.editOrder") : t("detail.editCustomer")) : t("detail.details")} id="mo-details">
        {mode === "edit" ? (
          <EditMoForm
            mo={mo}
            customerOnly={!canWrite}
            onCancel={() => setMode("view")}
            onSaved={(next) => {
              void mutate(next, { revalidate: false });
              setNotice(t("edit.saved"));
              setMode("view");
            }}
          />
        ) : (
          <MoFacts mo={mo} />
        )}
      </Section>

      <WorkOrdersSection mo={mo} onChanged={() => void mutate()} />
      <MaterialsSection mo={mo} />
      <ChildOrdersSection mo={mo} />
      <CommentsSection mo={mo} />
      {hasPermission(me, "audit:read") && <AuditSection moId={mo.id} />}
    </div>
  );
}

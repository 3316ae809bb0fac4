import { useTranslations } from "next-intl";
import Head from "next/head";
import Link from "next/link";
import type { ReactNode } from "react";
import { ScanBox } from "../../operator/ScanBox";
import { buttonClass } from "../../ui/Button";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { focusRing } from "../../ui/styles";
import { hasPermission, useSignedInUser } from "../../useMe";
import { CommentsPanel } from "./CommentsPanel";
import { PartsList } from "./PartsList";
import { canComment, canExecute, worksOwnOrders } from "./permissions";
import { StatusPill } from "./StatusPill";
import { TimeLogList } from "./TimeLogList";
import type { WoDetail } from "./types";
import { useWoDetail } from "./useWoDetail";
import { WoActions } from "./WoActions";
import { WorkedTimer } from "./WorkedTimer";
import { formatDate, formatMinutes, formatQty } from "../../format";

/** The work order page: status, order and product, actions for who may run it, parts, comments, time logs. */
export function WoDetailView({ id }: { id: string }) {
  const t = useTranslations("workorders");
  const me = useSignedInUser();
  const ownOnly = worksOwnOrders(me);
  const { data, error, mutate } = useWoDetail(id);
  const back = hasPermission(me, "wo:read", true) ? { href: "/workorders", label: t("detail.backBoard") } : { href: "/operator", label: t("detail.backMine") };

  let body: ReactNode;
  if (data) body = <Detail wo={data} reload={() => mutate()} />;
  else if (error?.status === 404 || error?.status === 400)
    body = (
      <div className="rounded-xl border border-neutral-200 bg-white" data-testid="wo-not-found">
        <EmptyState title={t("detail.notFound")}>{ownOnly ? t("detail.notFoundOwn") : t("detail.notFoundText")}</EmptyState>
      </div>
    );
  else if (error) body = <ErrorState title={t("detail.loadError")} message={error.message} onRetry={() => void mutate()} />;
  else body = <LoadingState label={t("detail.loading")} />;

  return (
    <div className={`space-y-6 ${ownOnly ? "mx-auto max-w-3xl" : ""}`}>
      <Link href={back.href} className={`inline-flex h-12 items-center gap-2 rounded-md pr-3 text-base font-medium text-neutral-700 hover:text-neutral-900 ${focusRing}`}>
        <span aria-hidden="true">←</span> {back.label}
      </Link>
      {/* Operators scan the next sheet from wherever they are. */}
      {ownOnly && <ScanBox ownOnly compact />}
      {body}
    </div>
  );
}

function Detail({ wo, reload }: { wo: WoDetail; reload: () => unknown }) {
  const t = useTranslations("workorders");
  const me = useSignedInUser();
  const ownOnly = worksOwnOrders(me);
  const moLink = hasPermission(me, "mo:read", true);
  const executes = canExecute(me, wo);
  const showTimer = wo.status !== "PENDING";

  return (
    <article aria-labelledby="wo-title" className="space-y-6" data-testid="wo-detail" data-status={wo.status}>
      <Head>
        <title>{t("detail.documentTitle", { code: wo.code, title: wo.title })}</title>
      </Head>
      <section className="rounded-xl border border-neutral-200 bg-white p-5 shadow-sm sm:p-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-mono text-xl font-bold text-neutral-900" data-testid="wo-code">
                {wo.code}
              </span>
              <StatusPill status={wo.status} large />
            </div>
            <h1 id="wo-title" className="mt-1 text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">
              {wo.title}
            </h1>
          </div>
          {showTimer && (
            <div className="text-right">
              {wo.status === "COMPLETED" && wo.durationMin !== null ? (
                <div>
                  <p className="text-xs font-semibold uppercase tracking-wide text-neutral-600">{t("timer.worked")}</p>
                  <p className="text-2xl font-semibold text-neutral-900">{formatMinutes(wo.durationMin)}</p>
                </div>
              ) : (
                <WorkedTimer logs={wo.timeLogs} plannedMin={wo.plannedMin} large={ownOnly} />
              )}
            </div>
          )}
        </div>

        <dl className="mt-5 grid gap-x-6 gap-y-4 border-t border-neutral-100 pt-5 sm:grid-cols-2 lg:grid-cols-3">
          <Fact label={t("facts.mo")}>
            {moLink ? (
              <Link href={`/mos/${wo.mo.id}`} className={`rounded font-medium text-blue-800 underline-offset-4 hover:underline ${focusRing}`}>
                {wo.mo.orderNo}
              </Link>
            ) : (
              <span className="font-medium">{wo.mo.orderNo}</span>
            )}{" "}
            · {wo.mo.name}
          </Fact>
          <Fact label={t("facts.product")}>
            <span className="font-medium">{wo.product.sku}</span> · {wo.product.name}
          </Fact>
          <Fact label={t("facts.quantity")}>
            {formatQty(wo.mo.quantity)} {wo.product.uom}
          </Fact>
          <Fact label={t("facts.workCenter")}>{wo.workCenter?.name ?? t("facts.notSet")}</Fact>
          <Fact label={t("facts.assignedTo")}>{wo.assignee?.name ?? t("facts.nobody")}</Fact>
          <Fact label={t("facts.plannedTime")}>{wo.plannedMin !== null ? formatMinutes(wo.plannedMin) : t("facts.notPlanned")}</Fact>
          {wo.mo.deadline && <Fact label={t("facts.deadline")}>{formatDate(wo.mo.deadline)}</Fact>}
        </dl>

        {wo.description && (
          <div className="mt-5 rounded-md bg-neutral-50 p-4">
            <h2 className="text-sm font-semibold text-neutral-800">{t("detail.instructions")}</h2>
            <p className="mt-1 whitespace-pre-wrap text-base text-neutral-900">{wo.description}</p>
          </div>
        )}
        {wo.instructions && (
          <div className="mt-5 rounded-md border-l-4 border-blue-700 bg-blue-50 p-4" data-testid="wo-instructions">
            <h2 className="text-sm font-semibold text-neutral-800">{t("detail.workInstructions")}</h2>
            <p className="mt-1 whitespace-pre-wrap text-lg text-neutral-900">{wo.instructions}</p>
          </div>
        )}

        <div className="mt-5 flex flex-wrap items-start gap-3 border-t border-neutral-100 pt-5">
          {executes && (
            <div className={ownOnly ? "w-full" : ""}>
              <WoActions wo={wo} size={ownOnly ? "xl" : "lg"} onChanged={reload} />
            </div>
          )}
          {!executes && wo.status !== "COMPLETED" && hasPermission(me, "wo:execute") && (
            <p className="w-full text-sm text-neutral-700">{t("detail.onlyAssignee")}</p>
          )}
          <Link href={`/workorders/${wo.id}/print`} className={buttonClass("secondary", "lg")}>
            {t("detail.printSheet")}
          </Link>
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("detail.partsFor", { qty: formatQty(wo.mo.quantity), uom: wo.product.uom })}>
          <PartsList parts={wo.parts} quantity={wo.mo.quantity} productUom={wo.product.uom} />
        </Panel>
        <Panel title={t("detail.comments")}>
          <CommentsPanel woId={wo.id} code={wo.code} comments={wo.comments} canWrite={canComment(me, wo)} onAdded={reload} />
        </Panel>
        <Panel title={t("time.title")} className="lg:col-span-2">
          <TimeLogList logs={wo.timeLogs} />
        </Panel>
      </div>
    </article>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-neutral-600">{label}</dt>
      <dd className="mt-0.5 text-base text-neutral-900">{children}</dd>
    </div>
  );
}

function Panel({ title, children, className = "" }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={title} className={`rounded-xl border border-neutral-200 bg-white p-5 shadow-sm ${className}`}>
      <h2 className="text-lg font-semibold text-neutral-900">{title}</h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

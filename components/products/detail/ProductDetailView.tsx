import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/router";
import { useEffect, useState, type ReactNode } from "react";
import useSWR from "swr";
import type { ApiError } from "../../api";
import { Forbidden } from "../../Forbidden";
import { Pill } from "../../mos/badges";
import { PageHeader, Section } from "../../mos/PageHeader";
import { hasPermission, useSignedInUser } from "../../useMe";
import { Button } from "../../ui/Button";
import { ErrorState, LoadingState } from "../../ui/States";
import { BomEditor } from "../bom/BomEditor";
import { ProductForm } from "../ProductForm";
import type { ProductDetail } from "../types";
import { ArchivePanel } from "./ArchivePanel";
import { ExplosionTree } from "./ExplosionTree";
import { Notice } from "../../ui/Notice";
import { formatDateTime, formatQty } from "../../format";

function Fact({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className="mt-1 text-base text-neutral-900">{children}</dd>
    </div>
  );
}

type Mode = "view" | "edit" | "archive";

/** One product: its facts, edit and archive for planners, its BOM editor and the multi-level tree. */
export function ProductDetailView({ id }: { id: string }) {
  const t = useTranslations("products");
  const me = useSignedInUser();
  const router = useRouter();
  const canWrite = hasPermission(me, "products:write");
  const { data: product, error, mutate } = useSWR<ProductDetail, ApiError>(`/api/products/${encodeURIComponent(id)}`);
  const [mode, setMode] = useState<Mode>("view");
  const [notice, setNotice] = useState<string | null>(router.query.created === "1" ? t("detail.created") : null);
  // The "just created" flag is for this visit only: drop it from the address so a reload does not repeat it.
  const { replace } = router;
  const created = router.query.created === "1";
  useEffect(() => {
    if (created) void replace({ pathname: "/products/[id]", query: { id } }, undefined, { shallow: true });
  }, [created, replace, id]);

  if (error?.status === 403) return <Forbidden role={me.user.role} />;
  if (error) {
    return error.status === 404 || error.status === 400 ? (
      <ErrorState title={t("detail.notFoundTitle")} message={t("detail.notFoundMessage")} />
    ) : (
      <ErrorState title={t("detail.loadFailed")} message={error.message} onRetry={() => void mutate()} />
    );
  }
  if (!product) return <LoadingState label={t("detail.loading")} />;

  return (
    <div className="space-y-6" data-testid="product-detail" data-sku={product.sku}>
      <PageHeader
        eyebrow={
          hasPermission(me, "products:read", true) ? (
            <Link href="/products" className="hover:underline">
              {t("detail.back")}
            </Link>
          ) : undefined
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span>{product.sku}</span>
            <Pill tone={product.isFinished ? "blue" : "neutral"}>{product.isFinished ? t("kind.finished") : t("kind.material")}</Pill>
            {product.archivedAt && <Pill tone="amber">{t("kind.archived")}</Pill>}
          </span>
        }
        description={product.name}
        actions={
          canWrite &&
          mode === "view" && (
            <>
              <Button variant="secondary" size="lg" onClick={() => setMode("edit")}>
                {t("detail.edit")}
              </Button>
              <Button variant={product.archivedAt ? "secondary" : "danger"} size="lg" onClick={() => setMode("archive")}>
                {product.archivedAt ? t("detail.restore") : t("detail.archive")}
              </Button>
            </>
          )
        }
      />
      <Notice testId="product-notice" notice={notice === null ? null : { tone: "success", text: notice }} onDismiss={() => setNotice(null)} />
      {mode === "archive" && (
        <ArchivePanel
          product={product}
          onBack={() => setMode("view")}
          onDone={(p) => {
            void mutate();
            setNotice(p.archivedAt ? t("detail.archived", { sku: p.sku }) : t("detail.restored", { sku: p.sku }));
            setMode("view");
          }}
        />
      )}
      <Section title={mode === "edit" ? t("detail.editTitle", { sku: product.sku }) : t("detail.details")} id="product-details">
        {mode === "edit" ? (
          <ProductForm
            product={product}
            onCancel={() => setMode("view")}
            onSaved={() => {
              void mutate();
              setNotice(t("detail.saved"));
              setMode("view");
            }}
          />
        ) : (
          <dl className="grid gap-5 p-4 sm:grid-cols-2 sm:p-5 lg:grid-cols-4">
            <Fact label={t("detail.uom")}>{product.uom}</Fact>
            <Fact label={t("detail.unitCost")}>{formatQty(product.unitCost)}</Fact>
            <Fact label={t("detail.reorderPoint")}>{formatQty(product.reorderPoint, product.uom)}</Fact>
            <Fact label={t("detail.usedIn")}>{t("detail.usedInCount", { count: product.usedInCount })}</Fact>
            {product.description && (
              <Fact label={t("detail.description")} className="sm:col-span-2 lg:col-span-4">
                <span className="whitespace-pre-line">{product.description}</span>
              </Fact>
            )}
            {product.archivedAt && <Fact label={t("detail.archivedAt")}>{formatDateTime(product.archivedAt)}</Fact>}
          </dl>
        )}
      </Section>
      <Section title={t("detail.bom")} testId="bom">
        <BomEditor productId={product.id} canWrite={canWrite} onSaved={() => void mutate()} />
      </Section>
      <Section title={t("detail.tree")} testId="tree">
        <ExplosionTree productId={product.id} uom={product.uom} />
      </Section>
    </div>
  );
}

import { useTranslations } from "next-intl";
import { useRouter } from "next/router";
import { AppShell } from "@/components/AppShell";
import { RequireAllRecords } from "@/components/RequireAllRecords";
import { ProductDetailView } from "@/components/products/detail/ProductDetailView";
import { LoadingState } from "@/components/ui/States";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("products:read", { allRecords: true });

/** One product with its BOM editor and multi-level tree (products:read for every product). */
export default function ProductPage() {
  const t = useTranslations("products");
  const { query, isReady } = useRouter();
  const id = typeof query.id === "string" ? query.id : null;
  return (
    <AppShell title={t("detail.pageTitle")}>
      <RequireAllRecords permission="products:read">{isReady && id ? <ProductDetailView key={id} id={id} /> : <LoadingState />}</RequireAllRecords>
    </AppShell>
  );
}

import { useTranslations } from "next-intl";
import { AppShell } from "@/components/AppShell";
import { RequireAllRecords } from "@/components/RequireAllRecords";
import { ProductsList } from "@/components/products/list/ProductsList";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("products:read", { allRecords: true });

/** Products (products:read for every product). */
export default function ProductsPage() {
  const t = useTranslations("products");
  return (
    <AppShell title={t("list.title")}>
      <RequireAllRecords permission="products:read">
        <ProductsList />
      </RequireAllRecords>
    </AppShell>
  );
}

import { AppShell } from "@/components/AppShell";
import { RequireAllRecords } from "@/components/mos/RequireAllRecords";
import { ProductsList } from "@/components/products/list/ProductsList";

/** Products (products:read for every product). */
export default function ProductsPage() {
  return (
    <AppShell title="Products">
      <RequireAllRecords permission="products:read">
        <ProductsList />
      </RequireAllRecords>
    </AppShell>
  );
}

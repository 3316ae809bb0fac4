import { LabelsPage } from "@/components/lots/LabelPage";
import { LotLabels } from "@/components/lots/LotLabels";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** The labels of several lots on one sheet, one per page: `?ids=a,b,…` (stock:read; docs/locations.md). */
export default function LotLabelsPage() {
  return <LabelsPage render={(ids) => <LotLabels ids={ids} />} />;
}

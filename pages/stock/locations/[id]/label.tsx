import { LabelPage } from "@/components/lots/LabelPage";
import { LocationLabel } from "@/components/lots/LocationLabel";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** A location's printable label: QR code and Code128 of LOC-<id>, its code, name and kind (stock:read). */
export default function LocationLabelPage() {
  return <LabelPage render={(id) => <LocationLabel id={id} />} />;
}

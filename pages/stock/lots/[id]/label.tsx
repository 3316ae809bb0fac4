import { LabelPage } from "@/components/lots/LabelPage";
import { LotLabel } from "@/components/lots/LotLabel";
import { guardPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardPage("stock:read");

/** A lot's printable label: QR code and Code128 of LOT-<id>, product, quantity, expiry (stock:read). */
export default function LotLabelPage() {
  return <LabelPage render={(id) => <LotLabel id={id} />} />;
}

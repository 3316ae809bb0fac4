import { SWRConfig } from "swr";
import { StationScreen } from "@/components/station/StationScreen";
import { guardStationPage } from "@/lib/auth/page-guard";

export const getServerSideProps = guardStationPage();

// On a station a 401 means the operator was dropped, not that someone must sign in with a password:
// the screen handles it (no redirect to the sign-in page from its data).
const stationSwr = { onError: () => undefined };

/** The station screen of a shared work-center tablet (docs/stations.md). */
export default function StationPage() {
  return (
    <SWRConfig value={stationSwr}>
      <StationScreen />
    </SWRConfig>
  );
}

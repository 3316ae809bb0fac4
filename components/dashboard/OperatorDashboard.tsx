import dynamic from "next/dynamic";
import { LoadingState } from "../ui/States";

// Its own chunk: the dashboard page serves every role, and only operators need the tablet's cards
// (rendered on the server for them, so their browser gets the chunk with the page).
const OperatorWork = dynamic(() => import("../operator/OperatorWork").then((m) => m.OperatorWork), { loading: () => <LoadingState /> });

/**
 * An operator's home, the page they land on after signing in: their work right here (the scan box
 * and every open work order with its start / pause / complete buttons), no extra tap to reach it.
 */
export function OperatorDashboard() {
  return (
    <div className="mx-auto max-w-3xl">
      <OperatorWork />
    </div>
  );
}

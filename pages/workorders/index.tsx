import { AppShell } from "@/components/AppShell";
import { RequireAllRecords } from "@/components/mos/RequireAllRecords";
import { Board } from "@/components/workorders/board/Board";

/** The work-order board (wo:read for every work order). */
export default function WorkOrdersPage() {
  return (
    <AppShell title="Work orders">
      <RequireAllRecords permission="wo:read">
        <Board />
      </RequireAllRecords>
    </AppShell>
  );
}

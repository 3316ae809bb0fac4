import { useTranslations } from "next-intl";
import useSWR from "swr";
import type { ApiError } from "../../api";
import type { MoListItem, PersonRef } from "../../mos/types";
import type { Page } from "../../types";
import { SelectField } from "../../ui/Field";

/** Open orders for the filter, plus the chosen one when it is no longer open (e.g. from a link). */
function useOrderOptions(selected: string) {
  const open = useSWR<Page<MoListItem>, ApiError>("/api/mos?state=PLANNED,IN_PROGRESS&pageSize=200");
  const known = !selected || open.data?.items.some((m) => m.id === selected);
  const extra = useSWR<MoListItem, ApiError>(open.data && !known ? `/api/mos/${encodeURIComponent(selected)}` : null);
  const items = [...(open.data?.items ?? [])];
  if (extra.data && !known) items.unshift(extra.data);
  return items;
}

export function BoardFilters({ moId, assignedToId, people, onChange }: { moId: string; assignedToId: string; people: PersonRef[]; onChange: (patch: { moId?: string; assignedToId?: string }) => void }) {
  const t = useTranslations("workorders");
  const orders = useOrderOptions(moId);
  return (
    <div role="search" className="grid gap-4 sm:grid-cols-2">
      <SelectField label={t("board.orderFilter")} value={moId} onChange={(e) => onChange({ moId: e.target.value })}>
        <option value="">{t("board.allOrders")}</option>
        {orders.map((m) => (
          <option key={m.id} value={m.id}>
            {m.orderNo} · {m.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("board.assigneeFilter")} value={assignedToId} onChange={(e) => onChange({ assignedToId: e.target.value })}>
        <option value="">{t("board.everyone")}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

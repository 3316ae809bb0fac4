// The words the planning screens use for states, priorities, work-order statuses and order fields,
// in the person's language (numbers and dates: components/format.ts). Other areas (dashboards, the
// operator tablet) use these hooks too; server-made text reads the same keys through
// lib/i18n/translator: translator(locale, "mos")(`state.${s}`), translator(locale, "workorders")(`status.${s}`).
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type { OrderState, Priority, WorkStatus } from "./types";

/** Labels of MO states (mos.state.*), priorities (mos.priority.*) and WO statuses (workorders.status.*). */
export function useOrderLabels() {
  const t = useTranslations("mos");
  const tw = useTranslations("workorders");
  return useMemo(
    () => ({
      state: (s: OrderState) => t(`state.${s}`),
      priority: (p: Priority) => t(`priority.${p}`),
      status: (s: WorkStatus) => tw(`status.${s}`),
    }),
    [t, tw],
  );
}

/** The labels of an order's fields, for the create and edit forms and their messages (mos.fields.*). */
export function useMoFieldLabels() {
  const t = useTranslations("mos");
  return useMemo(
    () => ({
      product: t("fields.product"),
      name: t("fields.name"),
      quantity: t("fields.quantity"),
      deadline: t("fields.deadline"),
      priority: t("fields.priority"),
      customerName: t("fields.customerName"),
      customerRef: t("fields.customerRef"),
      promisedDate: t("fields.promisedDate"),
      notes: t("fields.notes"),
    }),
    [t],
  );
}

// What a start let through but the person should know (WO_SEQUENCE=warn): an earlier operation of
// the same order has not started yet. Read from the start's answer (`warnings: ["SEQUENCE"]`).
import { useTranslations } from "next-intl";
import { Notice } from "../ui/Notice";

/** Whether a start's answer carries the out-of-order warning. */
export function startedOutOfOrder(answer: unknown): boolean {
  const w = (answer as { warnings?: unknown } | null)?.warnings;
  return Array.isArray(w) && w.includes("SEQUENCE");
}

/** The warning under the actions, dismissible. */
export function SequenceWarning({ code, onDismiss }: { code: string; onDismiss: () => void }) {
  const t = useTranslations("operator");
  return <Notice testId="wo-sequence-warning" notice={{ tone: "info", text: t("sequence.text", { code }) }} title={t("sequence.title")} onDismiss={onDismiss} size="lg" />;
}

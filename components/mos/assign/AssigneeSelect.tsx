import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { sendWithKey } from "../../forms/send";
import { useApiAction } from "../../forms/useApiAction";
import { Spinner } from "../../ui/Spinner";
import { focusRing } from "../../ui/styles";
import type { PersonRef, WorkStatus } from "../types";

interface Props {
  wo: { id: string; code: string; status: WorkStatus; assignee: PersonRef | null };
  people: PersonRef[];
  /** Called after the API accepted the change (to refetch what is on screen). */
  onChanged: (message: string) => void;
  compact?: boolean;
}

/**
 * Assigns or transfers one work order (PATCH assignedToId) as soon as a person is picked. The API
 * refuses to move a STARTED one (it must be paused first): its message is shown under the select.
 */
export function AssigneeSelect({ wo, people, onChanged, compact = false }: Props) {
  const t = useTranslations("mos");
  const id = useId();
  const assign = useApiAction<"assign">();
  const [pending, setPending] = useState<string | null>(null);
  // The accepted choice stays shown until the refetched work order catches up with it.
  const [accepted, setAccepted] = useState<{ from: string; to: string } | null>(null);
  const error = assign.errorText;
  const stored = wo.assignee?.id ?? "";
  const current = accepted && accepted.from === stored ? accepted.to : stored;
  const options = wo.assignee && !people.some((p) => p.id === wo.assignee!.id) ? [wo.assignee, ...people] : people;

  async function change(next: string) {
    if (next === current) return;
    setPending(next);
    const body = { assignedToId: next || null };
    const result = await assign.run("assign", body, (key) => sendWithKey(`/api/workorders/${encodeURIComponent(wo.id)}`, "PATCH", body, key));
    setPending(null);
    if (!result.ok) return;
    setAccepted({ from: stored, to: next });
    const person = options.find((p) => p.id === next);
    onChanged(person ? t("assign.assigned", { code: wo.code, name: person.name }) : t("assign.unassigned", { code: wo.code }));
  }

  return (
    <div className={compact ? "" : "min-w-44"}>
      <label htmlFor={id} className={compact ? "sr-only" : "mb-1 block text-xs font-medium text-neutral-600"}>
        {t.rich("assign.label", { code: wo.code, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
      </label>
      <div className="relative">
        <select
          id={id}
          value={pending ?? current}
          disabled={pending !== null}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => void change(e.target.value)}
          className={`h-11 w-full rounded-md border border-neutral-300 bg-white px-2 pr-8 text-sm text-neutral-900 disabled:bg-neutral-100 aria-[invalid=true]:border-red-600 ${focusRing}`}
        >
          <option value="">{t("assign.none")}</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {pending !== null && <Spinner className="absolute right-7 top-3.5 h-4 w-4 text-neutral-500" />}
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

// The two things a planner changes right on a card: the priority (a menu) and the deadline (a date).
// Both PATCH /api/mos/:id, as the order's edit form does; the board then refetches.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useApiAction } from "../../forms/useApiAction";
import { sendWithKey } from "../../forms/send";
import { endOfLocalDayIso, localDayOf } from "../../format";
import { Button } from "../../ui/Button";
import { focusRing } from "../../ui/styles";
import { useOrderLabels } from "../labels";
import { PRIORITIES, type Priority } from "../types";
import type { StageCard } from "./types";

const small = `h-11 rounded-md border border-neutral-300 bg-white px-2 text-sm text-neutral-900 ${focusRing}`;

function patch(card: StageCard, body: Record<string, unknown>, key: string) {
  return sendWithKey(`/api/mos/${encodeURIComponent(card.id)}`, "PATCH", body, key);
}

/** The card's priority as a menu: a keyboard picks it like any select. */
export function PriorityMenu({ card, onChanged }: { card: StageCard; onChanged: (message: string) => void }) {
  const t = useTranslations("board");
  const labels = useOrderLabels();
  const action = useApiAction<"priority">();
  const id = useId();
  // The picked value shows at once; the card remounts (key: its priority) when the board has it.
  const [picked, setPicked] = useState<Priority | null>(null);
  const change = async (priority: Priority) => {
    if (priority === card.priority) return;
    setPicked(priority);
    const r = await action.run("priority", { priority }, (key) => patch(card, { priority }, key));
    if (r.ok) onChanged(t("card.priorityChanged", { orderNo: card.orderNo, priority: labels.priority(priority) }));
    else setPicked(null);
  };
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-neutral-500">
        {t("card.priority")}
      </label>
      <select id={id} data-testid="card-priority" className={small} value={picked ?? card.priority} disabled={action.busy !== null} onChange={(e) => void change(e.target.value as Priority)}>
        {PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {labels.priority(p)}
          </option>
        ))}
      </select>
      {action.errorText && (
        <p role="alert" className="text-sm text-red-700">
          {action.errorText}
        </p>
      )}
    </div>
  );
}

/** The card's deadline: a date, saved with its button (typing a date by keyboard passes through invalid days). */
export function DeadlineEditor({ card, onChanged }: { card: StageCard; onChanged: (message: string) => void }) {
  const t = useTranslations("board");
  const action = useApiAction<"deadline">();
  const [day, setDay] = useState(localDayOf(card.deadline));
  const id = useId();
  const current = localDayOf(card.deadline);
  const save = async () => {
    const deadline = day ? endOfLocalDayIso(day) : null;
    const r = await action.run("deadline", { deadline }, (key) => patch(card, { deadline }, key));
    if (r.ok) onChanged(day ? t("card.deadlineChanged", { orderNo: card.orderNo }) : t("card.deadlineCleared", { orderNo: card.orderNo }));
  };
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} className="block text-sm text-neutral-500">
        {t("card.newDeadline")}
      </label>
      <div className="flex gap-2">
        <input id={id} type="date" data-testid="card-deadline" className={`${small} min-w-0 flex-1`} value={day} onChange={(e) => setDay(e.target.value)} />
        <Button type="submit" variant="secondary" busy={action.busy !== null} disabled={day === current}>
          {t("card.saveDeadline")}
        </Button>
      </div>
      {action.errorText && (
        <p role="alert" className="text-sm text-red-700">
          {action.errorText}
        </p>
      )}
    </form>
  );
}

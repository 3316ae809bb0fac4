import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { formatDate } from "../format";
import { useErrorText } from "../forms/messages";
import { useApiAction } from "../forms/useApiAction";
import type { Role, UserItem } from "../types";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { focusRing } from "../ui/styles";
import { ResetPasswordForm } from "./ResetPasswordForm";
import { RoleOptions } from "./RoleOptions";
import { endSessions, patchUser } from "./userActions";
import type { Notice } from "./useUsers";
import { useRoleLabel } from "./useRoleLabel";

const COLUMNS = 4;

// The part of a button's name only screen readers hear ("Reset password of Nora").
const sr = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

interface Props {
  user: UserItem;
  isSelf: boolean;
  onNotice: (n: Notice) => void;
  /** Called after a successful change, to reload the list. */
  onChanged: () => Promise<unknown>;
}

/** What the admin is asked to confirm. */
type Pending = { kind: "role"; role: Role } | { kind: "active" } | { kind: "sessions" };

/**
 * One user in the table: role, activate/deactivate, end sessions, reset password. A role change,
 * a deactivation and ending sessions each ask first: the select alone saves nothing.
 */
export function UserRow({ user, isSelf, onNotice, onChanged }: Props) {
  const t = useTranslations("users");
  const roleLabel = useRoleLabel();
  const errorText = useErrorText();
  const [pending, setPending] = useState<Pending | null>(null);
  const [resetting, setResetting] = useState(false);
  const action = useApiAction<Pending["kind"]>();

  async function confirm(p: Pending) {
    const result =
      p.kind === "role"
        ? await action.run("role", { role: p.role }, (key) => patchUser(user.id, { role: p.role }, key))
        : p.kind === "active"
          ? await action.run("active", { active: !user.active }, (key) => patchUser(user.id, { active: !user.active }, key))
          : await action.run("sessions", null, (key) => endSessions(user.id, key));
    setPending(null);
    if (!result.ok) {
      onNotice({ tone: "error", text: t("row.failed", { name: user.name, message: errorText(result.error) }) });
      return;
    }
    await onChanged();
    const name = user.name;
    if (p.kind === "role") onNotice({ tone: "success", text: t("row.roleChanged", { name, role: roleLabel(p.role) }) });
    else if (p.kind === "active") onNotice({ tone: "success", text: user.active ? t("row.wasDeactivated", { name }) : t("row.wasReactivated", { name }) });
    else {
      const count = (result.value as { ended: number }).ended;
      onNotice({ tone: "success", text: count === 0 ? t("row.noSessions", { name }) : t("row.sessionsEnded", { count, name }) });
    }
  }

  const busy = action.busy !== null;
  const shownRole = pending?.kind === "role" ? pending.role : user.role;

  return (
    <>
      <tr data-testid="user-row" data-email={user.email} className={user.active ? "" : "bg-neutral-50"}>
        <td className="px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <span className="font-medium text-neutral-900">{user.name}</span>
            {isSelf && <span className="text-xs text-neutral-500">{t("row.you")}</span>}
            {user.active ? <Badge tone="green">{t("row.active")}</Badge> : <Badge>{t("row.deactivated")}</Badge>}
          </div>
          <div className="mt-0.5 break-all text-sm text-neutral-600">{user.email}</div>
        </td>
        <td className="px-4 py-3">
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            {t("row.roleOf", { name: user.name })}
          </label>
          <select
            id={`role-${user.id}`}
            value={shownRole}
            disabled={busy}
            onChange={(e) => {
              const role = e.target.value as Role;
              if (role !== user.role) setPending({ kind: "role", role });
            }}
            className={`h-11 w-32 rounded-md border border-neutral-300 bg-white px-2 text-sm text-neutral-900 disabled:bg-neutral-100 ${focusRing}`}
          >
            <RoleOptions />
          </select>
        </td>
        <td className="hidden px-4 py-3 text-sm text-neutral-600 lg:table-cell">{formatDate(user.createdAt)}</td>
        <td className="px-4 py-3">
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" disabled={busy} onClick={() => setResetting((r) => !r)} aria-expanded={resetting}>
              {t.rich("row.resetPassword", { name: user.name, sr })}
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setPending({ kind: "sessions" })}>
              {t.rich("row.endSessions", { name: user.name, sr })}
            </Button>
            <Button variant={user.active ? "danger" : "secondary"} busy={action.busy === "active"} disabled={busy} onClick={() => setPending({ kind: "active" })} className="w-28">
              {user.active ? t.rich("row.deactivate", { name: user.name, sr }) : t.rich("row.reactivate", { name: user.name, sr })}
            </Button>
          </div>
        </td>
      </tr>
      {resetting && (
        <tr className="bg-neutral-50">
          <td colSpan={COLUMNS} className="px-4 py-4">
            <ResetPasswordForm
              user={user}
              onCancel={() => setResetting(false)}
              onDone={(n) => {
                setResetting(false);
                onNotice(n);
              }}
            />
          </td>
        </tr>
      )}
      {pending && <PendingDialog user={user} pending={pending} busy={busy} onConfirm={() => void confirm(pending)} onCancel={() => setPending(null)} />}
    </>
  );
}

function PendingDialog({ user, pending, busy, onConfirm, onCancel }: { user: UserItem; pending: Pending; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const t = useTranslations("users");
  const roleLabel = useRoleLabel();
  const who = { name: user.name, email: user.email };
  if (pending.kind === "role") {
    const role = roleLabel(pending.role);
    return (
      <ConfirmDialog title={t("confirm.roleTitle", { name: user.name, role })} confirmLabel={t("confirm.roleConfirm", { role })} busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
        {t("confirm.roleBody", { ...who, from: roleLabel(user.role), to: role })}
      </ConfirmDialog>
    );
  }
  if (pending.kind === "active") {
    return user.active ? (
      <ConfirmDialog title={t("confirm.deactivateTitle", who)} confirmLabel={t("confirm.deactivateConfirm")} danger busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
        {t("confirm.deactivateBody", who)}
      </ConfirmDialog>
    ) : (
      <ConfirmDialog title={t("confirm.reactivateTitle", who)} confirmLabel={t("confirm.reactivateConfirm")} busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
        {t("confirm.reactivateBody", who)}
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog title={t("confirm.sessionsTitle", who)} confirmLabel={t("confirm.sessionsConfirm")} danger busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      {t("confirm.sessionsBody", who)}
    </ConfirmDialog>
  );
}

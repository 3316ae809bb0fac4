import { useState } from "react";
import { errorMessage } from "../api";
import { formatDate } from "../format";
import { useApiAction } from "../forms/useApiAction";
import { ROLE_LABELS, type Role, type UserItem } from "../types";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { ConfirmDialog } from "../ui/ConfirmDialog";
import { focusRing } from "../ui/styles";
import { ResetPasswordForm } from "./ResetPasswordForm";
import { RoleOptions } from "./RoleOptions";
import { endSessions, patchUser } from "./userActions";
import type { Notice } from "./useUsers";

const COLUMNS = 4;

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
      onNotice({ tone: "error", text: `${user.name}: ${errorMessage(result.error)}` });
      return;
    }
    await onChanged();
    if (p.kind === "role") onNotice({ tone: "success", text: `${user.name} is now ${ROLE_LABELS[p.role]}.` });
    else if (p.kind === "active") onNotice({ tone: "success", text: user.active ? `${user.name} was deactivated and can no longer sign in.` : `${user.name} was reactivated and can sign in again.` });
    else {
      const n = (result.value as { ended: number }).ended;
      onNotice({ tone: "success", text: n === 0 ? `${user.name} had no open sessions.` : `Ended ${n} session${n === 1 ? "" : "s"} of ${user.name}: they must sign in again.` });
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
            {isSelf && <span className="text-xs text-neutral-500">(you)</span>}
            {user.active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}
          </div>
          <div className="mt-0.5 break-all text-sm text-neutral-600">{user.email}</div>
        </td>
        <td className="px-4 py-3">
          <label className="sr-only" htmlFor={`role-${user.id}`}>
            Role of {user.name}
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
              Reset password<span className="sr-only"> of {user.name}</span>
            </Button>
            <Button variant="secondary" disabled={busy} onClick={() => setPending({ kind: "sessions" })}>
              End all sessions<span className="sr-only"> of {user.name}</span>
            </Button>
            <Button variant={user.active ? "danger" : "secondary"} busy={action.busy === "active"} disabled={busy} onClick={() => setPending({ kind: "active" })} className="w-28">
              {user.active ? "Deactivate" : "Reactivate"}
              <span className="sr-only"> {user.name}</span>
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
  if (pending.kind === "role") {
    return (
      <ConfirmDialog title={`Make ${user.name} ${ROLE_LABELS[pending.role]}?`} confirmLabel={`Make ${ROLE_LABELS[pending.role]}`} busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
        {user.name} ({user.email}) changes from {ROLE_LABELS[user.role]} to {ROLE_LABELS[pending.role]}: what they may see and do changes with their next request.
      </ConfirmDialog>
    );
  }
  if (pending.kind === "active") {
    return user.active ? (
      <ConfirmDialog title={`Deactivate ${user.name}?`} confirmLabel="Deactivate" danger busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
        {user.name} ({user.email}) can no longer sign in, and their open sessions end. Their history stays; you can reactivate them later.
      </ConfirmDialog>
    ) : (
      <ConfirmDialog title={`Reactivate ${user.name}?`} confirmLabel="Reactivate" busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
        {user.name} ({user.email}) can sign in again with their password.
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog title={`End all sessions of ${user.name}?`} confirmLabel="End all sessions" danger busy={busy} onConfirm={onConfirm} onCancel={onCancel}>
      Every device where {user.name} ({user.email}) is signed in is signed out; they can sign in again with their password.
    </ConfirmDialog>
  );
}

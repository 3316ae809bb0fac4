import { useState } from "react";
import { errorMessage } from "../api";
import { ROLE_LABELS, type Role, type UserItem } from "../types";
import { Badge } from "../ui/Badge";
import { Button } from "../ui/Button";
import { focusRing } from "../ui/styles";
import { ResetPasswordForm } from "./ResetPasswordForm";
import { RoleOptions } from "./RoleOptions";
import { patchUser } from "./userActions";
import type { Notice } from "./useUsers";

const COLUMNS = 4;
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

interface Props {
  user: UserItem;
  isSelf: boolean;
  onNotice: (n: Notice) => void;
  /** Called after a successful change, to reload the list. */
  onChanged: () => Promise<unknown>;
}

/** One user in the table: role select, activate/deactivate, reset password. */
export function UserRow({ user, isSelf, onNotice, onChanged }: Props) {
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);

  async function run(change: () => Promise<unknown>, success: string) {
    setBusy(true);
    try {
      await change();
      await onChanged();
      onNotice({ tone: "success", text: success });
    } catch (err) {
      onNotice({ tone: "error", text: `${user.name}: ${errorMessage(err)}` });
    } finally {
      setBusy(false);
      setPendingRole(null);
    }
  }

  function changeRole(role: Role) {
    if (role === user.role) return;
    setPendingRole(role);
    void run(() => patchUser(user.id, { role }), `${user.name} is now ${ROLE_LABELS[role]}.`);
  }

  function toggleActive() {
    const active = !user.active;
    void run(() => patchUser(user.id, { active }), active ? `${user.name} was reactivated and can sign in again.` : `${user.name} was deactivated and can no longer sign in.`);
  }

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
            value={pendingRole ?? user.role}
            disabled={busy}
            onChange={(e) => changeRole(e.target.value as Role)}
            className={`h-11 w-32 rounded-md border border-neutral-300 bg-white px-2 text-sm text-neutral-900 disabled:bg-neutral-100 ${focusRing}`}
          >
            <RoleOptions />
          </select>
        </td>
        <td className="hidden px-4 py-3 text-sm text-neutral-600 lg:table-cell">{dateFormat.format(new Date(user.createdAt))}</td>
        <td className="px-4 py-3">
          <div className="flex justify-end gap-2">
            <Button variant="secondary" disabled={busy} onClick={() => setResetting((r) => !r)} aria-expanded={resetting}>
              Reset password<span className="sr-only"> of {user.name}</span>
            </Button>
            <Button variant={user.active ? "danger" : "secondary"} busy={busy && pendingRole === null} disabled={busy} onClick={toggleActive} className="w-28">
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
    </>
  );
}

import { useTranslations } from "next-intl";
import type { UserItem } from "../types";
import { EmptyState } from "../ui/States";
import { UserRow } from "./UserRow";
import type { Notice } from "./useUsers";

interface Props {
  users: UserItem[];
  selfId: string;
  filtered: boolean;
  onNotice: (n: Notice) => void;
  onChanged: () => Promise<unknown>;
}

const th = "px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-neutral-500";

/** The users of one page, or an empty state. */
export function UsersTable({ users, selfId, filtered, onNotice, onChanged }: Props) {
  const t = useTranslations("users");
  if (users.length === 0) {
    return <EmptyState title={filtered ? t("table.noMatch") : t("table.none")}>{filtered ? t("table.noMatchHint") : t("table.noneHint")}</EmptyState>;
  }
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-neutral-200">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="bg-neutral-50">
          <tr>
            <th scope="col" className={th}>
              {t("table.user")}
            </th>
            <th scope="col" className={th}>
              {t("table.role")}
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              {t("table.created")}
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">{t("table.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-neutral-200 bg-white">
          {users.map((u) => (
            <UserRow key={u.id} user={u} isSelf={u.id === selfId} onNotice={onNotice} onChanged={onChanged} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Forbidden } from "../Forbidden";
import { useErrorText } from "../forms/messages";
import { useDebounced } from "../useDebounced";
import { useSignedInUser } from "../useMe";
import { Button } from "../ui/Button";
import { Pagination } from "../ui/Pagination";
import { ErrorState, LoadingState } from "../ui/States";
import { CreateUserForm } from "./CreateUserForm";
import { UserFilters } from "./UserFilters";
import { UsersTable } from "./UsersTable";
import { useUsers, type UserFilter } from "./useUsers";
import { Notice, type NoticeMessage } from "../ui/Notice";

/** The users administration screen: filters, list with per-user actions, and the new-user form. */
export function UsersAdmin() {
  const t = useTranslations("users");
  const errorText = useErrorText();
  const me = useSignedInUser();
  const [filter, setFilter] = useState<Omit<UserFilter, "page">>({ q: "", role: "", active: "" });
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const q = useDebounced(filter.q);
  const { data, error, isLoading, isValidating, mutate } = useUsers({ ...filter, q, page });

  // The role can change while the page is open: the API then answers 403.
  if (error?.status === 403) return <Forbidden role={me.user.role} />;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-neutral-900 sm:text-3xl">{t("title")}</h1>
          <p className="mt-1 text-base text-neutral-600">{t("intro")}</p>
        </div>
        {!creating && (
          <Button size="lg" onClick={() => setCreating(true)}>
            {t("new")}
          </Button>
        )}
      </div>

      {creating && (
        <CreateUserForm
          onCancel={() => setCreating(false)}
          onCreated={(u) => {
            setCreating(false);
            setNotice({ tone: "success", text: t("created", { name: u.name, email: u.email }) });
            void mutate();
          }}
        />
      )}

      <Notice testId="users-notice" notice={notice} onDismiss={() => setNotice(null)} />

      <section aria-label={t("listLabel")} className="rounded-lg border border-neutral-200 bg-white shadow-sm">
        <div className="border-b border-neutral-200 p-4 sm:p-5">
          <UserFilters
            value={filter}
            onChange={(next) => {
              setFilter(next);
              setPage(1);
            }}
          />
        </div>
        {data ? (
          <div aria-busy={isValidating} className={isValidating && !isLoading ? "opacity-70 transition-opacity" : ""}>
            <UsersTable users={data.items} selfId={me.user.id} filtered={Boolean(q || filter.role || filter.active)} onNotice={setNotice} onChanged={() => mutate()} />
          </div>
        ) : error ? (
          <div className="p-4">
            <ErrorState title={t("loadFailed")} message={errorText(error)} onRetry={() => void mutate()} />
          </div>
        ) : (
          <LoadingState label={t("loading")} />
        )}
        {data && data.total > 0 && (
          <div className="border-t border-neutral-200 px-4 py-3 sm:px-5">
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun={t("noun")} onPage={setPage} />
          </div>
        )}
      </section>
    </div>
  );
}

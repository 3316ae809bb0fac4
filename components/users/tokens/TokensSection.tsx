import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import useSWR from "swr";
import type { ApiError } from "../../api";
import { formatDateTime } from "../../format";
import { useApiAction } from "../../forms/useApiAction";
import { sendWithKey } from "../../forms/send";
import type { Page, UserItem } from "../../types";
import { useSignedInUser } from "../../useMe";
import { Alert } from "../../ui/Alert";
import { Badge } from "../../ui/Badge";
import { Button } from "../../ui/Button";
import { SelectField } from "../../ui/Field";
import { ErrorState, LoadingState } from "../../ui/States";
import { CreateTokenForm } from "./CreateTokenForm";
import { NewTokenNotice } from "./NewTokenNotice";
import type { CreatedToken, TokenItem } from "./types";

const STATUS_TONE = { active: "green", expired: "neutral", revoked: "neutral" } as const;

/** API tokens on the users page (ADMIN): choose a person, see their tokens, make one (shown once), revoke. */
export function TokensSection() {
  const t = useTranslations("users");
  const me = useSignedInUser();
  const [userId, setUserId] = useState(me.user.id);
  const [creating, setCreating] = useState(false);
  const [made, setMade] = useState<CreatedToken | null>(null);
  const users = useSWR<Page<UserItem>, ApiError>("/api/users?active=true&pageSize=200");
  const tokens = useSWR<Page<TokenItem>, ApiError>(`/api/tokens?userId=${encodeURIComponent(userId)}&pageSize=100`);
  const action = useApiAction<string>();
  const person = users.data?.items.find((u) => u.id === userId);

  const revoke = async (tok: TokenItem) => {
    const r = await action.run(tok.id, null, (key) => sendWithKey<TokenItem>(`/api/tokens/${encodeURIComponent(tok.id)}`, "DELETE", undefined, key));
    if (r.ok) void tokens.mutate();
  };

  return (
    <section aria-labelledby="tokens-title" className="mt-8 rounded-lg border border-neutral-200 bg-white p-4 shadow-sm sm:p-5" data-testid="api-tokens">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="tokens-title" className="text-lg font-semibold text-neutral-900">
            {t("tokens.title")}
          </h2>
          <p className="mt-1 text-sm text-neutral-600">
            {t.rich("tokens.intro", { docs: (c) => <Link href="/api-docs" className="font-medium text-blue-700 underline">{c}</Link> })}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label={t("tokens.user")}
            value={userId}
            onChange={(e) => {
              setUserId(e.target.value);
              setCreating(false);
              setMade(null);
            }}
          >
            {!users.data?.items.some((u) => u.id === me.user.id) && <option value={me.user.id}>{me.user.name}</option>}
            {users.data?.items.map((u) => (
              <option key={u.id} value={u.id}>
                {t("tokens.userOption", { name: u.name, email: u.email })}
              </option>
            ))}
          </SelectField>
          {!creating && <Button onClick={() => setCreating(true)}>{t("tokens.new")}</Button>}
        </div>
      </div>

      <div className="mt-4 space-y-4">
        {made && <NewTokenNotice made={made} onDone={() => setMade(null)} />}
        {creating && (
          <CreateTokenForm
            userId={userId}
            userName={person?.name ?? me.user.name}
            onCancel={() => setCreating(false)}
            onCreated={(m) => {
              setCreating(false);
              setMade(m);
              void tokens.mutate();
            }}
          />
        )}
        {action.errorText && <Alert tone="error">{action.errorText}</Alert>}
        {tokens.error ? (
          <ErrorState title={t("tokens.loadFailed")} message={tokens.error.message} onRetry={() => void tokens.mutate()} />
        ) : !tokens.data ? (
          <LoadingState />
        ) : tokens.data.items.length === 0 ? (
          <p className="text-sm text-neutral-600">{t("tokens.none")}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="text-neutral-600">
                <th className="py-2 pr-3 font-medium">{t("tokens.name")}</th>
                <th className="py-2 pr-3 font-medium">{t("tokens.token")}</th>
                <th className="py-2 pr-3 font-medium">{t("tokens.status")}</th>
                <th className="py-2 pr-3 font-medium">{t("tokens.created")}</th>
                <th className="py-2 pr-3 font-medium">{t("tokens.expires")}</th>
                <th className="py-2 pr-3 font-medium">{t("tokens.lastUsed")}</th>
                <th className="py-2 font-medium">
                  <span className="sr-only">{t("tokens.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((tok) => (
                <tr key={tok.id} className="border-t border-neutral-100" data-testid="token-row">
                  <td className="py-2 pr-3 font-medium text-neutral-900">{tok.name}</td>
                  <td className="py-2 pr-3">
                    <code>{t("tokens.prefix", { prefix: tok.prefix })}</code>
                  </td>
                  <td className="py-2 pr-3">
                    <Badge tone={STATUS_TONE[tok.status]}>{t(`tokens.state.${tok.status}`)}</Badge>
                  </td>
                  <td className="py-2 pr-3">{formatDateTime(tok.createdAt)}</td>
                  <td className="py-2 pr-3">{tok.expiresAt ? formatDateTime(tok.expiresAt) : t("tokens.never")}</td>
                  <td className="py-2 pr-3">{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t("tokens.notUsed")}</td>
                  <td className="py-2 text-right">
                    {tok.status !== "revoked" && (
                      <Button variant="secondary" busy={action.busy === tok.id} onClick={() => void revoke(tok)} aria-label={t("tokens.revokeLabel", { name: tok.name })}>
                        {t("tokens.revoke")}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

import { useTranslations } from "next-intl";
import { useSWRConfig } from "swr";
import { sendWithKey } from "../../forms/send";
import { useApiAction } from "../../forms/useApiAction";
import { Button } from "../../ui/Button";
import { hasPermission, useSignedInUser } from "../../useMe";
import type { MoDetail } from "../types";

/**
 * "Create backorder" on an MO that closed short without one (e.g. its last work order reported
 * fewer good units than ordered): POST /api/mos/:id/complete { backorder: true } plans the rest once.
 */
export function LateBackorderButton({ mo }: { mo: MoDetail }) {
  const t = useTranslations("mos");
  const me = useSignedInUser();
  const { mutate } = useSWRConfig();
  const { busy, run, errorText } = useApiAction();
  const short = mo.state === "DONE" && mo.producedQty !== null && mo.producedQty < mo.quantity;
  if (!short || mo.backorder || !hasPermission(me, "mo:write")) return null;
  const url = `/api/mos/${encodeURIComponent(mo.id)}/complete`;
  return (
    <span className="mt-2 block">
      <Button
        variant="secondary"
        busy={busy === "run"}
        data-testid="late-backorder"
        onClick={async () => {
          const r = await run("run", { backorder: true }, (key) => sendWithKey(url, "POST", { backorder: true }, key));
          if (r.ok) await mutate(`/api/mos/${encodeURIComponent(mo.id)}`);
        }}
      >
        {t("facts.createBackorder")}
      </Button>
      {errorText && (
        <span className="mt-1 block text-sm text-red-700" role="alert">
          {errorText}
        </span>
      )}
    </span>
  );
}

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSignedInUser } from "../useMe";
import { OperatorWork } from "./OperatorWork";

/** The operator's tablet home (/operator): a heading, then their work. */
export function OperatorHome() {
  const t = useTranslations("operator");
  const me = useSignedInUser();
  const [count, setCount] = useState<number | null>(null);

  return (
    <div className="mx-auto max-w-3xl space-y-6" data-testid="operator-home">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-neutral-900">{t("title")}</h1>
        <p className="mt-1 text-base text-neutral-700">
          {me.user.name}
          {count !== null && ` · ${t("openCount", { count })}`}
        </p>
      </div>
      <OperatorWork onOpenCount={setCount} />
    </div>
  );
}

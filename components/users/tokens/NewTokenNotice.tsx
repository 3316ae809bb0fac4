import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import type { CreatedToken } from "./types";

/** The token just made, shown this once with a copy button; after "Done" it cannot be read again. */
export function NewTokenNotice({ made, onDone }: { made: CreatedToken; onDone: () => void }) {
  const t = useTranslations("users");
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.token);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (http on a LAN): the text is selectable
    }
  };
  return (
    <Alert tone="success" title={t("tokens.madeTitle", { name: made.name })}>
      <p>{t("tokens.madeOnce")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="new-token" className="rounded bg-white px-2 py-1 font-mono text-sm break-all text-neutral-900 select-all">
          {made.token}
        </code>
        <Button variant="secondary" onClick={() => void copy()}>
          {copied ? t("tokens.copied") : t("tokens.copy")}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t("tokens.done")}
        </Button>
      </div>
      {copied === false && <p className="mt-1 text-sm">{t("tokens.copyFailed")}</p>}
    </Alert>
  );
}

import { useTranslations } from "next-intl";
import type { ReactNode, Ref } from "react";
import { Alert } from "./Alert";
import { Button } from "./Button";

/** A short message after an action: what happened, in the tone of the outcome. */
export interface NoticeMessage {
  tone: "success" | "error" | "info";
  text: string;
}

interface Props {
  notice: NoticeMessage | null;
  onDismiss: () => void;
  /** The test id of the box (each screen has its own: "users-notice", "stock-notice", …). */
  testId: string;
  title?: string;
  children?: ReactNode;
  /** For screens that move the focus to the message after an action. */
  ref?: Ref<HTMLDivElement>;
  /** "lg" on touch screens (48px targets, e.g. the operator's tablet). */
  size?: "md" | "lg";
}

/** The dismissible message a screen shows after an action (one component for every screen). */
export function Notice({ notice, onDismiss, testId, title, children, ref, size = "md" }: Props) {
  const t = useTranslations("ui");
  if (!notice) return null;
  return (
    <div className="flex items-start gap-3 outline-none" data-testid={testId} tabIndex={ref ? -1 : undefined} ref={ref}>
      <Alert tone={notice.tone} title={title} className="flex-1">
        {notice.text}
        {children}
      </Alert>
      <Button variant="ghost" size={size} onClick={onDismiss}>
        {t("dismiss")}
      </Button>
    </div>
  );
}

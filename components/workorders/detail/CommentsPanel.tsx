import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { createCommentInput } from "@/lib/manufacturing/schemas";
import { formatDateTime } from "../../format";
import { useApiForm } from "../../forms/useApiForm";
import { sendOrQueue } from "../../offline/sync";
import { useQueued, useTabletUser } from "../../offline/useQueued";
import { Alert } from "../../ui/Alert";
import { Button } from "../../ui/Button";
import { TextAreaField } from "../../ui/Field";
import { EmptyState } from "../../ui/States";
import type { CommentKind, WoComment } from "./types";

interface Props {
  woId: string;
  code: string;
  comments: WoComment[];
  /** Whether the signed-in user may write (wo:comment for this WO). */
  canWrite: boolean;
  onAdded: () => unknown;
}

/**
 * The WO's comments and issues, oldest first, and a form to add one. Without a network a comment is
 * kept on the tablet (components/offline) and listed here as not sent yet, with the time it was written.
 */
export function CommentsPanel({ woId, code, comments, canWrite, onAdded }: Props) {
  const t = useTranslations("workorders");
  const tq = useTranslations("offline");
  const pending = useQueued(woId).filter((e) => e.kind === "comment" && e.state === "queued");
  return (
    <div className="space-y-4">
      {pending.length > 0 && (
        <ol className="space-y-3" data-testid="wo-comments-pending">
          {pending.map((e) => (
            <li key={e.seq} className="rounded-md border-2 border-dashed border-sky-600 bg-sky-50 px-4 py-3" data-kind={String(e.body.kind ?? "COMMENT")}>
              <p className="flex flex-wrap items-center gap-x-2 text-sm text-neutral-600">
                <span className="rounded bg-sky-700 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-white">{tq("comment.pending")}</span>
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words text-base text-neutral-900">{String(e.body.content ?? "")}</p>
            </li>
          ))}
        </ol>
      )}
      {comments.length ? (
        <ol className="space-y-3" data-testid="wo-comments">
          {comments.map((c) => (
            <li key={c.id} className={`rounded-md border px-4 py-3 ${c.kind === "ISSUE" ? "border-red-300 bg-red-50" : "border-neutral-200 bg-white"}`} data-kind={c.kind}>
              <p className="flex flex-wrap items-center gap-x-2 text-sm text-neutral-600">
                {c.kind === "ISSUE" && <span className="rounded bg-red-700 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-white">{t("comments.issue")}</span>}
                <span className="font-medium text-neutral-900">{c.author.name}</span>
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
              </p>
              <p className="mt-1 whitespace-pre-wrap break-words text-base text-neutral-900">{c.content}</p>
            </li>
          ))}
        </ol>
      ) : (
        <EmptyState title={t("comments.noneYet")}>{canWrite ? t("comments.noneYetText") : undefined}</EmptyState>
      )}
      {canWrite && <CommentForm woId={woId} code={code} onAdded={onAdded} />}
    </div>
  );
}

const MAX = 2000;

function CommentForm({ woId, code, onAdded }: { woId: string; code: string; onAdded: () => unknown }) {
  const t = useTranslations("workorders");
  const tq = useTranslations("offline");
  const userId = useTabletUser();
  const [saved, setSaved] = useState("");
  const id = useId();
  const f = useApiForm({
    id: `wo-comment:${woId}`,
    schema: createCommentInput,
    defaultValues: { content: "", kind: "COMMENT" as CommentKind },
    labels: { content: t("comments.comment"), kind: t("comments.type") },
    check: (v) => ({ content: v.content.trim() ? undefined : v.kind === "ISSUE" ? t("comments.describeIssue") : t("comments.writeComment") }),
    toBody: (v) => ({ content: v.content.trim(), kind: v.kind }),
    // Sent now with the time it was written, or kept on the tablet without a network (components/offline/sync.ts).
    send: (body, key) => sendOrQueue({ kind: "comment", wo: { id: woId, code }, url: `/api/workorders/${encodeURIComponent(woId)}/comments`, body, key, userId }),
    onSuccess: async (sent, v) => {
      f.discard();
      setSaved(sent.queued ? tq("comment.queued") : v.kind === "ISSUE" ? t("comments.issueReported") : t("comments.added"));
      await onAdded();
    },
  });
  const kind = f.form.watch("kind");
  const error = f.fieldError("content") ?? f.formError ?? undefined;
  const setKind = (k: CommentKind) => f.form.setValue("kind", k);

  return (
    <form
      onSubmit={(e) => {
        setSaved("");
        return f.onSubmit(e);
      }}
      noValidate className="space-y-3 rounded-lg border border-neutral-200 bg-neutral-50 p-4" aria-label={t("comments.formLabel", { code })}>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-neutral-800">{t("comments.type")}</legend>
        <div className="grid grid-cols-2 gap-2 sm:max-w-md">
          <KindOption name={`${id}-kind`} value="COMMENT" checked={kind === "COMMENT"} onChange={setKind} label={t("comments.comment")} />
          <KindOption name={`${id}-kind`} value="ISSUE" checked={kind === "ISSUE"} onChange={setKind} label={t("comments.reportIssue")} />
        </div>
      </fieldset>
      <TextAreaField label={kind === "ISSUE" ? t("comments.whatProblem") : t("comments.comment")} {...f.register("content")} rows={3} maxLength={MAX} error={error} className="min-h-0 py-2" />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="lg" variant={kind === "ISSUE" ? "danger" : "primary"} busy={f.busy}>
          {kind === "ISSUE" ? t("comments.submitIssue") : t("comments.submitComment")}
        </Button>
        {saved && (
          <Alert tone="success" className="py-2">
            {saved}
          </Alert>
        )}
      </div>
    </form>
  );
}

function KindOption({ name, value, checked, onChange, label }: { name: string; value: CommentKind; checked: boolean; onChange: (k: CommentKind) => void; label: string }) {
  return (
    <label
      className={`flex h-12 cursor-pointer items-center justify-center gap-2 rounded-md border-2 px-3 text-base font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-blue-600 has-[:focus-visible]:ring-offset-2 ${
        checked ? (value === "ISSUE" ? "border-red-700 bg-red-50 text-red-900" : "border-neutral-900 bg-white text-neutral-900") : "border-neutral-300 bg-white text-neutral-700"
      }`}
    >
      <input type="radio" name={name} value={value} checked={checked} onChange={() => onChange(value)} className="h-5 w-5 accent-neutral-900" />
      {label}
    </label>
  );
}

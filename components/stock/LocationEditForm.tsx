// Editing a location on /stock/locations (stock:adjust; docs/locations.md "Screens: locations"):
// code, name, kind, parent and whether it takes stock in, sent as PATCH /api/locations/:id with only
// what changed. The parent select leaves out the location itself and everything inside it (the API
// would refuse the cycle with a 400 naming parentId); a default location keeps its kind and stays
// active (the API's 409 INVALID_STATE), so those two controls are locked for it. What the API still
// refuses with a 409 (a code another location has, a default's kind) is said in the person's words.
import { useTranslations } from "next-intl";
import { updateLocationInput } from "@/lib/locations/schemas";
import type { listLocations } from "@/lib/locations/locations";
import type { Jsonify } from "@/types/json";
import { ApiError } from "../api";
import { FormActions } from "../forms/FormActions";
import { FormError } from "../forms/FormError";
import { sendWithKey } from "../forms/send";
import { useApiForm } from "../forms/useApiForm";
import { SelectField, TextField } from "../ui/Field";
import { focusRing } from "../ui/styles";

export type LocationItem = Jsonify<Awaited<ReturnType<typeof listLocations>>>["items"][number];

const KINDS = ["STORAGE", "WIP", "FINISHED", "QUARANTINE", "SCRAP"] as const;
type Kind = (typeof KINDS)[number];

interface Values {
  code: string;
  name: string;
  kind: Kind;
  parentId: string;
  active: boolean;
}

const valuesOf = (l: LocationItem): Values => ({ code: l.code, name: l.name, kind: l.kind, parentId: l.parentId ?? "", active: l.active });

/** The ids of `id` and every location below it (they cannot be its parent). */
export function selfAndBelow(id: string, all: readonly { id: string; parentId: string | null }[]): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const l of all) {
      if (l.parentId && out.has(l.parentId) && !out.has(l.id)) {
        out.add(l.id);
        grew = true;
      }
    }
  }
  return out;
}

interface Props {
  location: LocationItem;
  /** Every location, switched-off ones too (the parent choices). */
  all: readonly LocationItem[];
  /** Products and lots on hand there: a kind change then says what it does to them. */
  stockLines: number;
  onSaved: (l: LocationItem) => unknown;
  onCancel: () => void;
}

export function LocationEditForm({ location, all, stockLines, onSaved, onCancel }: Props) {
  const t = useTranslations("stock");
  const labels = { code: t("locations.code"), name: t("locations.name"), kind: t("locations.kindLabel"), parentId: t("locations.parent"), active: t("locations.active") };
  const before = valuesOf(location);
  const f = useApiForm({
    id: `location-edit:${location.id}`,
    schema: updateLocationInput,
    defaultValues: before,
    labels,
    toBody: (v) => {
      const body: Record<string, unknown> = {};
      if (v.code.trim() !== before.code) body.code = v.code.trim();
      if (v.name.trim() !== before.name) body.name = v.name.trim();
      // A disabled control (a default location's kind and switch) reads as undefined: unchanged.
      if (v.kind !== undefined && v.kind !== before.kind) body.kind = v.kind;
      if (v.parentId !== before.parentId) body.parentId = v.parentId || null;
      if (typeof v.active === "boolean" && v.active !== before.active) body.active = v.active;
      return Object.keys(body).length ? body : null;
    },
    send: (body, key) => sendWithKey<LocationItem>(`/api/locations/${location.id}`, "PATCH", body, key),
    onSuccess: (saved) => onSaved(saved),
    onUnchanged: onCancel,
  });
  const kind = f.form.watch("kind");
  const excluded = selfAndBelow(location.id, all);
  const parents = all.filter((l) => !excluded.has(l.id));
  // The API's 409s, in the person's words: a code in use, or a default location's kind or switch.
  const refused = f.failure instanceof ApiError && f.failure.status === 409 ? f.failure : null;
  const explained = refused ? (refused.code === "CONFLICT" ? t("locations.edit.codeTaken", { code: f.form.getValues("code").trim() }) : t("locations.edit.defaultLocked", { code: location.code })) : null;
  return (
    <form onSubmit={f.onSubmit} noValidate aria-labelledby="edit-location" className="max-w-xl space-y-3 rounded-md border border-neutral-200 bg-neutral-50 p-4" data-testid="location-edit-form">
      <h2 id="edit-location" className="text-lg font-semibold text-neutral-900">
        {t("locations.edit.title", { code: location.code })}
      </h2>
      <FormError form={f} title={t("locations.edit.failed")}>
        {explained && (
          <p className="mt-1" data-testid="location-edit-refused">
            {explained}
          </p>
        )}
      </FormError>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={labels.code} required maxLength={40} autoComplete="off" {...f.register("code")} error={f.fieldError("code")} />
        <TextField label={labels.name} required maxLength={120} autoComplete="off" {...f.register("name")} error={f.fieldError("name")} />
        <SelectField
          label={labels.kind}
          disabled={location.isDefault}
          hint={location.isDefault ? t("locations.edit.defaultHint") : kind !== before.kind && stockLines > 0 ? t("locations.edit.kindWithStock", { count: stockLines }) : undefined}
          {...f.register("kind")}
          error={f.fieldError("kind")}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`locations.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={labels.parentId} {...f.register("parentId")} error={f.fieldError("parentId")}>
          <option value="">{t("locations.edit.noParent")}</option>
          {parents.map((l) => (
            <option key={l.id} value={l.id}>
              {l.code} · {l.name}
            </option>
          ))}
        </SelectField>
        <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-md border border-neutral-300 bg-white px-3 text-sm sm:col-span-2">
          <input type="checkbox" className={`h-5 w-5 ${focusRing}`} disabled={location.isDefault} {...f.register("active")} />
          <span>
            <span className="font-medium text-neutral-900">{labels.active}</span>
            <span className="block text-neutral-600">{t("locations.edit.activeHint")}</span>
          </span>
        </label>
      </div>
      <FormActions form={f} submit={t("locations.edit.save")} onCancel={onCancel} />
    </form>
  );
}

import { useTranslations } from "next-intl";
import type { Role } from "../types";
import { SelectField, TextField } from "../ui/Field";
import { RoleOptions } from "./RoleOptions";
import type { UserFilter } from "./useUsers";

type Editable = Pick<UserFilter, "q" | "role" | "active">;

/** Search box and role / status filters of the users list. */
export function UserFilters({ value, onChange }: { value: Editable; onChange: (next: Editable) => void }) {
  const t = useTranslations("users");
  return (
    <div role="search" className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
      <TextField label={t("filters.search")} type="search" placeholder={t("filters.searchPlaceholder")} value={value.q} onChange={(e) => onChange({ ...value, q: e.target.value })} />
      <SelectField label={t("filters.role")} value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role | "" })}>
        <option value="">{t("filters.allRoles")}</option>
        <RoleOptions />
      </SelectField>
      <SelectField label={t("filters.status")} value={value.active} onChange={(e) => onChange({ ...value, active: e.target.value as Editable["active"] })}>
        <option value="">{t("filters.all")}</option>
        <option value="true">{t("filters.active")}</option>
        <option value="false">{t("filters.deactivated")}</option>
      </SelectField>
    </div>
  );
}

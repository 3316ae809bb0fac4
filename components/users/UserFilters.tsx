import type { Role } from "../types";
import { SelectField, TextField } from "../ui/Field";
import { RoleOptions } from "./RoleOptions";
import type { UserFilter } from "./useUsers";

type Editable = Pick<UserFilter, "q" | "role" | "active">;

/** Search box and role / status filters of the users list. */
export function UserFilters({ value, onChange }: { value: Editable; onChange: (next: Editable) => void }) {
  return (
    <div role="search" className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr]">
      <TextField label="Search" type="search" placeholder="Name or email" value={value.q} onChange={(e) => onChange({ ...value, q: e.target.value })} />
      <SelectField label="Role" value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role | "" })}>
        <option value="">All roles</option>
        <RoleOptions />
      </SelectField>
      <SelectField label="Status" value={value.active} onChange={(e) => onChange({ ...value, active: e.target.value as Editable["active"] })}>
        <option value="">All</option>
        <option value="true">Active</option>
        <option value="false">Deactivated</option>
      </SelectField>
    </div>
  );
}

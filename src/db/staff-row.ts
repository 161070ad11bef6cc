// The staff table's one mapper: its columns as SQL selects them and as the domain names them.
import type { Role } from "../domain/role.ts";
import type { Staff, StaffState } from "../domain/staff.ts";

export type StaffRow = {
  id: number;
  login: string;
  display_name: string;
  email: string | null;
  role: Role;
  state: StaffState;
  password_hash: string | null;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
  version: number;
};

export const STAFF_COLUMNS =
  "id, login, display_name, email, role, state, password_hash, created_at, updated_at, last_sign_in_at, version";

export const toStaff = (r: StaffRow): Staff => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  email: r.email,
  role: r.role,
  state: r.state,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  lastSignInAt: r.last_sign_in_at,
  version: r.version,
});


/** The staff columns of a join, as `<alias>.<column> AS <prefix><column>`, so no other table's column shadows one. */
export const prefixedStaffColumns = (alias: string, prefix: string) =>
  STAFF_COLUMNS.split(", ").map((c) => `${alias}.${c} AS ${prefix}${c}`).join(", ");

/** The person in a joined row selected with prefixedStaffColumns. */
export function staffFromPrefixed(row: Record<string, unknown>, prefix: string): Staff {
  const own = Object.fromEntries(STAFF_COLUMNS.split(", ").map((c) => [c, row[`${prefix}${c}`]]));
  // The columns are exactly StaffRow's, read from the same table under another name.
  return toStaff(own as StaffRow);
}

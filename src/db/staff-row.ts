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


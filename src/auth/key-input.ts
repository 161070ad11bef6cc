// What may be asked of a new key, shared by the admin API and the key CLI so both refuse the same input.
import * as v from "valibot";
import { ROLES } from "../domain/role.ts";
import { closed, requiredLine } from "../content/schemas.ts";

/** A key's name follows the rules of a title: one visible line, no bidi overrides, counted in characters. */
const KeyName = requiredLine(100);

const KeyRole = v.picklist(ROLES, `must be one of ${ROLES.join(", ")}`);

/** A new key's name and role; any other field is refused, each one listed. */
export const KeyInput = closed({ name: KeyName, role: KeyRole });

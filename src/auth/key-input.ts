// What may be asked of a new key, shared by the admin API and the key CLI so both refuse the same input.
import * as v from "valibot";
import { ROLES } from "../domain/role.ts";
import { PEOPLE_LIMITS } from "../domain/staff.ts";
import { closed } from "../content/schemas.ts";
import { requiredLine } from "../content/text-rules.ts";

/** A key's name follows the rules of a title: one visible line, no bidi overrides, counted in characters. */
const KeyName = requiredLine(PEOPLE_LIMITS.keyName);

const KeyRole = v.picklist(ROLES, `must be one of ${ROLES.join(", ")}`);

/** A new key's name and role; any other field is refused, each one listed. */
export const KeyInput = closed({ name: KeyName, role: KeyRole });

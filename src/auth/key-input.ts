// What may be asked of a new key, shared by the admin API and the key CLI so both refuse the same input.
import * as v from "valibot";
import { ROLES } from "./roles.ts";

export const KeyName = v.pipe(
  v.string("must be a string"),
  v.trim(),
  v.nonEmpty("must not be empty"),
  v.maxLength(100, "must be at most 100 characters"),
  v.regex(/^\P{Cc}*$/u, "must not contain control characters"),
);

export const KeyRole = v.picklist(ROLES, `must be one of ${ROLES.join(", ")}`);

/** A new key's name and role; any other field is refused, each one listed. */
export const KeyInput = v.objectWithRest({ name: KeyName, role: KeyRole }, v.never("is not a known field"));

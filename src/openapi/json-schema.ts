// Valibot schemas as JSON Schema 2020-12, the dialect of OpenAPI 3.1. A request is converted as the client
// sends it — a pipe up to its first transform, whose rules the pipe states in its metadata (a pattern, a
// maxLength: content/text-rules.ts) — and an answer as the server writes it. Named schemas become components,
// referenced by $ref.
import { type ConversionConfig, type JsonSchema, toJsonSchema, toJsonSchemaDefs } from "@valibot/to-json-schema";
import type * as v from "valibot";

export type { JsonSchema };

export type Named = Record<string, v.GenericSchema>;

/** Which side of the exchange a schema describes. */
export type Side = "request" | "response";

export const componentRef = (name: string) => `#/components/schemas/${name}`;

const config = (side: Side, named: Named): ConversionConfig => ({
  target: "draft-2020-12",
  typeMode: side === "request" ? "input" : "output",
  definitions: named,
  overrideRef: ({ referenceId }) => componentRef(referenceId),
  // A check says nothing of itself (its pipe's metadata does); a transformation that keeps the type (to lower
  // case) changes nothing a client sends.
  overrideAction: ({ valibotAction, jsonSchema }) =>
    valibotAction.type === "check" || valibotAction.kind === "transformation" ? jsonSchema : null,
});

/** One schema, its named parts as references; the dialect is the document's, so no $schema of its own. */
export function jsonSchemaOf(schema: v.GenericSchema, side: Side, named: Named): JsonSchema {
  const { $schema: _dialect, $defs: _components, ...rest } = toJsonSchema(schema, config(side, named));
  return rest;
}

/** The named schemas themselves, for components.schemas. */
export const componentSchemas = (side: Side, named: Named): Record<string, JsonSchema> => toJsonSchemaDefs(named, config(side, named));

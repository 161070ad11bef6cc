// Checks an exchange against the API document, as a client generated from it would see it: whether the
// status is one the operation documents, whether the body is what that status's schema says, and whether a
// request's parts are what the operation's schemas allow. JSON Schema 2020-12 by @cfworker/json-schema,
// which compiles nothing at run time and so runs inside workerd.
import { Validator } from "@cfworker/json-schema";
import type { OpenApiDocument, OpenApiOperation } from "../src/openapi/document.ts";
import type { JsonSchema } from "../src/openapi/json-schema.ts";

export type DocumentedOperation = { method: string; path: string; op: OpenApiOperation };

/** Every operation of the document, by `METHOD path`. */
export function operationsOf(doc: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));
}

const validators = new WeakMap<object, Validator>();

/** Whether `value` is valid against `schema`, its $refs resolved in the document; the problems when not. */
export function validate(doc: OpenApiDocument, schema: JsonSchema, value: unknown): string[] {
  let validator = validators.get(schema);
  if (!validator) {
    // The document's components at the root, so `#/components/schemas/…` resolves as it does in the document.
    validator = new Validator({ ...schema, components: doc.components } as ConstructorParameters<typeof Validator>[0], "2020-12", false);
    validators.set(schema, validator);
  }
  const result = validator.validate(value);
  return result.valid ? [] : result.errors.map((e) => `${e.instanceLocation} ${e.error}`);
}

export type Answer = { status: number; contentType: string | null; body: string };

export const answerOf = async (res: Response): Promise<Answer> => ({
  status: res.status,
  contentType: res.headers.get("Content-Type"),
  body: await res.text(),
});

/** What is wrong with an answer to `documented`, by the document: an undocumented status, a body unlike its schema. */
export function answerProblems(doc: OpenApiDocument, documented: DocumentedOperation, answer: Answer): string[] {
  const response = documented.op.responses[String(answer.status)];
  const name = `${documented.method} ${documented.path} → ${answer.status}`;
  if (!response) return [`${name}: status not documented`];
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return answer.body === "" ? [] : [`${name}: a body where none is documented`];
  if (!/^application\/json\b/.test(answer.contentType ?? "")) return [`${name}: Content-Type ${answer.contentType}, not JSON`];
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [`${name}: the body is not JSON`];
  }
  return validate(doc, schema, body).map((p) => `${name}: ${p}`);
}

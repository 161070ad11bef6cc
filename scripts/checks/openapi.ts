// Lints the API document (/api/openapi.json, built here by the same function the Worker serves it with):
// valid against the OpenAPI 3.1 schema and its rules (@apidevtools/swagger-parser: structure, unique
// operation ids, path parameters declared, every $ref resolving), and every schema it embeds a valid JSON
// Schema 2020-12 that Ajv compiles in strict mode — no unknown keyword, no pattern a validator cannot
// compile with the u flag. Prints the document's size and what it describes.
//
//   npm run check:openapi
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { apiDocument } from "../../src/openapi/api.ts";
import type { JsonSchema } from "../../src/openapi/json-schema.ts";

const log = (message: string) => console.log(`check-openapi: ${message}`);

/** Every schema the document embeds, by where it is. */
function schemasOf(doc: ReturnType<typeof apiDocument>): [string, JsonSchema][] {
  const found: [string, JsonSchema][] = Object.entries(doc.components.schemas).map(([name, s]) => [`components.schemas.${name}`, s]);
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const p of op.parameters) found.push([`${at} ${p.in} ${p.name}`, p.schema]);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) if (media.schema) found.push([`${at} body ${type}`, media.schema]);
      for (const [status, r] of Object.entries(op.responses)) {
        const schema = r.content?.["application/json"]?.schema;
        if (schema) found.push([`${at} ${status}`, schema]);
      }
    }
  }
  return found;
}

async function main() {
  const doc = apiDocument();
  const problems: string[] = [];
  try {
    // It dereferences what it is given: a copy, so the schemas below keep their $refs.
    // Its OpenAPI types are its own hand-written ones; the document is checked, not trusted, so it goes in as data.
    await SwaggerParser.validate(structuredClone(doc) as unknown as Exclude<Parameters<typeof SwaggerParser.validate>[1], string>);
  } catch (err) {
    problems.push(`OpenAPI 3.1: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Formats are annotations here (date-time, binary); `components` is where the $refs point; `required` in a
  // oneOf branch names a member the object around it defines (PurgeRequest: tags, or everything).
  const ajv = new Ajv2020({ strict: true, strictRequired: false, validateFormats: false, allErrors: true });
  ajv.addKeyword("components");
  const schemas = schemasOf(doc);
  for (const [where, schema] of schemas) {
    try {
      ajv.compile({ ...schema, components: doc.components });
    } catch (err) {
      problems.push(`${where}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  const bytes = new TextEncoder().encode(JSON.stringify(doc)).length;
  log(`${operations} operations on ${Object.keys(doc.paths).length} paths, ${Object.keys(doc.components.schemas).length} named schemas, ${schemas.length} schemas compiled, ${Math.round(bytes / 1024)} KB`);
  if (problems.length) {
    for (const p of problems) console.error(`check-openapi: ${p}`);
    process.exitCode = 1;
    return;
  }
  log("valid OpenAPI 3.1, every schema valid JSON Schema 2020-12");
}

await main();

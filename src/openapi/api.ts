// The document of this API: every operation the registry describes, and the document built from them,
// once per isolate (it depends on nothing but the code). Adding a route under /api/ means adding its
// operation to operations/; test/openapi.test.ts fails for a route the document does not describe.
import { COMPONENTS } from "./components.ts";
import { type OpenApiDocument, buildDocument } from "./document.ts";
import type { Operation } from "./operation.ts";
import { adminOperations } from "./operations/admin.ts";
import { articleOperations } from "./operations/articles.ts";
import { editorOperations } from "./operations/editor.ts";
import { frontOperations } from "./operations/front.ts";
import { peopleOperations } from "./operations/people.ts";
import { publicOperations } from "./operations/public.ts";

const API_OPERATIONS: readonly Operation[] = [...publicOperations, ...articleOperations, ...editorOperations, ...adminOperations, ...frontOperations, ...peopleOperations];

let built: OpenApiDocument | null = null;

export const apiDocument = (): OpenApiDocument => (built ??= buildDocument(API_OPERATIONS, COMPONENTS));

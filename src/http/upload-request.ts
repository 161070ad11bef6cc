// Reads an upload request in either form: the raw image as the body with metadata in the query string,
// or multipart/form-data with a `file` part and `alt`, `caption`, `credit` fields. Runs after the body limit.
import { DomainError, type ErrorDetail, badRequest } from "../domain/errors.ts";
import { type ImageMetadata, validateImageMetadata } from "../media/metadata.ts";
import { FORBIDDEN_KEYS } from "./forbidden-keys.ts";

export type UploadRequest = { bytes: Uint8Array; metadata: ImageMetadata };

const mediaTypeOf = (request: Request) => (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

export const isMultipart = (request: Request) => mediaTypeOf(request) === "multipart/form-data";

/**
 * The text fields as an object, each name once: a repeated one is a problem, not "the last one wins".
 * Prototype names are refused as unknown, which the validator would otherwise skip without a word.
 */
function singleValued(entries: Iterable<[string, string]>, problems: ErrorDetail[]): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  for (const [name, value] of entries) {
    if (FORBIDDEN_KEYS.has(name)) problems.push({ path: name, message: "unknown field" });
    else if (Object.hasOwn(fields, name)) problems.push({ path: name, message: "given more than once" });
    else fields[name] = value;
  }
  return fields;
}

// Every problem at once, each by its field path.
const invalid = (problems: ErrorDetail[]) => badRequest("The upload is invalid", problems);

// RFC 9110 §8.3: without a Content-Type the body may be treated as application/octet-stream.
async function readRaw(request: Request): Promise<UploadRequest> {
  const type = mediaTypeOf(request);
  if (type !== "" && type !== "application/octet-stream" && !type.startsWith("image/"))
    throw new DomainError("unsupported_media_type", "Send the image as image/*, application/octet-stream or multipart/form-data");
  const problems: ErrorDetail[] = [];
  const checked = validateImageMetadata(singleValued(new URL(request.url).searchParams, problems));
  problems.push(...checked.problems);
  if (!checked.metadata || problems.length > 0) throw invalid(problems);
  return { bytes: new Uint8Array(await request.arrayBuffer()), metadata: checked.metadata };
}

async function readMultipart(request: Request): Promise<UploadRequest> {
  const problems: ErrorDetail[] = [];
  for (const name of new URL(request.url).searchParams.keys())
    problems.push({ path: `query.${name}`, message: "with multipart/form-data, send metadata as form fields" });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    // The runtime's parser says only that it failed; the client needs no more than that.
    throw badRequest("The multipart/form-data body is malformed");
  }
  const files = form.getAll("file");
  const file = files[0];
  if (file === undefined) problems.push({ path: "file", message: "required" });
  else if (typeof file === "string") problems.push({ path: "file", message: "must be a file part" });
  if (files.length > 1) problems.push({ path: "file", message: "given more than once" });
  const text: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (name === "file") continue;
    if (typeof value === "string") text.push([name, value]);
    else problems.push({ path: name, message: "must be a text field" });
  }
  const checked = validateImageMetadata(singleValued(text, problems));
  problems.push(...checked.problems);
  if (!checked.metadata || file === undefined || typeof file === "string" || problems.length > 0) throw invalid(problems);
  return { bytes: new Uint8Array(await file.arrayBuffer()), metadata: checked.metadata };
}

export const readUploadRequest = (request: Request) => (isMultipart(request) ? readMultipart(request) : readRaw(request));

// Names that reach an object's prototype rather than a field of it. Validators skip them to stay safe
// from prototype pollution, so an input that refuses unknown fields must refuse these explicitly rather
// than drop them silently: JSON bodies and multipart fields alike.
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

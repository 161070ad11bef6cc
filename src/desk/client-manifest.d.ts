// The client build's manifest (dist/desk-manifest.json), typed unknown until src/desk/scripts.ts has checked
// it: so the types check before the first build, and the bundle, which needs the file, says when it is missing.
declare module "*/desk-manifest.json" {
  const manifest: unknown;
  export default manifest;
}

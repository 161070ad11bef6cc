// opencc-js ships its dictionaries as modules without declarations: each default-exports one table as
// "from to|from to|…" (src/search/fold.ts parses the character tables).
declare module "opencc-js/dict/*" {
  const table: string;
  export default table;
}

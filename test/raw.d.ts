// Vite's raw imports: a file's text, for tests that read the project's configuration.
declare module "*?raw" {
  const text: string;
  export default text;
}

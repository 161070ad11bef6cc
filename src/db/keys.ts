// Placeholder: API keys are being built.
export type ApiKey = { id: number; name: string; role: "author" | "editor" | "admin"; prefix: string };

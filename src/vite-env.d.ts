// Types of the modules Vite makes up: the built-in deck list from scripts/vite-deck-check.ts.
/// <reference types="vite/client" />

declare module 'virtual:builtin-decks' {
  const decks: ReadonlyArray<{
    file: string;
    id: string;
    hash: string;
    /** The deck's title and description as in its file (checked at build time). */
    title: { en: string; zh: string };
    description: { en: string; zh: string } | null;
    load(): Promise<string>;
  }>;
  export default decks;
}

// Types of the modules Vite makes up: the built-in deck list from scripts/vite-deck-check.ts.
/// <reference types="vite/client" />

declare module 'virtual:builtin-decks' {
  const decks: ReadonlyArray<{ file: string; id: string; hash: string; load(): Promise<string> }>;
  export default decks;
}

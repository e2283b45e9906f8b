// Where a card's fact stands, in words: a source document's file name or a public page's address. Kept apart from
// deck-schema.ts so that the study screens can name a source without loading Zod.

export interface SourceRef {
  doc?: string | undefined;
  url?: string | undefined;
}

/** What a source is called in a list or a message: its document's file name or its page's address. */
export function sourceName(source: SourceRef): string {
  return source.doc ?? source.url ?? '';
}

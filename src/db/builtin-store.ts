// Stores the built-in deck files that changed: parse and check each (Zod), keep the user's edits and the browser's
// changes, write it. Runs in the built-in decks' Web Worker (src/workers/builtin-worker.ts), so that a first visit's
// parsing, checking and writing never blocks the page; in the page itself only where there are no workers.
import type { Issue } from '../domain/issue';
import type { Lang } from '../domain/text';
import { expandDeck } from '../domain/study-card';
import { parseDeckText } from '../formats/dockdeck/validate';
import { issueText } from '../formats/issue-text';
import { applyOverrides, overridesOf } from './bulk-overrides';
import type { DockdeckDB } from './database';
import { upsertDeck, type DeckWriteResult } from './deck-repo';
import { applyNoteEdits, noteEditsOf } from './note-edits';
import type { WriteFailureKind } from './errors';

/** A built-in deck file's text, with the content hash the build gave it. */
export interface BuiltinDeckText {
  file: string;
  hash: string;
  text: string;
}

export interface SyncReport {
  file: string;
  result?: DeckWriteResult;
  /** Why the deck file could not be loaded. */
  issues?: Issue[];
  /** The issues in words, in both languages (the alert shows the interface's). */
  error?: Record<Lang, string>;
}

/** What the page asks the built-in decks' worker (src/workers/builtin-worker.ts), and its answer. */
export interface BuiltinRequest {
  files: BuiltinDeckText[];
  now: number;
}

export type BuiltinResponse =
  | { type: 'done'; reports: SyncReport[] }
  /** The write failed: storage full, the database closed (another tab's upgrade), or another error. */
  | { type: 'failed'; kind: WriteFailureKind; message: string };

/** The current task ends here, so that the worker's (or the page's) other work gets a turn between two decks. */
const yieldTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function storeBuiltinDecks(
  db: DockdeckDB,
  files: readonly BuiltinDeckText[],
  now: number,
): Promise<SyncReport[]> {
  const reports: SyncReport[] = [];
  for (const entry of files) {
    await yieldTask();
    const parsed = parseDeckText(entry.file, entry.text);
    if (!parsed.ok) {
      const words = (lang: Lang) => parsed.issues.map((i) => issueText(i, lang)).join('\n');
      reports.push({ file: entry.file, issues: parsed.issues, error: { en: words('en'), zh: words('zh') } });
      continue;
    }
    // The user's edits of built-in cards win over the file's version of those cards.
    const { deck } = applyNoteEdits(parsed.deck, await noteEditsOf(db, parsed.deck.id));
    // So do the browser's changes: a card deleted or moved out stays out, and added or removed tags stay so.
    const cards = applyOverrides(expandDeck(deck), await overridesOf(db, deck.id));
    // The hash is checked again inside the write's transaction, so two tabs starting at once write once.
    const result = await upsertDeck(db, deck, cards, { hash: entry.hash, builtin: true, now });
    reports.push({ file: entry.file, result });
  }
  return reports;
}

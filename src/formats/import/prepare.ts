// Drafts made ready to write: study cards expanded, content hashed, imported history replayed into FSRS memory.
//
// This is the CPU-heavy part of an import (50,000 cards: expanding, hashing, replaying), so the import worker runs it
// and the main thread only writes what it is handed. It is pure: `now` and the scheduler settings are arguments.
import type { Deck } from '../../domain/deck-schema';
import { contentHash } from './deck-diff';
import type { SchedulerSettings } from '../../domain/scheduler';
import { expandDeck, type StudyCard } from '../../domain/study-card';
import type { DeckDraft, ImportedMarks, ImportedMedia, ImportFormat } from './draft';
import { groupHistory, replayHistory, type ReplayedCard } from './history';
import { hashText } from './progress';

/** A deck without its cards: what the deck row stores. */
export type DeckMeta = Omit<Deck, 'cards'>;

export interface PreparedCard {
  card: StudyCard;
  /** `contentHash(card)`: compared with the stored card's to tell changed from unchanged. */
  content: string;
  /** The imported history's memory and answers (only with "include scheduling", for cards that have history). */
  replayed?: ReplayedCard;
  /** The file's marks of the card (suspended, buried, flag; only with "include scheduling", for marked cards). */
  marks?: Omit<ImportedMarks, 'cardId'>;
}

export interface PreparedDeck {
  meta: DeckMeta;
  format: ImportFormat;
  /** The hash of the whole draft: re-importing an unchanged file rewrites nothing. */
  hash: string;
  cards: PreparedCard[];
  media: ImportedMedia[];
}

/** What the confirm step and the done step need to know of a draft, without its cards. */
export interface DraftSummary {
  deckId: string;
  title: Deck['title'];
  format: ImportFormat;
  cards: number;
}

export interface PrepareOptions {
  /** Epoch ms: imported answers dated after it are left out of the replay. */
  now: number;
  includeScheduling: boolean;
  settings: SchedulerSettings;
}

export function draftSummary(draft: DeckDraft): DraftSummary {
  return { deckId: draft.deck.id, title: draft.deck.title, format: draft.format, cards: draft.deck.cards.length };
}

/** Same deck content, same hash. */
export function draftHash(draft: Pick<DeckDraft, 'format' | 'deck'>): string {
  return `import-${hashText(JSON.stringify([draft.format, draft.deck]))}`;
}

export function deckMeta(deck: Deck): DeckMeta {
  const { cards: _cards, ...meta } = deck;
  return meta;
}

export function prepareDraft(draft: DeckDraft, opts: PrepareOptions): PreparedDeck {
  const cards = expandDeck(draft.deck);
  const replayed = new Map<string, ReplayedCard>();
  if (opts.includeScheduling && draft.history.length > 0) {
    const ids = new Set(cards.map((c) => c.id));
    for (const [cardId, reviews] of groupHistory(draft.history)) {
      if (!ids.has(cardId)) continue;
      const r = replayHistory(cardId, reviews, opts.now, opts.settings);
      if (r) replayed.set(cardId, r);
    }
  }
  const marks = new Map<string, Omit<ImportedMarks, 'cardId'>>();
  if (opts.includeScheduling) for (const { cardId, ...m } of draft.marks ?? []) marks.set(cardId, m);
  return {
    meta: deckMeta(draft.deck),
    format: draft.format,
    hash: draftHash(draft),
    cards: cards.map((card) => {
      const r = replayed.get(card.id);
      const m = marks.get(card.id);
      return { card, content: contentHash(card), ...(r ? { replayed: r } : {}), ...(m ? { marks: m } : {}) };
    }),
    media: draft.media,
  };
}

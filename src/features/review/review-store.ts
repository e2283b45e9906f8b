// The review session's short-lived state (which card, answer shown, undo stack, tallies): a vanilla store,
// driven by keys or buttons and testable without rendering. Cards and logs themselves live in Dexie.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RatingName } from '../../domain/scheduler';

/** Longest time counted for one answer, as Anki caps it: a card left open over lunch is not 40 minutes. */
export const MAX_ANSWER_MS = 60_000;

export interface ReviewDeps {
  /** Writes the answer (card + log in one transaction); resolves with the log id and the card's reps after. */
  answer(cardId: string, rating: RatingName, durationMs: number): Promise<{ logId: string; repsAfter: number }>;
  /** Takes the answer back (card + log in one transaction); resolves with the card id. */
  undo(logId: string): Promise<string | undefined>;
  /** Shows a storage error to the user. */
  report(error: unknown): void;
  now(): number;
}

interface Answered {
  logId: string | null;
  cardId: string;
  rating: RatingName;
  durationMs: number;
  /** The card's reps once this answer is stored: until the queue shows it, the card is hidden. */
  repsAfter: number;
}

export interface ReviewState {
  deckId: string;
  startedAt: number;
  /** The card on screen and when it was shown. */
  cardId: string | null;
  shownAt: number;
  revealed: boolean;
  showOtherLang: boolean;
  /** The choice picked on an mcq or classify card, and the text typed on a type-in card. */
  choice: number | null;
  typed: string;
  /** Answers of this session, newest last: the undo stack and the summary's tallies. */
  answers: Answered[];
  /** After an undo, that card is shown next. */
  pinnedId: string | null;
  /** Writes under way; the summary waits for them. */
  pending: number;
}

export interface ReviewActions {
  /** The screen calls this with the card it is showing; a new card resets the answer state. */
  show(cardId: string | null): void;
  reveal(): void;
  toggleOtherLang(): void;
  choose(index: number): void;
  type(text: string): void;
  grade(rating: RatingName, repsBefore: number): Promise<void>;
  undo(): Promise<void>;
  /** True while the queue has not yet caught up with an answer to this card. */
  isStale(cardId: string, reps: number): boolean;
}

export type ReviewStore = StoreApi<ReviewState & ReviewActions>;

export function createReviewStore(deckId: string, deps: ReviewDeps): ReviewStore {
  return createStore<ReviewState & ReviewActions>()((set, get) => ({
    deckId,
    startedAt: deps.now(),
    cardId: null,
    shownAt: deps.now(),
    revealed: false,
    showOtherLang: false,
    choice: null,
    typed: '',
    answers: [],
    pinnedId: null,
    pending: 0,

    show(cardId) {
      if (get().cardId === cardId) return;
      set({ cardId, shownAt: deps.now(), revealed: false, choice: null, typed: '' });
    },
    reveal() {
      if (get().cardId !== null) set({ revealed: true });
    },
    toggleOtherLang() {
      set({ showOtherLang: !get().showOtherLang });
    },
    choose(index) {
      if (!get().revealed) set({ choice: index });
    },
    type(text) {
      if (!get().revealed) set({ typed: text });
    },

    async grade(rating, repsBefore) {
      const { cardId, revealed, shownAt } = get();
      if (cardId === null || !revealed) return;
      const durationMs = Math.min(MAX_ANSWER_MS, Math.max(0, deps.now() - shownAt));
      const entry: Answered = { logId: null, cardId, rating, durationMs, repsAfter: repsBefore + 1 };
      // The next card shows at once; the answered one stays hidden until the queue reflects the write.
      set({
        answers: [...get().answers, entry],
        pinnedId: null,
        pending: get().pending + 1,
        cardId: null,
        revealed: false,
      });
      try {
        const { logId, repsAfter } = await deps.answer(cardId, rating, durationMs);
        set({ answers: get().answers.map((a) => (a === entry ? { ...entry, logId, repsAfter } : a)) });
      } catch (error) {
        // Nothing was stored: the card comes back at once, so the user can answer it again.
        set({ answers: get().answers.filter((a) => a !== entry), pinnedId: cardId, cardId: null, revealed: false });
        deps.report(error);
      } finally {
        set({ pending: get().pending - 1 });
      }
    },

    async undo() {
      const answers = get().answers;
      const last = answers[answers.length - 1];
      if (!last || last.logId === null) return;
      try {
        const cardId = await deps.undo(last.logId);
        set({ answers: get().answers.filter((a) => a !== last), pinnedId: cardId ?? null, cardId: null });
      } catch (error) {
        deps.report(error);
      }
    },

    isStale(cardId, reps) {
      // The latest answer to this card decides: its row must show at least the reps that answer gave it.
      const answers = get().answers;
      for (let i = answers.length - 1; i >= 0; i--) {
        const a = answers[i]!;
        if (a.cardId === cardId) return reps < a.repsAfter;
      }
      return false;
    },
  }));
}

export interface SessionSummary {
  answered: number;
  againRate: number;
  timeMs: number;
}

export function summarize(state: Pick<ReviewState, 'answers'>): SessionSummary {
  const n = state.answers.length;
  const again = state.answers.filter((a) => a.rating === 'again').length;
  return {
    answered: n,
    againRate: n === 0 ? 0 : again / n,
    timeMs: state.answers.reduce((t, a) => t + a.durationMs, 0),
  };
}

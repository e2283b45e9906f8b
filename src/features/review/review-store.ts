// The review session's short-lived state (the answer being given, undo stack, pin, tallies): a vanilla store, driven
// by keys or buttons and testable without rendering. Cards and logs live in Dexie; which card shows is chosen from
// the queue and this state by domain/review-session.ts, never written back here.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SessionView } from '../../domain/review-session';
import type { Memory, RatingName } from '../../domain/scheduler';
import type { MarksChange } from '../../db/marks-repo';

/** Longest time counted for one answer, as Anki caps it: a card left open over lunch is not 40 minutes. */
export const MAX_ANSWER_MS = 60_000;

/** The card's memory as the screen showed it when it was answered (its reps at least). */
export type ShownMemory = Partial<Memory> & { reps: number };

/**
 * What a failed write means for the answer: `retry`, storage failed (full, say) and the answer is kept to be written
 * again; `stale`, the card changed since it was shown (another tab answered it) and the answer is dropped, the card
 * shown as it is now; `refused`, nothing was stored and the card comes back to be answered again.
 */
export type WriteOutcome = 'retry' | 'stale' | 'refused';

export interface ReviewDeps {
  /**
   * Writes the answer given at `at` (card + log in one transaction), refused if the card is no longer as `expected`;
   * resolves with the log id and the card's reps after.
   */
  answer(
    cardId: string,
    rating: RatingName,
    durationMs: number,
    opts: { at: number; expected: ShownMemory },
  ): Promise<{ logId: string; repsAfter: number }>;
  /** Takes the answer back (card + log in one transaction); resolves with the card id. */
  undo(logId: string): Promise<string | undefined>;
  /** Buries (until the next study day), suspends, or flags (1–7, 0 to clear) the card; resolves with what changed. */
  mark(cardId: string, what: MarkAction): Promise<MarksChange[]>;
  /** Takes a mark back (refused if the card's marks changed again since). */
  unmark(changes: readonly MarksChange[]): Promise<void>;
  /** Shows a storage error to the user. */
  report(error: unknown): void;
  /** What a failed answer or undo means (all are `refused` when absent). */
  outcome?(error: unknown): WriteOutcome;
  now(): number;
}

/** One showing of a card: the screen says which card it shows, since when, and in which turn of the session. */
export interface Showing {
  cardId: string;
  shownAt: number;
  /** A key or click meant for a card of an earlier turn (already answered, its screen not yet redrawn) is ignored. */
  turn: number;
}

/** The answer being given to one showing: answer shown, the choice picked (mcq, classify), the text typed (type-in). */
export interface Draft {
  revealed: boolean;
  choice: number | null;
  typed: string;
}

const NO_DRAFT: Draft = { revealed: false, choice: null, typed: '' };

/** Bury or suspend a card (it leaves the session), or set its flag (it stays), as Anki's `-`, `@` and Ctrl+1–7. */
export type MarkAction = { kind: 'bury' } | { kind: 'suspend' } | { kind: 'flag'; flag: number };

interface Marked {
  /** Order among answers and marks: undo takes back the latest of either. */
  seq: number;
  cardId: string;
  action: MarkAction;
  changes: MarksChange[];
  /** The card's reps when it was marked (a buried card undone shows again as it was). */
  reps: number;
}

interface Answered {
  seq?: number;
  logId: string | null;
  cardId: string;
  rating: RatingName;
  durationMs: number;
  /** When it was given (a retried write keeps that moment). */
  at?: number;
  shown?: ShownMemory;
  /** Its write failed and waits to be retried (the answer is kept, the card hidden meanwhile). */
  unsaved?: boolean;
  /** Its undo was refused (the card was answered again elsewhere since): it stays, and undo skips it. */
  locked?: boolean;
  /** The card's reps once this answer is stored: until the queue shows it, the card is hidden. */
  repsAfter: number;
}

export interface ReviewState extends SessionView {
  deckId: string;
  /** The draft and the showing it belongs to: a card shown anew starts with its answer hidden. */
  draft: (Draft & Showing) | null;
  showOtherLang: boolean;
  /** Answers of this session, newest last: the undo stack and the summary's tallies. */
  answers: Answered[];
  /** Writes under way; the summary waits for them. */
  pending: number;
  /** Buries, suspensions and flags of this session, newest last (undone with the answers, latest first). */
  marked: Marked[];
  /** The last mark, for the status line ("Buried until tomorrow."), or null. */
  lastMark: MarkAction | null;
  /**
   * What the session last refused to do on a card changed elsewhere, for the status line: an answer to a card
   * answered since in another tab (`stale`), an undo of an answer another tab's answer followed (`undo`).
   */
  conflict: { cardId: string; kind: 'stale' | 'undo' } | null;
  /** How many such refusals this session met (each one said in the status line). */
  conflicts: number;
  seq: number;
}

export interface ReviewActions {
  reveal(showing: Showing): void;
  toggleOtherLang(): void;
  choose(showing: Showing, index: number): void;
  type(showing: Showing, text: string): void;
  /** Answers the showing whose answer is revealed; the card's reps as shown tell when the queue has the write. */
  grade(showing: Showing, rating: RatingName, shown: number | ShownMemory): Promise<void>;
  /** Buries, suspends or flags the card on screen; a flag of the number it has already clears it, as in Anki. */
  mark(showing: Showing, action: MarkAction, reps: number): Promise<void>;
  undo(): Promise<void>;
  /** Writes again the answers whose write failed (after the user freed space, say); resolves once all were tried. */
  retry(): Promise<void>;
}

export type ReviewStore = StoreApi<ReviewState & ReviewActions>;

const isFor = (draft: Showing, s: Showing) =>
  draft.cardId === s.cardId && draft.shownAt === s.shownAt && draft.turn === s.turn;

/** The answers whose write failed and waits for a retry. */
export function unsavedAnswers(state: Pick<ReviewState, 'answers'>): number {
  return state.answers.filter((a) => a.unsaved).length;
}

/** The answer an undo takes back: the latest stored (or unsaved) one whose undo was not refused. */
function undoable(answers: readonly Answered[]): Answered | undefined {
  for (let i = answers.length - 1; i >= 0; i--) {
    const a = answers[i]!;
    if (a.unsaved || (a.logId !== null && !a.locked)) return a;
    // A newer answer still being written (or waiting for a retry) is taken back first: not yet.
    if (a.logId === null) return undefined;
  }
  return undefined;
}

/** Whether undo has anything to take back. */
export function canUndo(state: Pick<ReviewState, 'answers' | 'marked'>): boolean {
  return undoable(state.answers) !== undefined || state.marked.length > 0;
}

/** The draft of this showing (answer hidden, nothing picked or typed, if the draft belongs to another). */
export function draftOf(state: Pick<ReviewState, 'draft'>, showing: Showing | null): Draft {
  const d = state.draft;
  return showing && d && isFor(d, showing) ? { revealed: d.revealed, choice: d.choice, typed: d.typed } : NO_DRAFT;
}

type Get = () => ReviewState & ReviewActions;
type Set = (partial: Partial<ReviewState>) => void;

/** Writes the session's answers: on failure an answer is kept for a retry, dropped (stale) or its card given back. */
function answerWriter(get: Get, set: Set, deps: ReviewDeps) {
  const replace = (from: Answered, to: Answered | null) =>
    set({ answers: get().answers.flatMap((a) => (a === from ? (to ? [to] : []) : [a])) });
  /** Writes an answer of the stack; on failure keeps it for a retry, drops it (stale) or gives the card back. */
  const write = async (entry: Answered) => {
    set({ pending: get().pending + 1 });
    const shown = entry.shown ?? { reps: entry.repsAfter - 1 };
    try {
      const { logId, repsAfter } = await deps.answer(entry.cardId, entry.rating, entry.durationMs, {
        at: entry.at ?? deps.now(),
        expected: shown,
      });
      replace(entry, { ...entry, logId, repsAfter });
    } catch (error) {
      const outcome = deps.outcome?.(error) ?? 'refused';
      if (outcome === 'retry') {
        // Kept: the card stays hidden (its row is older than the answer) until a retry writes it.
        replace(entry, { ...entry, unsaved: true });
        deps.report(error);
      } else if (outcome === 'stale') {
        // Another tab answered the card since it was shown: this answer goes, the queue shows the card as it is now.
        replace(entry, null);
        set({
          conflict: { cardId: entry.cardId, kind: 'stale' },
          conflicts: get().conflicts + 1,
          turn: get().turn + 1,
        });
      } else {
        // Nothing was stored: the card comes back at once, so the user can answer it again.
        replace(entry, null);
        set({ pinnedId: entry.cardId, pinnedReps: shown.reps, draft: null, turn: get().turn + 1 });
        deps.report(error);
      }
    } finally {
      set({ pending: get().pending - 1 });
    }
  };
  return { replace, write };
}

/** Takes back the latest of the session's last undoable answer and its last mark. */
async function undoLatest(
  get: Get,
  set: Set,
  deps: ReviewDeps,
  replace: (from: Answered, to: Answered | null) => void,
): Promise<void> {
  const last = undoable(get().answers);
  const mark = get().marked.at(-1);
  // The latest of the last answer and the last mark (answers without a seq are older than every mark).
  if (mark && (!last || (last.seq ?? 0) < mark.seq)) {
    try {
      await deps.unmark(mark.changes);
      const leaves = mark.action.kind !== 'flag';
      set({
        marked: get().marked.filter((m) => m !== mark),
        lastMark: null,
        ...(leaves ? { pinnedId: mark.cardId, pinnedReps: mark.reps, draft: null, turn: get().turn + 1 } : {}),
      });
    } catch (error) {
      deps.report(error);
    }
    return;
  }
  if (last?.unsaved) {
    // Never stored: taking it back only gives the card back.
    set({
      answers: get().answers.filter((a) => a !== last),
      lastMark: null,
      pinnedId: last.cardId,
      pinnedReps: last.repsAfter - 1,
      draft: null,
      turn: get().turn + 1,
    });
    return;
  }
  if (!last || last.logId === null) return;
  try {
    const cardId = await deps.undo(last.logId);
    set({
      answers: get().answers.filter((a) => a !== last),
      lastMark: null,
      conflict: null,
      pinnedId: cardId ?? null,
      pinnedReps: cardId ? last.repsAfter - 1 : null,
      draft: null,
      turn: get().turn + 1,
    });
  } catch (error) {
    if (deps.outcome?.(error) === 'stale') {
      // The card was answered again elsewhere since: this answer stays, and undo moves on to older ones.
      replace(last, { ...last, locked: true });
      set({ conflict: { cardId: last.cardId, kind: 'undo' }, conflicts: get().conflicts + 1 });
    }
    deps.report(error);
  }
}

export function createReviewStore(deckId: string, deps: ReviewDeps): ReviewStore {
  return createStore<ReviewState & ReviewActions>()((set, get) => {
    const edit = (showing: Showing, change: Partial<Draft>) => {
      const draft = draftOf(get(), showing);
      if (showing.turn === get().turn && !draft.revealed) set({ draft: { ...draft, ...change, ...showing } });
    };
    const { replace, write } = answerWriter(get, set, deps);
    return {
      deckId,
      draft: null,
      showOtherLang: false,
      answers: [],
      pinnedId: null,
      pinnedReps: null,
      turn: 0,
      pending: 0,
      marked: [],
      lastMark: null,
      conflict: null,
      conflicts: 0,
      seq: 0,

      reveal: (showing) => edit(showing, { revealed: true }),
      toggleOtherLang() {
        set({ showOtherLang: !get().showOtherLang });
      },
      choose: (showing, index) => edit(showing, { choice: index }),
      type: (showing, text) => edit(showing, { typed: text }),

      async grade(showing, rating, shownAs) {
        if (!draftOf(get(), showing).revealed) return;
        const { cardId } = showing;
        const shown: ShownMemory = typeof shownAs === 'number' ? { reps: shownAs } : shownAs;
        const at = deps.now();
        const durationMs = Math.min(MAX_ANSWER_MS, Math.max(0, at - showing.shownAt));
        const seq = get().seq + 1;
        const entry: Answered = {
          seq,
          logId: null,
          cardId,
          rating,
          durationMs,
          at,
          shown,
          repsAfter: shown.reps + 1,
        };
        // The next card shows at once; the answered one stays hidden until the queue reflects the write.
        set({
          seq,
          lastMark: null,
          conflict: null,
          answers: [...get().answers, entry],
          pinnedId: null,
          pinnedReps: null,
          draft: null,
          turn: get().turn + 1,
        });
        await write(entry);
      },

      async retry() {
        for (const a of get().answers.filter((x) => x.unsaved)) {
          // One taken back meanwhile, or already being written again by another retry, is left alone.
          if (!get().answers.includes(a)) continue;
          const entry: Answered = { ...a, unsaved: false };
          replace(a, entry);
          await write(entry);
        }
      },

      async mark(showing, action, reps) {
        if (showing.turn !== get().turn) return;
        const { cardId } = showing;
        try {
          const changes = await deps.mark(cardId, action);
          if (changes.length === 0) return;
          const seq = get().seq + 1;
          const leaves = action.kind !== 'flag';
          set({
            seq,
            marked: [...get().marked, { seq, cardId, action, changes, reps }],
            lastMark: action.kind === 'flag' ? { kind: 'flag', flag: changes[0]!.after.flag ?? 0 } : action,
            // A buried or suspended card leaves the session: the next one shows.
            ...(leaves ? { pinnedId: null, pinnedReps: null, draft: null, turn: get().turn + 1 } : {}),
          });
        } catch (error) {
          deps.report(error);
        }
      },

      undo: () => undoLatest(get, set, deps, replace),
    };
  });
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

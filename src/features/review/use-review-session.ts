// The review screen's data in one hook: the session store, the live queue and the clock that re-reads it, the card
// chosen to show (domain/review-session.ts), its interval previews, how its deck draws text, and what tomorrow holds.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { MarkedCard } from '../../db/database';
import { db, reportStorageError } from '../../db/connection';
import { writeOutcome } from '../../db/errors';
import { buryCards, changeMarks, suspendCards, undoMarks } from '../../db/marks-repo';
import { readDeckDisplay } from '../../db/deck-prefs';
import { NO_TITLES, type CitedSources } from '../../lib/cited-sources';
import { useLiveQuery } from '../../db/react/live';
import { useMediaResolver } from '../../db/react/use-media';
import { useSettings } from '../../db/react/use-settings';
import { useStudyDay } from '../../db/react/use-study-day';
import {
  answerCard,
  dueNextDay,
  loadQueue,
  memoryOf,
  newCardCount,
  undoAnswer,
  type DayWindow,
  type QueueSnapshot,
} from '../../db/review-repo';
import { dayWindow } from '../../domain/day-window';
import { contentMediaNames } from '../../domain/media-refs';
import type { Queue } from '../../domain/queue';
import { chooseCard, type OnScreen } from '../../domain/review-session';
import { preview, type RatingName } from '../../domain/scheduler';
import { schedulerAt, type Settings } from '../../domain/settings';
import { hasSecondLanguage, type Lang } from '../../domain/text';
import { clock } from '../../lib/clock';
import { useNow } from '../../lib/use-now';
import type { RemoteMode, TextFormat } from '../../ui/card-text';
import {
  createReviewStore,
  draftOf,
  type Draft,
  type ReviewState,
  type ReviewStore,
  type Showing,
} from './review-store';

/** How often answers whose write failed (a full disk) are tried again on their own; the screen's button tries at once. */
export const RETRY_MS = 15_000;

/**
 * A review of a fixed list of cards instead of a deck's daily queue ("review my mistakes", a day of the interview
 * plan): `load` reads the queue of the listed cards, given the cards answered in this session.
 */
export interface CardList {
  ids: readonly string[];
  /** How its answers are logged: custom study (rescheduled) or cram (not rescheduled); else as daily reviews. */
  kind?: 'custom' | 'cram';
  load(ids: readonly string[], now: number, answered: readonly string[], learnAheadMs: number): Promise<QueueSnapshot>;
}

/** How the card on screen is drawn. */
export interface CardDisplay {
  /** Undefined until known: the card waits for it rather than flash as Markdown. */
  textFormat: TextFormat | undefined;
  remote: RemoteMode;
  resolveMedia: ((text: string) => string) | null;
  /** The CSS of the card's Anki note type, if it has any. */
  notetypeCss: string | undefined;
  /** What the card's deck cites: its documents' titles (a deck file's cards), or false (Anki and CSV imports'). */
  cited: CitedSources;
}

/** How the card on screen was changed elsewhere while shown (see ReviewSession.changedElsewhere). */
export type Elsewhere = 'changed' | 'gone' | null;

export interface ReviewSession {
  store: ReviewStore;
  state: ReviewState;
  /** The card to show; undefined while loading, null when none can be shown now. */
  card: MarkedCard | null | undefined;
  /** The showing of that card the store's actions take. */
  showing: Showing | null;
  draft: Draft;
  /** The interval each grade would give, once the answer is shown. */
  previews: Record<RatingName, { intervalMs: number }> | null;
  display: CardDisplay;
  lang: Lang;
  bilingual: boolean;
  counts: Queue['counts'] | undefined;
  /** When the queue on screen was read. */
  queueAt: number | undefined;
  /** Nothing is left to show and every write is in: the session's end is shown. */
  ended: boolean;
  /** How long until the next learning card falls due, as of the queue's read; null when none is waiting. */
  waitMs: number | null;
  /** What the deck holds for tomorrow, once read (at the session's end, for a deck's daily review only). */
  tomorrow: Tomorrow | undefined;
  /** The card on screen changed while shown (answered in another tab): it is shown anew, its answer hidden. */
  /**
   * The card on screen changed while shown (answered in another tab, say): shown anew, its answer hidden (`changed`),
   * or gone from the queue, the next card shown instead (`gone`); null otherwise.
   */
  changedElsewhere: Elsewhere;
}

export function useReviewSession(deckId: string, cardList?: CardList): ReviewSession {
  const { settings, loaded } = useSettings();
  const store = useSessionStore(deckId, settings, cardList?.kind);
  const s = useStore(store);
  const { snapshot, day, newPerDay } = useQueue(deckId, cardList, s);
  const { card, catchingUp, showing, changedElsewhere } = useShowing(snapshot, loaded, s);
  useAutoRetry(store, s);
  const draft = draftOf(s, showing);
  const previews = useMemo(() => {
    if (!card || !draft.revealed) return null;
    const now = clock.now();
    return preview(card.id, memoryOf(card), now, schedulerAt(settings, now, card.deckId));
  }, [card, draft.revealed, settings]);
  const bilingual = useMemo(() => (card ? hasSecondLanguage(card.content) : false), [card]);
  const display = useCardDisplay(card ?? null);
  const ended = card === null && s.pending === 0 && !catchingUp;
  const tomorrow = useTomorrow(deckId, day, ended && !cardList, newPerDay);
  const nextDue = snapshot?.queue.nextDue ?? null;
  return {
    store,
    state: s,
    card,
    showing,
    draft,
    previews,
    display,
    lang: settings.study.studyLang,
    bilingual,
    counts: snapshot?.queue.counts,
    queueAt: snapshot?.at,
    ended,
    waitMs: nextDue === null || !snapshot ? null : Math.max(0, nextDue - snapshot.at),
    tomorrow,
    changedElsewhere,
  };
}

/** While answers wait for a retry (the disk was full), they are tried again every RETRY_MS. */
function useAutoRetry(store: ReviewStore, s: ReviewState) {
  const waiting = s.answers.some((a) => a.unsaved);
  useEffect(() => {
    if (!waiting) return;
    const id = window.setInterval(() => void store.getState().retry(), RETRY_MS);
    return () => window.clearInterval(id);
  }, [store, waiting]);
}

/** The session store, writing to Dexie with the settings of the moment of each answer (the card's deck's preset). */
function useSessionStore(deckId: string, settings: Settings, kind: CardList['kind']): ReviewStore {
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  return useMemo(
    () =>
      createReviewStore(deckId, {
        now: () => clock.ms(),
        async answer(cardId, rating, durationMs, { at, expected }) {
          const log = await answerCard(db(), cardId, rating, new Date(at), {
            durationMs,
            settings: settingsRef.current,
            expected,
            ...(kind ? { kind } : {}),
          });
          return { logId: log.id, repsAfter: log.after.reps };
        },
        async undo(logId) {
          return (await undoAnswer(db(), logId, clock.ms()))?.cardId;
        },
        async mark(cardId, what) {
          const now = clock.ms();
          // The flag the card has already clears it, as Anki's.
          if (what.kind === 'flag')
            return changeMarks(db(), [cardId], (m) => ({ ...m, flag: m.flag === what.flag ? 0 : what.flag }), now);
          if (what.kind === 'suspend') return suspendCards(db(), [cardId], true, now);
          // Buried until the next study day starts, as Anki's.
          return buryCards(db(), [cardId], dayWindow(now, settingsRef.current.study.dayStartHour).end, now);
        },
        unmark: (changes) => undoMarks(db(), changes, clock.ms()),
        report: reportStorageError,
        outcome: writeOutcome,
      }),
    [deckId, kind],
  );
}

type Snapshot = QueueSnapshot & { at: number };

/**
 * Today's queue (or the card list's), re-read after every write, on a new study day or changed limits, and when the
 * next learning card falls due: the clock wakes the page then, so that card appears without a reload.
 */
function useQueue(
  deckId: string,
  cardList: CardList | undefined,
  s: Pick<ReviewState, 'answers' | 'pinnedId'>,
): { snapshot: Snapshot | undefined; day: DayWindow; newPerDay: number } {
  const wakeRef = useRef<number | null>(null);
  const now = useNow(wakeRef.current);
  const { day, limits: listLimits, studyOf } = useStudyDay(now);
  // The deck's preset's limits and order; a card list has no daily limits, only the learn-ahead window.
  const { limits, order } = studyOf(deckId);
  // A card list shows each card once: the cards answered in this session leave it (unless in learning).
  const answered = cardList ? s.answers.map((a) => a.cardId).join('\n') : '';
  const snapshot = useLiveQuery(
    // The query reads the clock itself: it re-runs after every write, and must see the time of that run.
    async () => {
      const at = clock.ms();
      const queue = await (cardList
        ? cardList.load(cardList.ids, at, answered ? answered.split('\n') : [], listLimits.learnAheadMs)
        : loadQueue(db(), deckId, at, day, limits, s.pinnedId, order));
      return { ...queue, at };
    },
    [deckId, now, day, limits, order, listLimits, s.pinnedId, cardList, answered],
    deckId,
  );
  wakeRef.current = snapshot?.queue.nextDue ?? null;
  return { snapshot, day, newPerDay: limits.newPerDay };
}

/**
 * The card chosen from the queue, and since when it is on screen. Which card was on screen is React state kept from
 * the last render (the chooser keeps that card until it is answered); a new choice starts a new showing at once,
 * during the render, so no effect writes it anywhere. Until the stored settings are read nothing is chosen.
 */
function useShowing(
  snapshot: Snapshot | undefined,
  loaded: boolean,
  s: ReviewState,
): { card: MarkedCard | null | undefined; catchingUp: boolean; showing: Showing | null; changedElsewhere: Elsewhere } {
  const [onScreen, setOnScreen] = useState<OnScreen & { shownAt: number; stamp: string; changed: Elsewhere }>({
    cardId: null,
    turn: -1,
    shownAt: 0,
    stamp: '',
    changed: null,
  });
  const { answers, pinnedId, pinnedReps = null, turn } = s;
  const choice = useMemo(
    () =>
      snapshot && loaded
        ? chooseCard({
            queue: snapshot.queue.cards,
            rows: snapshot.cards,
            session: { answers, pinnedId, pinnedReps, turn },
            onScreen,
          })
        : undefined,
    [snapshot, loaded, answers, pinnedId, pinnedReps, turn, onScreen],
  );
  const cardId = choice?.card?.id ?? null;
  const stamp = choice?.card ? memoryStamp(choice.card) : '';
  if (choice && (cardId !== onScreen.cardId || turn !== onScreen.turn)) {
    // Within one turn the card on screen stays until this session acts on it: one that left the queue meanwhile was
    // answered (or buried, deleted…) elsewhere, another tab say.
    const gone = turn === onScreen.turn && onScreen.cardId !== null;
    setOnScreen({ cardId, turn, shownAt: clock.ms(), stamp, changed: gone ? 'gone' : null });
  } else if (choice && stamp !== onScreen.stamp) {
    // The card on screen was answered (or rescheduled) elsewhere, another tab say, while it was shown: it is shown
    // anew as it is now, its answer hidden, rather than graded on a state that is gone.
    setOnScreen({ cardId, turn, shownAt: clock.ms(), stamp, changed: 'changed' });
  }
  const { shownAt } = onScreen;
  const showing = useMemo(() => (cardId === null ? null : { cardId, shownAt, turn }), [cardId, shownAt, turn]);
  return {
    card: choice?.card,
    catchingUp: choice?.catchingUp ?? true,
    showing,
    changedElsewhere: onScreen.cardId === cardId ? onScreen.changed : null,
  };
}

/** The card's scheduling state as one string: it differs exactly when the card's memory does. */
function memoryStamp(card: MarkedCard): string {
  return JSON.stringify(memoryOf(card));
}

/** Each card is drawn as its own deck writes text (imported Anki decks are HTML): a card list can mix decks. */
function useCardDisplay(card: MarkedCard | null): CardDisplay {
  const mediaNames = useMemo(() => (card ? contentMediaNames(card.content) : []), [card]);
  const resolveMedia = useMediaResolver(card?.deckId ?? null, mediaNames);
  const cardDeckId = card?.deckId ?? null;
  // Within one deck it is read once, and again when the deck is re-imported or its "load remote images" choice changes.
  const display = useLiveQuery(
    () => (cardDeckId ? readDeckDisplay(db(), cardDeckId) : Promise.resolve(null)),
    [cardDeckId],
  );
  const notetype = card?.anki?.notetype;
  return {
    textFormat: display === undefined ? undefined : (display?.textFormat ?? 'markdown'),
    remote: display?.remoteImages ? 'frame' : 'block',
    resolveMedia,
    notetypeCss: notetype ? display?.notetypeCss.get(notetype) : undefined,
    cited: display?.cited ?? NO_TITLES,
  };
}

export interface Tomorrow {
  /** Reviews and learning cards due by the end of the next study day. */
  due: number;
  /** New cards it will introduce, at most. */
  newCards: number;
}

/** What tomorrow's session holds, read once the session has ended (and again when a write changes it). */
function useTomorrow(deckId: string, day: DayWindow, wanted: boolean, newPerDay: number): Tomorrow | undefined {
  const counts = useLiveQuery(
    async () => (wanted ? Promise.all([dueNextDay(db(), deckId, day), newCardCount(db(), deckId)]) : null),
    [deckId, day, wanted],
  );
  return useMemo(
    () => (counts ? { due: counts[0], newCards: Math.min(newPerDay, counts[1]) } : undefined),
    [counts, newPerDay],
  );
}

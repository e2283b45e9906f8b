// The review session: today's queue from Dexie, one card at a time, answered with keys or buttons.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { schedulerAt } from '../../domain/settings';
import type { CardRow } from '../../db/database';
import { formatInterval, preview, RATINGS, type RatingName } from '../../domain/scheduler';
import { hasSecondLanguage, otherLang } from '../../domain/text';
import { db, reportStorageError } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { readDeckDisplay } from '../../db/deck-prefs';
import { answerCard, loadQueue, memoryOf, undoAnswer, type QueueSnapshot } from '../../db/review-repo';
import { useSettings } from '../../db/react/use-settings';
import { useStudyDay } from '../../db/react/use-study-day';
import { clock } from '../../lib/clock';
import { useT, type MessageKey } from '../../lib/i18n';
import { useNow } from '../../lib/use-now';
import { CardView } from './card-view';
import { contentMediaNames } from '../../domain/media-refs';
import { useMediaResolver } from '../../db/react/use-media';
import { MediaContext, RemoteContext, TextFormatContext, type TextFormat } from '../../ui/card-text';
import { CardScope } from '../../ui/card-scope';
import { createReviewStore, type ReviewStore } from './review-store';
import { SessionEnd } from './session-end';
import { useReviewKeys } from './use-review-keys';

const RATING_LABEL: Record<RatingName, MessageKey> = {
  again: 'review.again',
  hard: 'review.hard',
  good: 'review.good',
  easy: 'review.easy',
};

/**
 * A review of a fixed list of cards instead of a deck's daily queue ("review my mistakes", a day of the interview
 * plan): `load` reads the queue of the listed cards, given the cards answered in this session.
 */
export interface CardList {
  ids: readonly string[];
  load(
    ids: readonly string[],
    now: number,
    answered: readonly string[],
    learnAheadMs: number,
    pinnedId: string | null,
  ): Promise<QueueSnapshot>;
}

export function ReviewScreen({
  deckId,
  deckTitle,
  onExit,
  cardList,
}: {
  deckId: string;
  deckTitle: string;
  onExit(): void;
  cardList?: CardList;
}) {
  const t = useT();
  const { settings, loaded } = useSettings();
  const settingsRef = useRef(settings);
  settingsRef.current = settings;

  const store: ReviewStore = useMemo(
    () =>
      createReviewStore(deckId, {
        now: () => clock.ms(),
        async answer(cardId, rating, durationMs) {
          const now = clock.now();
          const log = await answerCard(db(), cardId, rating, now, {
            durationMs,
            settings: schedulerAt(settingsRef.current, now),
          });
          return { logId: log.id, repsAfter: log.after.reps };
        },
        async undo(logId) {
          return (await undoAnswer(db(), logId, clock.ms()))?.cardId;
        },
        report: reportStorageError,
      }),
    [deckId],
  );
  const s = useStore(store);

  const { newPerDay } = settings.study;
  const wakeRef = useRef<number | null>(null);
  const now = useNow(wakeRef.current);
  const { day, limits } = useStudyDay(now);

  // A card list shows each card once: the cards answered in this session leave it (unless in learning).
  const answered = cardList ? s.answers.map((a) => a.cardId).join('\n') : '';
  const snapshot = useLiveQuery(
    // The query reads the clock itself: it re-runs after every write, and must see the time of that run.
    async () => {
      const at = clock.ms();
      const queue = await (cardList
        ? cardList.load(cardList.ids, at, answered ? answered.split('\n') : [], limits.learnAheadMs, s.pinnedId)
        : loadQueue(db(), deckId, at, day, limits, s.pinnedId));
      return { ...queue, at };
    },
    [deckId, now, day, limits, s.pinnedId, cardList, answered],
    deckId,
  );
  wakeRef.current = snapshot?.queue.nextDue ?? null;

  // The card on screen stays until it is answered, even if a learning card falls due meanwhile: that one takes
  // the next slot. Until the queue reflects every answer, an empty result means "loading", not "finished".
  const { current, catchingUp } = useMemo(() => {
    if (!snapshot || !loaded) return { current: undefined, catchingUp: true };
    let first: CardRow | null = null;
    let kept: CardRow | null = null;
    let stale = false;
    for (const q of snapshot.queue.cards) {
      const row = snapshot.cards.get(q.id);
      if (!row) continue;
      if (s.isStale(row.id, row.reps)) {
        stale = true;
        continue;
      }
      // A pinned card (taken back by undo, or whose answer could not be stored) comes before everything, even
      // before the card on screen, which a render from before the pin may already have moved on to.
      if (row.id === s.pinnedId) return { current: row, catchingUp: false };
      if (row.id === s.cardId) kept = row;
      first ??= row;
    }
    return { current: kept ?? first, catchingUp: kept === null && stale };
    // s.answers is what isStale reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot, loaded, s.answers, s.cardId, s.pinnedId]);

  const currentId = current?.id ?? null;
  useEffect(() => {
    if (current !== undefined) store.getState().show(currentId);
  }, [store, current, currentId]);

  const shown = current && s.cardId === current.id ? current : null;
  const previews = useMemo(() => {
    if (!shown || !s.revealed) return null;
    const now = clock.now();
    return preview(shown.id, memoryOf(shown), now, schedulerAt(settings, now));
  }, [shown, s.revealed, settings]);

  useReviewKeys(store, shown ? { id: shown.id, reps: shown.reps, content: shown.content } : null);

  const lang = settings.study.studyLang;
  const bilingual = useMemo(() => (shown ? hasSecondLanguage(shown.content) : false), [shown]);
  const mediaNames = useMemo(() => (shown ? contentMediaNames(shown.content) : []), [shown]);
  const resolveMedia = useMediaResolver(shown?.deckId ?? null, mediaNames);
  // Each card is drawn as its own deck writes text (imported Anki decks are HTML): a card list can mix decks.
  const cardDeckId = shown?.deckId ?? null;
  // Undefined until known: the card waits for it rather than flash as Markdown. Within one deck it is read once,
  // and again when the deck is re-imported or its "load remote images" choice changes.
  const display = useLiveQuery(
    () => (cardDeckId ? readDeckDisplay(db(), cardDeckId) : Promise.resolve(null)),
    [cardDeckId],
  );
  const textFormat: TextFormat | undefined = display === undefined ? undefined : (display?.textFormat ?? 'markdown');
  const notetype = shown?.anki?.notetype;
  const notetypeCss = notetype ? display?.notetypeCss.get(notetype) : undefined;
  const counts = snapshot?.queue.counts;

  return (
    <section
      className="review"
      aria-labelledby="review-title"
      data-answered={s.answers.filter((a) => a.logId).length}
      // When the queue on screen was read: tests wait for it to pass a moment (a card that fell due) as a user waits.
      data-queue-at={snapshot?.at}
    >
      <header className="review-header">
        <button type="button" className="link" onClick={onExit}>
          ← {t('review.back')}
        </button>
        <h1 id="review-title">{deckTitle}</h1>
        {counts && (
          <p className="counts" aria-live="polite">
            {t('review.remaining', { new: counts.new, learning: counts.learning, review: counts.review })}
          </p>
        )}
      </header>

      {current === undefined && <p>{t('review.loading')}</p>}

      {shown && textFormat && (
        <TextFormatContext.Provider value={textFormat}>
          <MediaContext.Provider value={resolveMedia}>
            <RemoteContext.Provider value={display?.remoteImages ? 'frame' : 'block'}>
              <article className="card" data-card-id={shown.id} aria-live="polite">
                <AnkiBox css={notetypeCss} scopeId={`${shown.deckId}\n${notetype ?? ''}`} ord={shown.anki?.ord}>
                  <CardView
                    card={shown}
                    lang={lang}
                    revealed={s.revealed}
                    choice={s.choice}
                    typed={s.typed}
                    onChoose={(i) => store.getState().choose(i)}
                    onType={(v) => store.getState().type(v)}
                    onSubmit={() => store.getState().reveal()}
                  />
                  {s.showOtherLang && bilingual && (
                    <CardView
                      secondary
                      card={shown}
                      lang={otherLang(lang)}
                      revealed={s.revealed}
                      choice={s.choice}
                      typed={s.typed}
                      onChoose={() => {}}
                      onType={() => {}}
                      onSubmit={() => {}}
                    />
                  )}
                </AnkiBox>
                <div className="card-actions">
                  {bilingual && (
                    <button
                      type="button"
                      className="link"
                      onClick={() => store.getState().toggleOtherLang()}
                      aria-keyshortcuts="L"
                    >
                      {t(s.showOtherLang ? 'review.hide-other-lang' : 'review.show-other-lang', {
                        lang: t(`lang.${otherLang(lang)}`),
                      })}
                    </button>
                  )}
                </div>
                {!s.revealed ? (
                  <div className="answer-bar">
                    <button
                      type="button"
                      className="primary"
                      onClick={() => store.getState().reveal()}
                      aria-keyshortcuts="Space"
                    >
                      {t('review.show-answer')}
                    </button>
                  </div>
                ) : (
                  <div className="answer-bar grades" role="group" aria-label={t('review.show-answer')}>
                    {RATINGS.map((r, i) => {
                      const label = previews ? formatInterval(previews[r].intervalMs) : '';
                      return (
                        <button
                          key={r}
                          type="button"
                          className={`grade grade-${r}`}
                          data-rating={r}
                          data-interval={label}
                          aria-keyshortcuts={String(i + 1)}
                          aria-label={`${t(RATING_LABEL[r])}, ${label}`}
                          onClick={() => void store.getState().grade(r, shown.reps)}
                        >
                          <span className="interval">{label}</span>
                          <span>{t(RATING_LABEL[r])}</span>
                        </button>
                      );
                    })}
                  </div>
                )}
              </article>
            </RemoteContext.Provider>
          </MediaContext.Provider>
        </TextFormatContext.Provider>
      )}

      {current === null && s.pending === 0 && !catchingUp && (
        <SessionEnd
          store={store}
          deckId={deckId}
          day={day}
          nextDue={snapshot?.queue.nextDue ?? null}
          newPerDay={newPerDay}
          showTomorrow={!cardList}
        />
      )}

      <footer className="review-footer">
        <button
          type="button"
          onClick={() => void store.getState().undo()}
          disabled={!s.answers.some((a) => a.logId)}
          aria-keyshortcuts="U Control+Z"
        >
          {t('review.undo')}
        </button>
        <p className="hint">{t('review.keys')}</p>
      </footer>
    </section>
  );
}

/** A card of an Anki note type with CSS is drawn in its scoped box (Anki's `.card`); any other card as it is. */
function AnkiBox({
  css,
  scopeId,
  ord,
  children,
}: {
  css: string | undefined;
  scopeId: string;
  ord: number | undefined;
  children: ReactNode;
}) {
  if (!css) return <>{children}</>;
  return (
    <CardScope scopeId={scopeId} css={css} ord={ord}>
      {children}
    </CardScope>
  );
}

// What the user sees when nothing is left to show now: a summary of the session, and what comes next.
import { useStore } from 'zustand';
import { formatInterval } from '../../domain/scheduler';
import { db } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { dueNextDay, newCardCount, type DayWindow } from '../../db/review-repo';
import { useT } from '../../lib/i18n';
import { clock } from '../../lib/clock';
import { summarize, type ReviewStore } from './review-store';

interface Props {
  store: ReviewStore;
  deckId: string;
  day: DayWindow;
  nextDue: number | null;
  newPerDay: number;
  /** What the deck holds for tomorrow; not shown for a review of a card list, which has no deck. */
  showTomorrow?: boolean;
}

export function SessionEnd({ store, deckId, day, nextDue, newPerDay, showTomorrow = true }: Props) {
  const t = useT();
  const answers = useStore(store, (s) => s.answers);
  const tomorrow = useLiveQuery(() => dueNextDay(db(), deckId, day), [deckId, day]);
  const newLeft = useLiveQuery(() => newCardCount(db(), deckId), [deckId]);
  const sum = summarize({ answers });
  const seconds = Math.round(sum.timeMs / 1000);

  return (
    <div className="session-end" role="status">
      {nextDue !== null && (
        <p className="waiting">{t('review.waiting', { time: formatInterval(Math.max(0, nextDue - clock.ms())) })}</p>
      )}
      {sum.answered === 0 && nextDue === null && <p>{t('review.nothing')}</p>}
      {sum.answered > 0 && (
        <>
          <h2>{t('review.summary')}</h2>
          <dl className="summary">
            <dt>{t('review.summary-cards')}</dt>
            <dd data-testid="summary-cards">{sum.answered}</dd>
            <dt>{t('review.summary-again')}</dt>
            <dd data-testid="summary-again">{Math.round(sum.againRate * 100)}%</dd>
            <dt>{t('review.summary-time')}</dt>
            <dd data-testid="summary-time">
              {seconds < 120 ? t('duration.s', { n: seconds }) : t('duration.min', { n: Math.round(seconds / 60) })}
            </dd>
          </dl>
        </>
      )}
      {showTomorrow && tomorrow !== undefined && (
        <p data-testid="summary-tomorrow">
          {t('review.summary-tomorrow')}:{' '}
          {t('review.summary-tomorrow-new', { n: tomorrow, m: Math.min(newPerDay, newLeft ?? 0) })}
        </p>
      )}
    </div>
  );
}

// What the user sees when nothing is left to show now: a summary of the session, and what comes next.
import { formatInterval } from '../../domain/scheduler';
import { useT } from '../../lib/i18n';
import { summarize, type ReviewState } from './review-store';
import type { Tomorrow } from './use-review-session';

interface Props {
  answers: ReviewState['answers'];
  /** How long until the next learning card falls due; null when none is waiting. */
  waitMs: number | null;
  /** What the deck holds for tomorrow; not given for a review of a card list, which has no deck. */
  tomorrow: Tomorrow | undefined;
}

export function SessionEnd({ answers, waitMs, tomorrow }: Props) {
  const t = useT();
  const sum = summarize({ answers });
  const seconds = Math.round(sum.timeMs / 1000);

  return (
    <div className="session-end" role="status">
      {waitMs !== null && <p className="waiting">{t('review.waiting', { time: formatInterval(waitMs) })}</p>}
      {sum.answered === 0 && waitMs === null && <p>{t('review.nothing')}</p>}
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
      {tomorrow && (
        <p data-testid="summary-tomorrow">
          {t('review.summary-tomorrow')}: {t('review.summary-tomorrow-new', { n: tomorrow.due, m: tomorrow.newCards })}
        </p>
      )}
    </div>
  );
}

// A card's review history, oldest first, as Anki's card info lists it: when, the answer, the interval it gave, the
// memory after it (stability, difficulty), the chance of recall it was answered at, and what kind of review it was.
import { CardState, formatInterval, retrievability, type SchedulerSettings } from '../../domain/scheduler';
import type { ReviewLogRow } from '../../db/database';
import type { UiLang } from '../../lib/i18n';
import { days, difficultyPercent, formatDate, percent, type BrowseT } from './browse-cells';

/** The interval an answer gave: days once it is a review, else the learning step (minutes, hours). */
function intervalText(log: ReviewLogRow, t: BrowseT): string {
  if (log.after.scheduledDays > 0) return t('unit.days', { n: log.after.scheduledDays });
  return formatInterval(Math.max(0, log.after.due - log.review));
}

export function ReviewHistory({
  logs,
  settings,
  uiLang,
  t,
}: {
  logs: readonly ReviewLogRow[];
  settings: SchedulerSettings;
  uiLang: UiLang;
  t: BrowseT;
}) {
  if (logs.length === 0) return <p className="help">{t('history.none')}</p>;
  return (
    // A wide history scrolls sideways in its own box, which keyboard users can reach and scroll.
    <div className="history-scroll" role="region" aria-label={t('history.title')} tabIndex={0}>
      <table className="review-history">
        <caption className="visually-hidden">{t('history.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.date')}</th>
            <th scope="col">{t('history.rating')}</th>
            <th scope="col">{t('history.interval')}</th>
            <th scope="col">
              <abbr title={t('history.s-long')}>{t('history.s')}</abbr>
            </th>
            <th scope="col">
              <abbr title={t('history.d-long')}>{t('history.d')}</abbr>
            </th>
            <th scope="col">
              <abbr title={t('history.r-long')}>{t('history.r')}</abbr>
            </th>
            <th scope="col">{t('history.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {logs.map((log) => (
            <tr key={log.id} data-rating={log.rating}>
              <td>{formatDate(log.review, uiLang, true)}</td>
              <td className={`rating-${log.rating}`}>{t(`rating.${log.rating}`)}</td>
              <td className="num">{intervalText(log, t)}</td>
              <td className="num">{days(log.after.stability)}</td>
              <td className="num">{difficultyPercent(log.after.difficulty)}</td>
              <td className="num">
                {log.before.state === CardState.New
                  ? '—'
                  : percent(retrievability(log.cardId, log.before, new Date(log.review), settings))}
              </td>
              <td>{t(`kind.${log.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// A card's forgetting curve: the chance of recalling it over the coming days, from its FSRS memory, as a small line
// drawing with a name that says what it shows, and the same numbers as a table for those who cannot see it.
import { DAY_MS } from '../../domain/day';
import { retrievability, type Memory, type SchedulerSettings } from '../../domain/scheduler';
import { percent, type BrowseT } from './browse-cells';

const WIDTH = 240;
const HEIGHT = 80;
const PAD = 4;
const POINTS = 60;

/** How far ahead the curve looks: about twice the card's stability, from a week to a year. */
export function curveDays(memory: Memory): number {
  const span = Math.max(memory.stability, memory.scheduledDays) * 2;
  return Math.min(365, Math.max(7, Math.ceil(span)));
}

/** The days the table lists: today, tomorrow, then a few steps up to the end of the curve. */
export function tableDays(horizon: number): number[] {
  const steps = [0, 1, 3, 7, 14, 30, 60, 90, 180, 365].filter((d) => d < horizon);
  return [...steps, horizon];
}

export interface CurveProps {
  cardId: string;
  memory: Memory;
  now: number;
  settings: SchedulerSettings;
  t: BrowseT;
}

export function ForgettingCurve({ cardId, memory, now, settings, t }: CurveProps) {
  const horizon = curveDays(memory);
  const at = (day: number) => retrievability(cardId, memory, new Date(now + day * DAY_MS), settings);
  const points = Array.from({ length: POINTS + 1 }, (_, i) => {
    const day = (i / POINTS) * horizon;
    const x = PAD + (i / POINTS) * (WIDTH - 2 * PAD);
    const y = PAD + (1 - at(day)) * (HEIGHT - 2 * PAD);
    return `${x.toFixed(1)},${y.toFixed(1)}`;
  });
  const label = t('curve.label', { now: percent(at(0)), end: percent(at(horizon)), days: horizon });
  return (
    <figure className="forgetting-curve">
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        className="curve"
      >
        <line className="axis" x1={PAD} y1={HEIGHT - PAD} x2={WIDTH - PAD} y2={HEIGHT - PAD} />
        <line className="axis" x1={PAD} y1={PAD} x2={PAD} y2={HEIGHT - PAD} />
        <polyline className="line" points={points.join(' ')} fill="none" />
      </svg>
      <p className="curve-ends" aria-hidden="true">
        <span>{t('curve.today')}</span>
        <span>{t('curve.in-days', { n: horizon })}</span>
      </p>
      <details>
        <summary>{t('curve.as-table')}</summary>
        <table className="curve-table">
          <caption className="visually-hidden">{t('curve.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('curve.day')}</th>
              <th scope="col">{t('curve.recall')}</th>
            </tr>
          </thead>
          <tbody>
            {tableDays(horizon).map((d) => (
              <tr key={d}>
                <td>{d === 0 ? t('curve.today') : d === 1 ? t('curve.tomorrow') : t('curve.in-days', { n: d })}</td>
                <td className="num">{percent(at(d))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

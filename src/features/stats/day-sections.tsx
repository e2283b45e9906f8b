// The sections computed from the day counters (or a search's log): today, calendar, reviews per day, true retention,
// hours and answer buttons.
import type { StatsDays } from '../../db/stats-repo';
import { BUTTON_GROUPS, REVIEW_BANDS, type ButtonGroup } from '../../domain/stats/stats-rows';
import { dayDate, type DayRange } from '../../domain/stats/study-days';
import { RETENTION_PERIODS, type RetentionCell } from '../../domain/stats/true-retention';
import { RATINGS } from '../../domain/scheduler';
import { BarChart, ChartSection, Heatmap, StatsTable, type BarColumn, type HeatCell, type TableCell } from './charts';
import type { Fmt, M } from './stats-format';

export function TodaySection({ data, m, f }: { data: StatsDays; m: M; f: Fmt }) {
  const t = data.figures.today;
  const b = t.bands;
  return (
    <section className="stats-section" aria-labelledby="stats-today-h" data-section="today">
      <h2 id="stats-today-h">{m('today.heading')}</h2>
      {t.answers === 0 ? (
        <p>{m('today.none')}</p>
      ) : (
        <>
          <p data-today={t.answers}>
            {m('today.studied', {
              n: f.n(t.answers),
              minutes: f.n(t.timeMs / 60_000, 1),
              seconds: f.n(t.timeMs / 1000 / t.answers, 1),
            })}
          </p>
          <p>{m('today.again', { n: f.n(t.again), pct: f.pct(t.againRate) })}</p>
          <p>
            {m('today.bands', {
              learning: f.n(b.learning),
              review: f.n(b.young + b.mature),
              relearning: f.n(b.relearning),
              custom: f.n(b.custom),
            })}
          </p>
          <p>{m('today.new', { n: f.n(t.introduced) })}</p>
          {t.matureAnswers > 0 && (
            <p>
              {m('today.mature', {
                correct: f.n(t.matureCorrect),
                n: f.n(t.matureAnswers),
                pct: f.pct(t.matureCorrect / t.matureAnswers),
              })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

export function CalendarSection({ data, m, f }: { data: StatsDays; m: M; f: Fmt }) {
  const cells: HeatCell[] = [];
  for (let day = data.today - 364; day <= data.today; day += 1) {
    cells.push({ day, date: dayDate(day), count: data.figures.heatmap.get(day)?.count ?? 0 });
  }
  const studied = cells.filter((c) => c.count > 0);
  const label = m('calendar.chart');
  return (
    <ChartSection
      name="calendar"
      title={m('calendar.heading')}
      label={label}
      summary={
        <p>
          {m('calendar.summary', {
            days: f.n(studied.length),
            total: f.n(cells.length),
            n: f.n(studied.reduce((a, c) => a + c.count, 0)),
          })}
        </p>
      }
      chart={
        <Heatmap
          label={label}
          cells={cells}
          cellLabel={(c) => m('calendar.cell', { date: f.date(c.date), n: f.n(c.count) })}
        />
      }
      table={{
        head: [m('calendar.date'), m('calendar.reviews')],
        rows: studied.map((c) => [f.date(c.date), f.n(c.count)]),
      }}
    />
  );
}

/** The days of the period, from its first day (or the first with reviews, for "all") to today. */
function daysOf(range: DayRange, data: StatsDays): number[] {
  const known = [...data.figures.reviewsPerDay.keys()];
  const from = range.from ?? (known.length ? Math.min(...known) : data.today);
  const out: number[] = [];
  for (let d = from; d <= range.to; d += 1) out.push(d);
  return out;
}

export function ReviewsSection({ data, range, m, f }: { data: StatsDays; range: DayRange; m: M; f: Fmt }) {
  const days = daysOf(range, data);
  const per = data.figures.reviewsPerDay;
  // More than a year of days is shown a week a bar, so bars stay wider than a pixel.
  const width = days.length > 400 ? 7 : 1;
  const columns: BarColumn[] = [];
  for (let i = 0; i < days.length; i += width) {
    const span = days.slice(i, i + width);
    columns.push({
      title: f.date(dayDate(span[0]!)),
      parts: REVIEW_BANDS.map((kind) => ({
        kind,
        value: span.reduce((a, d) => a + (per.get(d)?.[kind].count ?? 0), 0),
      })),
    });
  }
  let total = 0;
  let time = 0;
  const rows: string[][] = [];
  for (const d of days) {
    const bands = per.get(d);
    if (!bands) continue;
    const n = REVIEW_BANDS.reduce((a, b) => a + bands[b].count, 0);
    const ms = REVIEW_BANDS.reduce((a, b) => a + bands[b].timeMs, 0);
    total += n;
    time += ms;
    rows.push([f.date(dayDate(d)), ...REVIEW_BANDS.map((b) => f.n(bands[b].count)), f.n(ms / 60_000, 1)]);
  }
  const label = m('reviews.chart');
  return (
    <ChartSection
      name="reviews"
      title={m('reviews.heading')}
      label={label}
      summary={
        <>
          <p>
            {m('reviews.summary', {
              n: f.n(total),
              minutes: f.n(time / 60_000, 1),
              avg: f.n(rows.length ? total / rows.length : 0, 1),
            })}
          </p>
          <Legend kinds={REVIEW_BANDS.map((b) => [b, m(`band.${b}`)])} />
        </>
      }
      chart={<BarChart label={label} columns={columns} />}
      table={{ head: [m('calendar.date'), ...REVIEW_BANDS.map((b) => m(`band.${b}`)), m('reviews.time')], rows }}
    />
  );
}

export function Legend({ kinds }: { kinds: [string, string][] }) {
  return (
    <ul className="stats-legend">
      {kinds.map(([kind, text]) => (
        <li key={kind}>
          <span className={`swatch bar-${kind}`} aria-hidden="true" />
          {text}
        </li>
      ))}
    </ul>
  );
}

export function RetentionSection({ data, m, f }: { data: StatsDays; m: M; f: Fmt }) {
  const cell = (c: RetentionCell): TableCell =>
    c.percent === null
      ? m('none')
      : { main: f.pct(c.percent / 100), sub: m('retention.cell', { passed: f.n(c.passed), failed: f.n(c.failed) }) };
  const rows = RETENTION_PERIODS.map((p) => {
    const r = data.figures.trueRetention[p];
    return [m(`retention.${p}`), cell(r.young), cell(r.mature), cell(r.total)];
  });
  return (
    <section className="stats-section" aria-labelledby="stats-retention-h" data-section="retention">
      <h2 id="stats-retention-h">{m('retention.heading')}</h2>
      <StatsTable
        caption={m('retention.caption')}
        data={{
          head: [m('retention.period'), m('retention.young'), m('retention.mature'), m('retention.total')],
          rows,
        }}
      />
    </section>
  );
}

export function HoursSection({ data, m, f }: { data: StatsDays; m: M; f: Fmt }) {
  const hours = data.figures.hours;
  const label = m('hours.chart');
  return (
    <ChartSection
      name="hours"
      title={m('hours.heading')}
      label={label}
      chart={
        <BarChart
          label={label}
          columns={hours.map((h) => ({ title: `${h.hour}:00`, parts: [{ kind: 'hour', value: h.total }] }))}
        />
      }
      table={{
        head: [m('hours.hour'), m('hours.reviews'), m('hours.correct')],
        rows: hours.filter((h) => h.total > 0).map((h) => [`${h.hour}:00`, f.n(h.total), f.pct(h.rate)]),
      }}
    />
  );
}

export function ButtonsSection({ data, m, f }: { data: StatsDays; m: M; f: Fmt }) {
  const b = data.figures.buttons;
  const label = m('buttons.chart');
  const sum = (g: ButtonGroup) => RATINGS.reduce((a, r) => a + b[g][r], 0);
  const correct = (g: ButtonGroup) => (sum(g) === 0 ? null : 1 - b[g].again / sum(g));
  return (
    <ChartSection
      name="buttons"
      title={m('buttons.heading')}
      label={label}
      summary={
        <>
          <ul className="stats-list">
            {BUTTON_GROUPS.map((g) => (
              <li key={g}>{m('buttons.summary', { group: m(`band.${g}`), pct: f.pct(correct(g)), n: f.n(sum(g)) })}</li>
            ))}
          </ul>
          <Legend kinds={RATINGS.map((r) => [r, m(`buttons.${r}`)])} />
        </>
      }
      chart={
        <BarChart
          label={label}
          columns={BUTTON_GROUPS.map((g) => ({
            title: m(`band.${g}`),
            parts: RATINGS.map((r) => ({ kind: r, value: b[g][r] })),
          }))}
        />
      }
      table={{
        head: [m('buttons.group'), ...RATINGS.map((r) => m(`buttons.${r}`)), m('buttons.correct')],
        rows: BUTTON_GROUPS.map((g) => [m(`band.${g}`), ...RATINGS.map((r) => f.n(b[g][r])), f.pct(correct(g))]),
      }}
    />
  );
}

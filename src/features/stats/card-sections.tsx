// The sections computed from the scope's cards: future due with the daily load, card counts, and the interval,
// stability, difficulty and retrievability distributions with the average retention and total knowledge.
import type { StatsCards } from '../../db/stats-repo';
import { cardCounts } from '../../domain/stats/card-counts';
import { futureDue } from '../../domain/stats/future-due';
import { histogram, median, type Histogram } from '../../domain/stats/histogram';
import { difficultiesOf, intervalsOf, memorySummary, stabilitiesOf } from '../../domain/stats/memory';
import { BarChart, ChartSection } from './charts';
import type { Fmt, M } from './stats-format';

const DAY_EDGES = [0, 1, 2, 3, 4, 7, 10, 14, 21, 30, 45, 60, 90, 120, 180, 270, 365, 730, Number.MAX_VALUE];
const PERCENT_EDGES = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

export function FutureSection({ data, days, m, f }: { data: StatsCards; days: number; m: M; f: Fmt }) {
  const due = futureDue(data.cards, data.calendar, data.now, days);
  const dayName = (i: number) =>
    i === 0 ? m('future.today') : i === 1 ? m('future.tomorrow') : m('future.in-days', { n: i });
  const label = m('future.chart', { days });
  return (
    <ChartSection
      name="future"
      title={m('future.heading')}
      label={label}
      summary={
        <>
          <p data-tomorrow={due.perDay[1] ?? 0}>
            {m('future.summary', {
              tomorrow: f.n(due.perDay[1] ?? 0),
              overdue: f.n(due.overdue),
              later: f.n(due.later),
            })}
          </p>
          <p>{m('future.load', { n: f.n(due.dailyLoad, 1) })}</p>
        </>
      }
      chart={
        <BarChart
          label={label}
          columns={due.perDay.map((n, i) => ({ title: dayName(i), parts: [{ kind: 'due', value: n }] }))}
        />
      }
      table={{
        head: [m('future.day'), m('future.cards')],
        rows: due.perDay.flatMap((n, i) => (n > 0 ? [[dayName(i), f.n(n)]] : [])),
      }}
    />
  );
}

export function CountsSection({ data, m, f }: { data: StatsCards; m: M; f: Fmt }) {
  const c = cardCounts(data.cards, data.now, data.unread);
  const states = ['new', 'learning', 'relearning', 'young', 'mature', 'suspended', 'buried'] as const;
  const label = m('counts.chart');
  return (
    <ChartSection
      name="counts"
      title={m('counts.heading')}
      label={label}
      summary={<p>{m('counts.summary', { n: f.n(c.total) })}</p>}
      chart={
        <BarChart
          label={label}
          columns={states.map((s) => ({ title: m(`counts.${s}`), parts: [{ kind: `state-${s}`, value: c[s] }] }))}
        />
      }
      table={{ head: [m('counts.state'), m('counts.cards')], rows: states.map((s) => [m(`counts.${s}`), f.n(c[s])]) }}
    />
  );
}

function rangeName(m: M, f: Fmt, from: number, to: number, unit: 'days' | 'percent'): string {
  if (to === Number.MAX_VALUE) return `≥ ${f.n(from)}`;
  return m(unit === 'days' ? 'range.days' : 'range.percent', { from: f.n(from), to: f.n(to) });
}

function HistogramSection(props: {
  name: string;
  title: string;
  label: string;
  summary: string;
  hist: Histogram;
  unit: 'days' | 'percent';
  m: M;
  f: Fmt;
}) {
  const { m, f, hist, unit } = props;
  const name = (from: number, to: number) => rangeName(m, f, from, to, unit);
  return (
    <ChartSection
      name={props.name}
      title={props.title}
      label={props.label}
      summary={<p>{props.summary}</p>}
      chart={
        <BarChart
          label={props.label}
          columns={hist.bins.map((b) => ({ title: name(b.from, b.to), parts: [{ kind: props.name, value: b.count }] }))}
        />
      }
      table={{
        head: [m('range.label'), m('counts.cards')],
        rows: hist.bins.map((b) => [name(b.from, b.to), f.n(b.count)]),
      }}
    />
  );
}

export function MemorySections({ data, m, f }: { data: StatsCards; m: M; f: Fmt }) {
  const intervals = intervalsOf(data.cards);
  const stabilities = stabilitiesOf(data.cards);
  const difficulties = difficultiesOf(data.cards);
  const memory = memorySummary(data.cards, data.now, data.decayFor, data.unread);
  const med = (xs: number[]) => {
    const v = median(xs);
    return v === null ? m('none') : f.n(v, 1);
  };
  return (
    <>
      <HistogramSection
        name="intervals"
        title={m('intervals.heading')}
        label={m('intervals.chart')}
        summary={m('intervals.summary', { n: med(intervals) })}
        hist={histogram(intervals, DAY_EDGES)}
        unit="days"
        m={m}
        f={f}
      />
      <HistogramSection
        name="stability"
        title={m('stability.heading')}
        label={m('stability.chart')}
        summary={m('stability.summary', { n: med(stabilities) })}
        hist={histogram(stabilities, DAY_EDGES)}
        unit="days"
        m={m}
        f={f}
      />
      <HistogramSection
        name="difficulty"
        title={m('difficulty.heading')}
        label={m('difficulty.chart')}
        summary={m('difficulty.summary', { n: med(difficulties) })}
        hist={histogram(difficulties, PERCENT_EDGES)}
        unit="percent"
        m={m}
        f={f}
      />
      <HistogramSection
        name="retrievability"
        title={m('retrievability.heading')}
        label={m('retrievability.chart')}
        summary={m('retrievability.summary', {
          pct: f.pct(memory.averageRetention),
          n: f.n(memory.totalKnowledge),
          notes: f.n(memory.totalKnowledgeByNote),
        })}
        hist={histogram(
          memory.retrievabilities.map((r) => r * 100),
          PERCENT_EDGES,
        )}
        unit="percent"
        m={m}
        f={f}
      />
    </>
  );
}

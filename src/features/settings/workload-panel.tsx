// The predicted workload at the retention being chosen: a summary, a small chart of reviews per day for a year (with a
// table of the same numbers a click away), and the yearly total at several retentions so the knee shows.
import { useId, useState } from 'react';
import { workloadSummary, type Workload } from '../../domain/workload';
import { useMessages, useUiLang, localeTag } from '../../lib/i18n';
import { presetMessages } from './preset-messages';
import type { WorkloadEstimate } from './use-workload';

const W = 360;
const H = 96;

function weeks(w: Workload): number[] {
  const out: number[] = [];
  for (let i = 0; i < w.perDay.length; i += 7) out.push(w.perDay.slice(i, i + 7).reduce((a, b) => a + b, 0));
  return out;
}

function Chart({ w, label }: { w: Workload; label: string }) {
  const max = Math.max(1, ...w.perDay);
  const step = W / Math.max(1, w.perDay.length - 1);
  const points = w.perDay.map((v, i) => `${(i * step).toFixed(1)},${(H - (v / max) * H).toFixed(1)}`).join(' ');
  return (
    <svg className="workload-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} preserveAspectRatio="none">
      <polyline points={`0,${H} ${points} ${W},${H}`} className="workload-area" />
      <polyline points={points} className="workload-line" fill="none" />
    </svg>
  );
}

export function WorkloadPanel({ estimate, retention }: { estimate: WorkloadEstimate; retention: number | null }) {
  const m = useMessages(presetMessages);
  const lang = useUiLang();
  const [table, setTable] = useState(false);
  const tableId = useId();
  const fmt = (n: number, digits = 0) =>
    n.toLocaleString(localeTag(lang), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const { current, compare, secondsPerReview, cardCount } = estimate;
  const pct = retention === null ? '' : fmt(retention * 100);
  if (cardCount === 0) return <p className="help">{m('workload.no-cards')}</p>;
  const summary = current ? workloadSummary(current) : null;
  return (
    <section className="workload" aria-labelledby={`${tableId}-h`} aria-busy={!current}>
      <h3 id={`${tableId}-h`}>{m('workload.heading')}</h3>
      {!current || !summary ? (
        <p role="status">{m('workload.loading')}</p>
      ) : (
        <>
          <p role="status" className="workload-summary">
            {m('workload.summary', {
              mean: fmt(summary.meanPerDay),
              minutes: fmt((summary.meanPerDay * secondsPerReview) / 60),
              month: fmt(summary.firstMonth),
            })}
          </p>
          <Chart w={current} label={m('workload.chart', { pct })} />
          <button type="button" aria-expanded={table} aria-controls={tableId} onClick={() => setTable(!table)}>
            {m(table ? 'workload.hide-table' : 'workload.show-table')}
          </button>
          {table && (
            <div className="table-scroll" id={tableId}>
              <table>
                <caption>{m('workload.chart', { pct })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{m('workload.week')}</th>
                    <th scope="col">{m('workload.reviews')}</th>
                    <th scope="col">{m('workload.minutes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {weeks(current).map((n, i) => (
                    <tr key={i}>
                      <th scope="row">{m('workload.week-n', { n: i + 1 })}</th>
                      <td>{fmt(n)}</td>
                      <td>{fmt((n * secondsPerReview) / 60)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {compare && (
        <table className="workload-compare">
          <caption>{m('workload.compare')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('workload.retention')}</th>
              <th scope="col">{m('workload.total')}</th>
              <th scope="col">{m('workload.per-day')}</th>
            </tr>
          </thead>
          <tbody>
            {compare.map((row) => (
              <tr key={row.retention} aria-current={retention === row.retention ? 'true' : undefined}>
                <th scope="row">{m('retention-value', { pct: fmt(row.retention * 100) })}</th>
                <td>{fmt(row.total)}</td>
                <td>{fmt(row.total / 365, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="help">{m('workload.note')}</p>
    </section>
  );
}

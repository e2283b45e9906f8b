// Settings' "Check database" (as Anki's): runs db/check-repo.ts over the whole database, a slice of cards at a time,
// with its progress, then says what it checked and what it repaired.
import { useState } from 'react';
import { checkDatabase, type CheckReport } from '../../db/check-repo';
import { db, reportStorageError } from '../../db/connection';
import { clock } from '../../lib/clock';
import { useMessages } from '../../lib/i18n';
import { checkMessages } from './check-messages';

type Run =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; report: CheckReport }
  | { phase: 'failed'; message: string };

const SHOWN_IDS = 10;

function Report({ report }: { report: CheckReport }) {
  const m = useMessages(checkMessages);
  const ids = report.repairedIds.slice(0, SHOWN_IDS).join(', ');
  const more = report.repaired - Math.min(SHOWN_IDS, report.repairedIds.length);
  const lines = [
    m('checked', { cards: report.cards, logs: report.logs }),
    m('replayed', {
      recomputed: report.recomputed,
      asLogged: report.asLogged,
      manual: report.manual,
      cram: report.cram,
    }),
    report.repaired === 0
      ? m('repaired-none')
      : m('repaired', { n: report.repaired, ids: more > 0 ? m('repaired-more', { ids, more }) : ids }),
    ...(['broken-chain', 'bad-after', 'cram-moved'] as const).flatMap((p) =>
      report.logProblems[p] > 0 ? [m(p, { n: report.logProblems[p] })] : [],
    ),
    ...(report.orphanLogs > 0 ? [m('orphan-logs', { n: report.orphanLogs })] : []),
    ...(report.orphanCards > 0 ? [m('orphan-cards', { n: report.orphanCards })] : []),
    m(report.countersRebuilt ? 'counters-rebuilt' : 'counters-ok', { days: report.counterDays }),
  ];
  return (
    <ul className="check-report">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

export function CheckDatabase() {
  const m = useMessages(checkMessages);
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const start = async () => {
    setRun({ phase: 'running', done: 0, total: 0 });
    try {
      const report = await checkDatabase(db(), {
        now: clock.ms(),
        onProgress: (done, total) => setRun({ phase: 'running', done, total }),
      });
      setRun({ phase: 'done', report });
    } catch (error) {
      reportStorageError(error);
      setRun({ phase: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const running = run.phase === 'running';
  const pct = running && run.total > 0 ? Math.min(100, Math.round((run.done / run.total) * 100)) : 0;
  const amount = running ? m('progress', { done: run.done, total: run.total }) : '';
  return (
    <section className="check-database" aria-labelledby="check-database-title">
      <h2 id="check-database-title">{m('heading')}</h2>
      <p>{m('intro')}</p>
      <button type="button" onClick={() => void start()} disabled={running} aria-busy={running}>
        {running ? m('running') : m('run')}
      </button>
      {running && (
        <div className="check-progress">
          <p>{amount}</p>
          <div
            className="progress"
            role="progressbar"
            aria-label={m('running')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            aria-valuetext={amount}
          >
            <div className="progress-fill" style={{ width: `${pct}%` }} />
          </div>
        </div>
      )}
      <div role="status">
        {run.phase === 'done' && <Report report={run.report} />}
        {run.phase === 'failed' && <p className="error">{m('failed', { message: run.message })}</p>}
      </div>
    </section>
  );
}

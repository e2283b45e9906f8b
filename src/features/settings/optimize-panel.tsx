// The optimizer in a preset's editor: fits the FSRS parameters to the review log of the preset's decks in a worker
// (progress, Cancel), shows how well the current and the fitted parameters predict the same reviews, and offers the
// fitted ones only if they do better; the parameters can be copied and pasted as text. What the user takes goes into
// the editor's draft (`onUse`): the preset's Save writes it, with its Undo and its offer to reschedule.
import { useId, useState } from 'react';
import { FULL_FIT_ITEMS, MIN_ITEMS } from '../../domain/optimizer/fit-policy';
import {
  checkParameterSet,
  formatParameters,
  parseParameters,
  type ParameterProblem,
} from '../../domain/optimizer/parameters';
import type { OptimizeResult } from '../../domain/optimizer/protocol';
import { LEFT_OUT_REASONS, SKIP_REASONS } from '../../domain/optimizer/training-items';
import { useMessages } from '../../lib/i18n';
import { optimizeMessages } from './optimize-messages';
import { useOptimizer, type OptimizerRun } from './use-optimizer';

type Words = ReturnType<typeof useMessages<keyof (typeof optimizeMessages)['en']>>;

export interface OptimizePanelProps {
  /** The parameters in use (21), as the editor's draft has them: the fit is judged against them. */
  weights: readonly number[];
  dayStartHour: number;
  /** The decks whose reviews are fitted (a preset's), or null for every review. */
  deckIds: string[] | null;
  /** Now (epoch ms): later log entries are impossible. */
  now: () => number;
  /** Puts parameters into the editor's draft (nothing is written until the preset is saved). */
  onUse: (weights: number[]) => void;
}

/** Whether the page can share memory between threads (it is cross-origin isolated). */
const isolated = () => typeof window !== 'undefined' && window.crossOriginIsolated === true;

export function problemWords(m: Words, p: ParameterProblem): string {
  switch (p.code) {
    case 'empty':
      return m('problem.empty');
    case 'not-a-number':
      return m('problem.not-a-number', { n: p.index + 1, text: p.text });
    case 'count':
      return m('problem.count', { count: p.count, expected: p.expected });
    case 'out-of-range':
      return m('problem.out-of-range', { n: p.index + 1, value: p.value, min: p.min, max: p.max });
    case 'rejected':
      return m('problem.rejected', { message: p.message });
  }
}

const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4));

function counts(m: Words, r: OptimizeResult): string[] {
  const lines: string[] = [];
  const skipped = SKIP_REASONS.filter((k) => r.skipped[k] > 0).map((k) => m(`skip.${k}`, { n: r.skipped[k] }));
  if (skipped.length) lines.push(m('skipped', { list: skipped.join(', ') }));
  const left = LEFT_OUT_REASONS.filter((k) => r.leftOut[k] > 0).map((k) => m(`left.${k}`, { n: r.leftOut[k] }));
  if (left.length) lines.push(m('left-out', { list: left.join(', ') }));
  return lines;
}

function Result({ result: r, onUse }: { result: OptimizeResult; onUse: (w: number[]) => void }) {
  const m = useMessages(optimizeMessages);
  const [used, setUsed] = useState(false);
  const verdict = r.verdict;
  return (
    <div className="optimize-result">
      <p>{m('used', { items: r.items, reviews: r.reviews, cards: r.cards })}</p>
      {counts(m, r).map((line) => (
        <p key={line} className="help">
          {line}
        </p>
      ))}
      {r.scope === 'none' && <p className="error">{m('too-few', { items: r.items, min: MIN_ITEMS })}</p>}
      {r.scope === 'initial-stability' && <p>{m('initial-only', { items: r.items, full: FULL_FIT_ITEMS })}</p>}
      {r.before && r.after && (
        <table className="optimize-metrics">
          <caption>{m('metrics-caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m('metric')}</th>
              <th scope="col">{m('current')}</th>
              <th scope="col">{m('fitted')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{m('log-loss')}</th>
              <td data-metric="log-loss-before">{fmt(r.before.logLoss)}</td>
              <td data-metric="log-loss-after">{fmt(r.after.logLoss)}</td>
            </tr>
            <tr>
              <th scope="row">{m('rmse')}</th>
              <td data-metric="rmse-before">{fmt(r.before.rmseBins)}</td>
              <td data-metric="rmse-after">{fmt(r.after.rmseBins)}</td>
            </tr>
          </tbody>
        </table>
      )}
      {verdict && !verdict.keep && (
        <p className="error">
          {verdict.reason === 'not-better'
            ? m('not-better')
            : m('invalid', { reason: problemWords(m, verdict.problem) })}
        </p>
      )}
      {r.fitted && (
        <p className="optimize-parameters">
          <span>{m('fitted-parameters')}: </span>
          <code data-parameters="fitted">{formatParameters(r.fitted)}</code>
        </p>
      )}
      {verdict?.keep && r.fitted && (
        <>
          <p className="ok">{used ? m('in-draft') : m('kept')}</p>
          <button
            type="button"
            className="primary"
            disabled={used}
            onClick={() => {
              // Four decimals, as the editor shows parameters (and Anki): the text the draft holds is what is saved.
              onUse(parseFormatted(r.fitted!));
              setUsed(true);
            }}
          >
            {m('use')}
          </button>
        </>
      )}
    </div>
  );
}

/** How a run ended, when it did not end with a result. */
function RunEnd({ run }: { run: OptimizerRun }) {
  const m = useMessages(optimizeMessages);
  if (run.phase === 'cancelled') return <p>{m('cancelled')}</p>;
  if (run.phase === 'failed') {
    return (
      <p className="error">{run.code === 'not-isolated' ? m('not-isolated') : m('failed', { message: run.message })}</p>
    );
  }
  return null;
}

/** The stage and the fit's progress, with Cancel (not a live region: it changes several times a second). */
function RunView({ run, onCancel }: { run: OptimizerRun; onCancel: () => void }) {
  const m = useMessages(optimizeMessages);
  if (run.phase !== 'running') return null;
  const label = m(`stage.${run.stage}`);
  const known = run.stage === 'fitting' && run.total > 0;
  const pct = known ? Math.min(100, Math.round((run.done / run.total) * 100)) : 0;
  const amount = known ? m('progress-of', { done: run.done, total: run.total }) : '';
  return (
    <div className="optimize-progress">
      <p>
        {label} {amount}
      </p>
      <div
        className={known ? 'progress' : 'progress indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? pct : undefined}
        aria-valuetext={known ? `${label} ${amount}` : label}
      >
        <div className="progress-fill" style={known ? { width: `${pct}%` } : undefined} />
      </div>
      <button type="button" onClick={onCancel}>
        {m('cancel')}
      </button>
    </div>
  );
}

/** The fitted parameters as the editor will hold them: rounded as formatParameters shows them. */
const parseFormatted = (w: readonly number[]) => formatParameters(w).split(', ').map(Number);

function ParametersText({ weights, onUse }: { weights: readonly number[]; onUse: (w: number[]) => void }) {
  const m = useMessages(optimizeMessages);
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const text = formatParameters(weights);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setNote({ ok: true, text: m('copied') }),
      () => setNote({ ok: false, text: m('copy-failed') }),
    );
  const usePasted = () => {
    const parsed = parseParameters(pasted);
    if (!parsed.ok) {
      setNote({ ok: false, text: problemWords(m, parsed.problem) });
      return;
    }
    onUse(parsed.weights);
    setPasted('');
    setNote({ ok: true, text: m('in-draft') });
  };
  return (
    <div className="optimize-text">
      <button type="button" onClick={() => void copy()}>
        {m('copy')}
      </button>
      <label className="field">
        <span>{m('paste')}</span>
        <textarea rows={3} value={pasted} aria-describedby={`${id}-help`} onChange={(e) => setPasted(e.target.value)} />
      </label>
      <p className="help" id={`${id}-help`}>
        {m('paste-help')}
      </p>
      <button type="button" onClick={usePasted}>
        {m('use-pasted')}
      </button>
      <p role="status" className={note ? (note.ok ? 'ok' : 'error') : undefined}>
        {note?.text}
      </p>
    </div>
  );
}

export function OptimizePanel({ weights, dayStartHour, deckIds, now, onUse }: OptimizePanelProps) {
  const m = useMessages(optimizeMessages);
  const { run, start, cancel } = useOptimizer();
  const [includeQuiz, setIncludeQuiz] = useState(true);
  const [includeCustom, setIncludeCustom] = useState(true);
  const [before, setBefore] = useState('');
  const canRun = isolated();
  // The draft's parameters may be mid-edit: the fit is judged against them, so they must be a valid set first.
  const problem = checkParameterSet(weights);
  const optimize = () => {
    // A date box gives local midnight of that day.
    const ignoreBefore = before ? new Date(`${before}T00:00`).getTime() : null;
    start({
      type: 'optimize',
      weights: [...weights],
      deckIds,
      options: { dayStartHour, now: now(), includeQuiz, includeCustom, ignoreBefore },
    });
  };
  return (
    <fieldset className="optimize">
      <legend>{m('heading')}</legend>
      <p className="help">{m('intro')}</p>
      {!canRun && <p className="error">{m('not-isolated')}</p>}
      {problem && <p className="error">{m('fix-current', { reason: problemWords(m, problem) })}</p>}
      <label className="field checkbox">
        <input type="checkbox" checked={includeQuiz} onChange={(e) => setIncludeQuiz(e.target.checked)} />
        <span>{m('include-quiz')}</span>
      </label>
      <label className="field checkbox">
        <input type="checkbox" checked={includeCustom} onChange={(e) => setIncludeCustom(e.target.checked)} />
        <span>{m('include-custom')}</span>
      </label>
      <label className="field">
        <span>{m('ignore-before')}</span>
        <input type="date" value={before} onChange={(e) => setBefore(e.target.value)} />
      </label>
      <p className="help">{m('ignore-help')}</p>
      <button
        type="button"
        className="primary"
        disabled={!canRun || problem !== null || run.phase === 'running'}
        onClick={optimize}
      >
        {m('optimize')}
      </button>
      <RunView run={run} onCancel={cancel} />
      <div className="optimize-status" role="status" aria-live="polite">
        <RunEnd run={run} />
        {run.phase === 'done' && <Result result={run.result} onUse={onUse} />}
      </div>
      <ParametersText weights={weights} onUse={onUse} />
    </fieldset>
  );
}

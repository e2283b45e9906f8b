// The workload estimate of the preset being edited: its decks' cards read once, then the simulation run a few days
// per task (so the retention slider stays responsive), after the slider has rested a moment; and the yearly totals
// for the comparison retentions, run once per set of parameters.
import { useEffect, useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import { workloadCards } from '../../db/preset-repo';
import type { PresetOptions } from '../../domain/presets';
import {
  WORKLOAD_RETENTIONS,
  startWorkload,
  type Workload,
  type WorkloadCard,
  type WorkloadInput,
} from '../../domain/workload';

const DAYS = 365;
/** Days simulated per task: a few milliseconds for thousands of cards. */
const DAYS_PER_TASK = 20;
/**
 * Due cards simulated per task at most (~10 µs each here, measured with Node on this machine): every overdue card comes
 * on day 0, 50,000 of them in the benchmark's collection, which was one task of most of a second.
 */
const CARDS_PER_TASK = 1000;
const DEBOUNCE_MS = 200;
const SEED = 20_261_201;

export interface WorkloadEstimate {
  /** Undefined while it runs. */
  current: Workload | undefined;
  /** Total reviews over the year at each comparison retention, once all have run. */
  compare: Array<{ retention: number; total: number }> | undefined;
  secondsPerReview: number;
  cardCount: number | undefined;
}

type Options = Pick<PresetOptions, 'weights' | 'maximumInterval' | 'newPerDay' | 'learningSteps' | 'relearningSteps'>;

/** Runs the simulations of `inputs` one after another, each a few days per task; `onDone` gets each result. */
function runChunked(inputs: WorkloadInput[], onDone: (w: Workload[]) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const results: Workload[] = [];
  let run = inputs[0] ? startWorkload(inputs[0]) : null;
  const tick = () => {
    if (stopped || !run) return;
    if (run.step(DAYS_PER_TASK, CARDS_PER_TASK)) {
      results.push(run.result());
      const next = inputs[results.length];
      run = next ? startWorkload(next) : null;
      if (!run) {
        onDone(results);
        return;
      }
    }
    timer = setTimeout(tick, 0);
  };
  timer = setTimeout(tick, 0);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

export function useWorkload(
  deckIds: readonly string[],
  retention: number | null,
  options: Options | null,
  todayStart: number,
): WorkloadEstimate {
  const deckKey = deckIds.join('\n');
  const [source, setSource] = useState<{ key: string; cards: WorkloadCard[]; secondsPerReview: number }>();
  useEffect(() => {
    let live = true;
    workloadCards(db(), deckKey === '' ? [] : deckKey.split('\n'))
      .then((r) => live && setSource({ key: deckKey, ...r }))
      .catch(reportStorageError);
    return () => {
      live = false;
    };
  }, [deckKey]);
  const cards = source?.key === deckKey ? source.cards : undefined;
  const optionsKey = options ? JSON.stringify(options) : '';

  const input = (r: number): WorkloadInput | null =>
    cards && options
      ? {
          cards,
          desiredRetention: r,
          weights: options.weights,
          maximumInterval: options.maximumInterval,
          newPerDay: options.newPerDay,
          learningSteps: options.learningSteps.length,
          relearningSteps: options.relearningSteps.length,
          todayStart,
          days: DAYS,
          seed: SEED,
        }
      : null;

  const [current, setCurrent] = useState<{ key: string; w: Workload }>();
  const currentKey = `${optionsKey}|${retention}|${cards ? deckKey : ''}`;
  useEffect(() => {
    const one = retention === null ? null : input(retention);
    if (!one) return;
    let stop = () => {};
    const wait = setTimeout(() => {
      stop = runChunked([one], ([w]) => setCurrent({ key: currentKey, w: w! }));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(wait);
      stop();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentKey, todayStart]);

  const [compare, setCompare] = useState<{ key: string; rows: Array<{ retention: number; total: number }> }>();
  const compareKey = `${optionsKey}|${cards ? deckKey : ''}`;
  useEffect(() => {
    const all = WORKLOAD_RETENTIONS.map((r) => input(r));
    if (all.some((x) => x === null)) return;
    return runChunked(all as WorkloadInput[], (ws) =>
      setCompare({ key: compareKey, rows: ws.map((w, i) => ({ retention: WORKLOAD_RETENTIONS[i]!, total: w.total })) }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [compareKey, todayStart]);

  return {
    current: current?.key === currentKey ? current.w : undefined,
    compare: compare?.key === compareKey ? compare.rows : undefined,
    secondsPerReview: source?.secondsPerReview ?? 8,
    cardCount: cards?.length,
  };
}

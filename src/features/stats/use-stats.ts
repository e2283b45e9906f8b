// The statistics page's data: rebuilds the day counters first if the study calendar changed (day start hour, time
// zone), with progress, then reads the scope's day figures (the counters) and its cards as two live queries, so the
// day sections show while the cards are read, and an answer in another tab shows at once.
import { useEffect, useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { useSettings } from '../../db/react/use-settings';
import {
  countersStale,
  readStats,
  readStatsCards,
  readStatsDays,
  rebuildCounters,
  type StatsCards,
  type StatsDays,
  type StatsPeriod,
  type StatsScope,
} from '../../db/stats-repo';
import { clock } from '../../lib/clock';

export interface StatsState {
  days: StatsDays | undefined;
  cards: StatsCards | undefined;
  /** While the counters are rebuilt: log entries counted of all (total 0 until the count is known). */
  rebuilding: { done: number; total: number } | null;
}

export function useStats(scope: StatsScope, period: StatsPeriod): StatsState {
  const { settings } = useSettings();
  const hour = settings.study.dayStartHour;
  const [ready, setReady] = useState<number | null>(null);
  const [rebuilding, setRebuilding] = useState<StatsState['rebuilding']>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        if (await countersStale(db(), hour)) {
          if (live) setRebuilding({ done: 0, total: 0 });
          await rebuildCounters(db(), hour, (done, total) => {
            if (live) setRebuilding({ done, total });
          });
        }
      } catch (e) {
        reportStorageError(e);
      }
      if (live) {
        setRebuilding(null);
        setReady(hour);
      }
    })();
    return () => {
      live = false;
    };
  }, [hour]);
  const key = JSON.stringify(scope);
  const search = scope.kind === 'search';
  const on = ready === hour;
  // A search reads its cards and their log once, for both kinds of section.
  const days = useLiveQuery(
    () =>
      !on
        ? Promise.resolve(undefined)
        : search
          ? readStats(db(), scope, period, clock.ms(), settings)
          : readStatsDays(db(), scope, period, clock.ms(), settings),
    [on, key, period, settings],
  );
  const cards = useLiveQuery(
    () => (on && !search ? readStatsCards(db(), scope, clock.ms(), settings) : Promise.resolve(undefined)),
    [on, key, settings],
  );
  return { days, cards: search ? (days as StatsCards | undefined) : cards, rebuilding };
}

// The statistics page's data: rebuilds the day counters first if the study calendar changed (day start hour, time
// zone), then reads the scope's counters and cards as a live query, so an answer in another tab shows at once.
import { useEffect, useState } from 'react';
import { db, reportStorageError } from '../../db/connection';
import { useLiveQuery } from '../../db/react/live';
import { useSettings } from '../../db/react/use-settings';
import {
  countersStale,
  readStats,
  rebuildCounters,
  type StatsData,
  type StatsPeriod,
  type StatsScope,
} from '../../db/stats-repo';
import { clock } from '../../lib/clock';

export interface StatsState {
  data: StatsData | undefined;
  rebuilding: boolean;
}

export function useStats(scope: StatsScope, period: StatsPeriod): StatsState {
  const { settings } = useSettings();
  const hour = settings.study.dayStartHour;
  const [ready, setReady] = useState<number | null>(null);
  const [rebuilding, setRebuilding] = useState(false);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        if (await countersStale(db(), hour)) {
          if (live) setRebuilding(true);
          await rebuildCounters(db(), hour);
        }
      } catch (e) {
        reportStorageError(e);
      }
      if (live) {
        setRebuilding(false);
        setReady(hour);
      }
    })();
    return () => {
      live = false;
    };
  }, [hour]);
  const key = JSON.stringify(scope);
  const data = useLiveQuery(
    () => (ready === hour ? readStats(db(), scope, period, clock.ms(), settings) : Promise.resolve(undefined)),
    [ready, hour, key, period, settings],
  );
  return { data, rebuilding };
}

// Today's study day and daily limits from the user's settings, as stable values: queries keyed on them re-run
// on a new day or a changed setting, not on every tick of the clock.
import { useMemo } from 'react';
import { dayWindow } from '../../domain/day-window';
import { DEFAULT_QUEUE_LIMITS, type QueueLimits } from '../../domain/queue';
import type { DayWindow } from '../review-repo';
import { useSettings } from './use-settings';

export function useStudyDay(now: number): { day: DayWindow; limits: QueueLimits } {
  const { dayStartHour, newPerDay, reviewsPerDay } = useSettings().settings.study;
  const { start, end } = dayWindow(now, dayStartHour);
  const day = useMemo(() => ({ start, end }), [start, end]);
  const limits = useMemo(() => ({ ...DEFAULT_QUEUE_LIMITS, newPerDay, reviewsPerDay }), [newPerDay, reviewsPerDay]);
  return { day, limits };
}

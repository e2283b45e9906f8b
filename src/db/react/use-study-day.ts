// Today's study day and each deck's daily limits and queue order from its preset, as stable values: queries keyed on
// them re-run on a new day or a changed setting, not on every tick of the clock.
import { useMemo } from 'react';
import { dayWindow } from '../../domain/day-window';
import { presetLimits, presetOfDeck, presetScheduler } from '../../domain/presets';
import type { QueueLimits } from '../../domain/queue';
import type { QueueOrder } from '../../domain/queue-order';
import type { DayWindow } from '../review-repo';
import { useSettings } from './use-settings';

/** What a deck's queue is read with: its preset's limits and orders. */
export interface DeckStudy {
  limits: QueueLimits;
  order: QueueOrder;
}

export function useStudyDay(now: number): {
  day: DayWindow;
  /** The default preset's limits (for card lists, which belong to no one deck's limits). */
  limits: QueueLimits;
  /** A deck's limits and order; the same object for the same deck until the presets change. */
  studyOf: (deckId: string) => DeckStudy;
} {
  const { settings } = useSettings();
  const { start, end } = dayWindow(now, settings.study.dayStartHour);
  const day = useMemo(() => ({ start, end }), [start, end]);
  const book = settings.presets;
  const studyOf = useMemo(() => {
    // One object per deck, and per preset, until the presets change: queries keyed on it re-run only then.
    const byDeck = new Map<string, DeckStudy>();
    const byPreset = new Map<string, DeckStudy>();
    return (deckId: string) => {
      let study = byDeck.get(deckId);
      if (!study) {
        const preset = presetOfDeck(book, deckId);
        study = byPreset.get(preset.id) ?? {
          limits: presetLimits(preset),
          order: { newOrder: preset.newOrder, reviewOrder: preset.reviewOrder, scheduler: presetScheduler(preset) },
        };
        byPreset.set(preset.id, study);
        byDeck.set(deckId, study);
      }
      return study;
    };
  }, [book]);
  const limits = studyOf('').limits;
  return { day, limits, studyOf };
}

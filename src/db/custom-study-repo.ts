// The cards of a custom study session (domain/custom-study.ts), chosen once when it starts: the deck's cards as
// candidates, with their marks, recall probability and, for "forgotten", the cards answered Again in the window.
import type { DockdeckDB } from './database';
import { cardsOfDeck } from './deck-cards';
import { deckMarks } from './marks-table';
import { memoryOf, type DayWindow } from './review-repo';
import { selectCustom, type CustomCandidate, type CustomStudy } from '../domain/custom-study';
import { DAY_MS } from '../domain/day';
import { isParked } from '../domain/marks';
import { CardState, retrievability, type SchedulerSettings } from '../domain/scheduler';

export async function customStudyIds(
  db: DockdeckDB,
  deckId: string,
  spec: CustomStudy,
  now: number,
  day: DayWindow,
  settings: SchedulerSettings,
): Promise<string[]> {
  const [rows, marks] = await Promise.all([cardsOfDeck(db, deckId).toArray(), deckMarks(db, deckId)]);
  let forgotten: Set<string> | undefined;
  if (spec.kind === 'forgotten') {
    // The last n study days, today included.
    const logs = await db.reviewLogs
      .where('[deckId+review]')
      .between([deckId, day.end - spec.n * DAY_MS], [deckId, day.end], true, false)
      .toArray();
    forgotten = new Set(logs.filter((l) => l.rating === 'again' && l.kind !== 'cram').map((l) => l.cardId));
  }
  const at = new Date(now);
  const candidates: CustomCandidate[] = rows.map((r) => ({
    id: r.id,
    state: r.state,
    due: r.due,
    position: r.position,
    tags: r.tags,
    parked: isParked(marks.get(r.id) ?? {}, now),
    ...(spec.kind === 'lowest-r' && r.state === CardState.Review
      ? { r: retrievability(r.id, memoryOf(r), at, settings) }
      : {}),
  }));
  return selectCustom(spec, candidates, { dayEnd: day.end, dayMs: DAY_MS, ...(forgotten ? { forgotten } : {}) });
}

// Saves the presets (and, when asked, reschedules the review cards of presets whose retention or parameters changed)
// in one transaction, and takes the last save back as one: the presets as they were, every moved card back.
import { PRESETS_KEY, decksOfPreset, presetScheduler, restorePresetBook, type PresetBook } from '../domain/presets';
import { rescheduledMemory } from '../domain/reschedule';
import { CardState } from '../domain/scheduler';
import type { WorkloadCard } from '../domain/workload';
import { bulkDeleteChunked, bulkPutChunked, forEachSlice } from './chunked';
import type { CardRow, DockdeckDB, ManualLogRow } from './database';
import { PresetsConflictError, UndoConflictError } from './errors';
import { forEachCardPage } from './deck-cards';
import { deckMarks } from './marks-table';
import { manualLogEntry } from './manual-log';
import { memoryOf } from './review-repo';

/** One card the save moved: its due and interval before and after, and the manual log entry that says so. */
export interface RescheduledCard {
  id: string;
  before: { due: number; scheduledDays: number };
  after: { due: number; scheduledDays: number };
  logId: string;
}

/** What a save changed, to undo it exactly. */
export interface PresetSave {
  /** The stored presets before the save (undefined: there was no row, the defaults were in use). */
  before: PresetBook | undefined;
  after: PresetBook;
  rescheduled: RescheduledCard[];
}

export async function readPresetBook(db: DockdeckDB): Promise<PresetBook> {
  return restorePresetBook((await db.settings.get(PRESETS_KEY))?.value);
}

const sameBook = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes `next` (already checked by checkPresetBook) in place of the presets the screen started from (`base`), and
 * reschedules the review cards of the decks of each preset in `reschedule` with its new settings. Refused with a
 * PresetsConflictError, writing nothing, when the stored presets are no longer `base` (another tab saved since).
 */
export async function savePresetBook(
  db: DockdeckDB,
  base: PresetBook,
  next: PresetBook,
  opts: { now: number; reschedule?: readonly string[] },
): Promise<PresetSave> {
  return db.transaction('rw', db.settings, db.decks, db.cards, db.reviewLogs, async () => {
    const row = await db.settings.get(PRESETS_KEY);
    if (!sameBook(restorePresetBook(row?.value), base)) throw new PresetsConflictError();
    await db.settings.put({ key: PRESETS_KEY, value: next, updatedAt: opts.now });
    const rescheduled: RescheduledCard[] = [];
    if (opts.reschedule && opts.reschedule.length > 0) {
      const deckIds = (await db.decks.toCollection().primaryKeys()) as string[];
      for (const presetId of opts.reschedule) {
        const preset = next.presets.find((p) => p.id === presetId);
        if (!preset) continue;
        for (const deckId of decksOfPreset(next, presetId, deckIds))
          rescheduled.push(...(await rescheduleDeck(db, deckId, presetScheduler(preset), opts.now)));
      }
    }
    return { before: row === undefined ? undefined : (row.value as PresetBook), after: next, rescheduled };
  });
}

/** Moves each review card of the deck to the due date its memory gives with `settings`; logs each as a manual change. */
async function rescheduleDeck(
  db: DockdeckDB,
  deckId: string,
  settings: ReturnType<typeof presetScheduler>,
  now: number,
): Promise<RescheduledCard[]> {
  const reviews = await db.cards
    .where('[deckId+state+due]')
    .between([deckId, CardState.Review, -Infinity], [deckId, CardState.Review, Infinity])
    .toArray();
  const puts: CardRow[] = [];
  const logs: ManualLogRow[] = [];
  const moved: RescheduledCard[] = [];
  for (const card of reviews) {
    const before = memoryOf(card);
    const after = rescheduledMemory(before, settings);
    if (!after) continue;
    const log = manualLogEntry(card, 'set-due', before, after, now);
    puts.push({ ...card, due: after.due, scheduledDays: after.scheduledDays, updatedAt: now });
    logs.push(log);
    moved.push({
      id: card.id,
      before: { due: before.due, scheduledDays: before.scheduledDays },
      after: { due: after.due, scheduledDays: after.scheduledDays },
      logId: log.id,
    });
  }
  await bulkPutChunked(db.cards, puts);
  await bulkPutChunked(db.reviewLogs, logs);
  return moved;
}

/**
 * Takes a save back in one transaction: the presets as they were and every rescheduled card at its old due date, its
 * manual log entry gone. Refused (nothing written) when the presets were saved again since (PresetsConflictError), or
 * a moved card has been answered or moved since (UndoConflictError names it).
 */
export async function undoPresetSave(db: DockdeckDB, save: PresetSave, now: number): Promise<void> {
  await db.transaction('rw', db.settings, db.cards, db.reviewLogs, async () => {
    const row = await db.settings.get(PRESETS_KEY);
    if (!sameBook(row?.value, save.after)) throw new PresetsConflictError();
    const byId = new Map(save.rescheduled.map((c) => [c.id, c]));
    const puts: CardRow[] = [];
    await forEachSlice(db, [...byId.keys()], (rows) => {
      for (const card of rows) {
        if (!card) continue;
        const c = byId.get(card.id)!;
        if (card.due !== c.after.due || card.scheduledDays !== c.after.scheduledDays)
          throw new UndoConflictError(card.id);
        puts.push({ ...card, due: c.before.due, scheduledDays: c.before.scheduledDays, updatedAt: now });
      }
    });
    await bulkPutChunked(db.cards, puts);
    await bulkDeleteChunked(
      db.reviewLogs,
      save.rescheduled.map((c) => c.logId),
    );
    if (save.before === undefined) await db.settings.delete(PRESETS_KEY);
    else await db.settings.put({ key: PRESETS_KEY, value: save.before, updatedAt: now });
  });
}

/** What the workload simulation needs of a preset's decks: each card's memory, and the mean answer time. */
export async function workloadCards(
  db: DockdeckDB,
  deckIds: readonly string[],
): Promise<{ cards: WorkloadCard[]; secondsPerReview: number }> {
  const cards: WorkloadCard[] = [];
  let ms = 0;
  let answers = 0;
  for (const deckId of deckIds) {
    const marks = await deckMarks(db, deckId);
    await forEachCardPage(db, deckId, (rows) => {
      for (const r of rows)
        if (!marks.get(r.id)?.suspended)
          cards.push({
            memory: {
              state: r.state,
              due: r.due,
              stability: r.stability,
              difficulty: r.difficulty,
              lastReview: r.lastReview,
            },
          });
    });
    // The deck's latest answers tell how long one takes (a manual change or cram takes no real time).
    const recent = await db.reviewLogs
      .where('[deckId+review]')
      .between([deckId, -Infinity], [deckId, Infinity])
      .reverse()
      .limit(RECENT_ANSWERS)
      .toArray();
    for (const l of recent)
      if (l.kind !== 'manual' && l.durationMs > 0) {
        ms += Math.min(l.durationMs, MAX_ANSWER_MS);
        answers++;
      }
  }
  return { cards, secondsPerReview: answers === 0 ? DEFAULT_ANSWER_S : ms / answers / 1000 };
}

const RECENT_ANSWERS = 1000;
/** An answer that took longer than this was a pause, as Anki caps answer times (its default: 60 s). */
const MAX_ANSWER_MS = 60_000;
/** Without any answers yet: about what a flashcard takes. */
const DEFAULT_ANSWER_S = 8;

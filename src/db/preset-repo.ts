// Saves the presets (and, when asked, reschedules the review cards of presets whose retention or parameters changed)
// in one transaction, and takes the last save back as one: the presets as they were, every moved card back.
import { PRESETS_KEY, decksOfPreset, presetScheduler, restorePresetBook, type PresetBook } from '../domain/presets';
import { rescheduledMemory } from '../domain/reschedule';
import { CardState } from '../domain/scheduler';
import type { WorkloadCard } from '../domain/workload';
import { bulkDeleteChunked, WRITE_SLICE, WritePipeline } from './chunked';
import type { CardRow, DockdeckDB, ManualLogRow } from './database';
import { PresetsConflictError, UndoConflictError } from './errors';
import { forEachCardPage } from './deck-cards';
import { deckMarks, deckOfCard } from './marks-table';
import { manualLogEntry } from './manual-log';
import { memoryOf } from './review-repo';
import { newId } from '../lib/ids';

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
  /**
   * The manual log entries of the moved cards have the ids `logBatch:00000000`, `logBatch:00000001`, … (one per
   * moved card, in the order of `rescheduled`), so that the undo deletes them a key range at a time.
   */
  logBatch?: string;
}

/** How far a reschedule is: review cards looked at, of the preset's decks' review cards. */
export type RescheduleProgress = (done: number, total: number) => void;

export async function readPresetBook(db: DockdeckDB): Promise<PresetBook> {
  return restorePresetBook((await db.settings.get(PRESETS_KEY))?.value);
}

const sameBook = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Slices written at once: each slice of cards is two writes (the cards, their log entries). */
const PIPELINE_DEPTH = 6;
/** Log entries deleted by the undo a key range at a time (the counters' middleware reads each range first). */
const DELETE_SLICE = 2500;
const SEQ_DIGITS = 8;

const logIdOf = (batch: string, seq: number) => `${batch}:${String(seq).padStart(SEQ_DIGITS, '0')}`;

/** A deck's review cards: one range of `[deckId+state+due]`. */
const reviewCards = (db: DockdeckDB, deckId: string) =>
  db.cards
    .where('[deckId+state+due]')
    .between([deckId, CardState.Review, -Infinity], [deckId, CardState.Review, Infinity]);

/**
 * Writes `next` (already checked by checkPresetBook) in place of the presets the screen started from (`base`), and
 * reschedules the review cards of the decks of each preset in `reschedule` with its new settings. Refused with a
 * PresetsConflictError, writing nothing, when the stored presets are no longer `base` (another tab saved since).
 */
export async function savePresetBook(
  db: DockdeckDB,
  base: PresetBook,
  next: PresetBook,
  opts: { now: number; reschedule?: readonly string[]; onProgress?: RescheduleProgress },
): Promise<PresetSave> {
  return db.transaction('rw', db.settings, db.decks, db.cards, db.reviewLogs, async () => {
    const row = await db.settings.get(PRESETS_KEY);
    if (!sameBook(restorePresetBook(row?.value), base)) throw new PresetsConflictError();
    await db.settings.put({ key: PRESETS_KEY, value: next, updatedAt: opts.now });
    const before = row === undefined ? undefined : (row.value as PresetBook);
    if (!opts.reschedule || opts.reschedule.length === 0) return { before, after: next, rescheduled: [] };
    const deckIds = (await db.decks.toCollection().primaryKeys()) as string[];
    const jobs = new Map<string, ReturnType<typeof presetScheduler>>();
    for (const presetId of new Set(opts.reschedule)) {
      const preset = next.presets.find((p) => p.id === presetId);
      if (!preset) continue;
      const settings = presetScheduler(preset);
      for (const deckId of decksOfPreset(next, presetId, deckIds)) jobs.set(deckId, settings);
    }
    const logBatch = newId();
    const rescheduled = await rescheduleDecks(db, jobs, opts.now, logBatch, opts.onProgress);
    return { before, after: next, rescheduled, logBatch };
  });
}

/**
 * Moves each review card of the decks to the due date its memory gives with the deck's settings, and logs each as a
 * manual change. A deck's review cards are one read; the next deck's are read while this one's are written, and the
 * writes go a slice at a time with a few in flight (WritePipeline), so no task handles more than a slice.
 */
async function rescheduleDecks(
  db: DockdeckDB,
  jobs: ReadonlyMap<string, ReturnType<typeof presetScheduler>>,
  now: number,
  logBatch: string,
  onProgress?: RescheduleProgress,
): Promise<RescheduledCard[]> {
  const decks = [...jobs.entries()];
  let total = 0;
  if (onProgress) for (const [deckId] of decks) total += await reviewCards(db, deckId).count();
  const moved: RescheduledCard[] = [];
  const writes = new WritePipeline(PIPELINE_DEPTH);
  let seen = 0;
  let reading = readAhead(db, decks, 0);
  for (let d = 0; d < decks.length; d++) {
    const reviews = await reading!;
    // The next deck's review cards are none of this deck's: read while this deck's are written.
    reading = readAhead(db, decks, d + 1);
    const settings = decks[d]![1];
    for (let i = 0; i < reviews.length; i += WRITE_SLICE) {
      const slice = reviews.slice(i, i + WRITE_SLICE);
      const puts: CardRow[] = [];
      const logs: ManualLogRow[] = [];
      for (const card of slice) {
        const before = memoryOf(card);
        const after = rescheduledMemory(before, settings);
        if (!after) continue;
        const log = manualLogEntry(card, 'set-due', before, after, now, logIdOf(logBatch, moved.length));
        puts.push({ ...card, due: after.due, scheduledDays: after.scheduledDays, updatedAt: now });
        logs.push(log);
        moved.push({
          id: card.id,
          before: { due: before.due, scheduledDays: before.scheduledDays },
          after: { due: after.due, scheduledDays: after.scheduledDays },
          logId: log.id,
        });
      }
      if (puts.length > 0) {
        while (writes.full) await writes.oldest();
        writes.push(db.cards.bulkPut(puts));
        // New ids: an add, so the counters' middleware reads no old rows for them (a manual entry counts nothing).
        writes.push(db.reviewLogs.bulkAdd(logs));
      }
      seen += slice.length;
      onProgress?.(seen, Math.max(total, seen));
    }
  }
  for (const p of writes.drain()) await p;
  return moved;
}

/** The review cards of the `d`th deck, read now (null past the last); a failure surfaces where it is awaited. */
function readAhead(
  db: DockdeckDB,
  decks: readonly (readonly [string, unknown])[],
  d: number,
): Promise<CardRow[]> | null {
  if (d >= decks.length) return null;
  const p = reviewCards(db, decks[d]![0]).toArray();
  p.catch(() => {});
  return p;
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
    await restoreCards(db, save.rescheduled, now);
    const logs = save.logBatch;
    if (logs === undefined)
      await bulkDeleteChunked(
        db.reviewLogs,
        save.rescheduled.map((c) => c.logId),
      );
    else
      for (let i = 0; i < save.rescheduled.length; i += DELETE_SLICE)
        await db.reviewLogs
          .where(':id')
          .between(logIdOf(logs, i), logIdOf(logs, Math.min(i + DELETE_SLICE, save.rescheduled.length)), true, false)
          .delete();
    if (save.before === undefined) await db.settings.delete(PRESETS_KEY);
    else await db.settings.put({ key: PRESETS_KEY, value: save.before, updatedAt: now });
  });
}

/**
 * Puts the moved cards back at their old due dates, in the caller's transaction. A deck's moved cards are read as its
 * review cards (one range); one that is no longer a review card is read by id: changed since, the undo is refused;
 * gone (deleted), it is left out.
 */
async function restoreCards(db: DockdeckDB, moved: readonly RescheduledCard[], now: number): Promise<void> {
  const byDeck = new Map<string, RescheduledCard[]>();
  for (const c of moved) {
    const deckId = deckOfCard(c.id);
    const list = byDeck.get(deckId);
    if (list) list.push(c);
    else byDeck.set(deckId, [c]);
  }
  const decks = [...byDeck.entries()];
  const writes = new WritePipeline(PIPELINE_DEPTH);
  let reading = readAhead(db, decks, 0);
  for (let d = 0; d < decks.length; d++) {
    const rows = await reading!;
    reading = readAhead(db, decks, d + 1);
    const stored = new Map(rows.map((r) => [r.id, r]));
    const list = decks[d]![1];
    const elsewhere = list.filter((c) => !stored.has(c.id)).map((c) => c.id);
    if (elsewhere.length > 0) {
      const other = await db.cards.bulkGet(elsewhere);
      const changed = other.find((r) => r !== undefined);
      if (changed) throw new UndoConflictError(changed.id);
    }
    for (let i = 0; i < list.length; i += WRITE_SLICE) {
      const puts: CardRow[] = [];
      for (const c of list.slice(i, i + WRITE_SLICE)) {
        const card = stored.get(c.id);
        if (!card) continue;
        if (card.due !== c.after.due || card.scheduledDays !== c.after.scheduledDays)
          throw new UndoConflictError(card.id);
        puts.push({ ...card, due: c.before.due, scheduledDays: c.before.scheduledDays, updatedAt: now });
      }
      if (puts.length > 0) {
        while (writes.full) await writes.oldest();
        writes.push(db.cards.bulkPut(puts));
      }
    }
  }
  for (const p of writes.drain()) await p;
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

// The browser's bulk actions that are no marks (marks-repo.ts): add or remove tags, reset to new, set due date and
// delete (a move is in bulk-move.ts). Each is one transaction over the cards it names, read and written a slice at a
// time (each a short task, so 100,000 cards do not freeze the page), and returns what it changed (bulk-undo.ts) so
// that it can be undone exactly. A reset and a set due date each log one manual entry per card they change, so that
// a card's schedule stays the replay of its review log; a change of a built-in card that the start-up sync would
// undo (a deletion, tags) is kept as an override of the built-in deck (bulk-overrides.ts).
import type { BuiltinOverrideRow, CardRow, DockdeckDB, ManualAction, ReviewLogRow } from './database';
import { bulkDeleteChunked, bulkPutChunked, forEachSlice, READ_SLICE } from './chunked';
import { emptyUndo, pick, withFields, type BulkUndo, type CardFields } from './bulk-undo';
import { overriddenTags, tagKey } from './bulk-overrides';
import { manualLogEntry } from './manual-log';
import { dropMarks } from './marks-table';
import { memoryOf } from './review-repo';
import { CardState, type Memory, type SchedulerSettings } from '../domain/scheduler';
import { pickDays, resetMemory, setDueMemory, type SetDueSpec } from '../domain/set-due';
import { rng, subSeed } from '../domain/quiz/random';

/** The existing cards of `ids`, in that order (read a slice at a time). */
async function readCards(db: DockdeckDB, ids: readonly string[]): Promise<CardRow[]> {
  const out: CardRow[] = [];
  await forEachSlice(db, [...new Set(ids)], (rows) => {
    for (const r of rows) if (r) out.push(r);
  });
  return out;
}

/** The built-in decks among `deckIds`. */
async function builtinDecks(db: DockdeckDB, deckIds: Iterable<string>): Promise<Set<string>> {
  const decks = await db.decks.bulkGet([...new Set(deckIds)]);
  return new Set(decks.filter((d) => d?.builtin).map((d) => d!.id));
}

/** Writes built-in overrides (`change` of the one there, or of none), keeping the ones there before in `undo`. */
export async function writeOverrides(
  db: DockdeckDB,
  cards: readonly Pick<CardRow, 'id' | 'deckId'>[],
  change: (o: BuiltinOverrideRow) => BuiltinOverrideRow,
  undo: BulkUndo,
  now: number,
): Promise<void> {
  const builtin = await builtinDecks(
    db,
    cards.map((c) => c.deckId),
  );
  const mine = cards.filter((c) => builtin.has(c.deckId));
  const puts: BuiltinOverrideRow[] = [];
  for (let i = 0; i < mine.length; i += READ_SLICE) {
    const slice = mine.slice(i, i + READ_SLICE);
    const stored = await db.builtinOverrides.bulkGet(slice.map((c) => c.id));
    slice.forEach((c, j) => {
      const before = stored[j] ?? null;
      undo.overrides.push({ id: c.id, before });
      puts.push(change({ ...(before ?? { id: c.id, deckId: c.deckId }), updatedAt: now }));
    });
  }
  await bulkPutChunked(db.builtinOverrides, puts);
}

/**
 * Tags added to (`add`) or taken off (`drop`) every card of `ids`, as Anki compares tags (without regard to case). In
 * Anki a tag is the note's: the other study cards of the same note get it too.
 */
export async function changeTags(
  db: DockdeckDB,
  ids: readonly string[],
  change: { add?: readonly string[]; drop?: readonly string[] },
  now: number,
): Promise<BulkUndo> {
  const add = [...(change.add ?? [])];
  const drop = [...(change.drop ?? [])];
  return db.transaction('rw', [db.decks, db.cards, db.builtinOverrides], async () => {
    const undo = emptyUndo();
    const rows = await withSiblings(db, await readCards(db, ids));
    const puts: CardRow[] = [];
    const changed: CardRow[] = [];
    for (const row of rows) {
      const tags = overriddenTags(row.tags, { addTags: add, dropTags: drop });
      if (tags.length === row.tags.length && tags.every((t, i) => t === row.tags[i])) continue;
      undo.patches.push({ id: row.id, from: row.id, before: { tags: row.tags }, after: { tags } });
      puts.push({ ...row, tags, updatedAt: now });
      changed.push(row);
    }
    await bulkPutChunked(db.cards, puts);
    const dropKeys = new Set(drop.map(tagKey));
    const addKeys = new Set(add.map(tagKey));
    await writeOverrides(
      db,
      changed,
      (o) => ({
        ...o,
        addTags: [...(o.addTags ?? []).filter((t) => !dropKeys.has(tagKey(t))), ...add],
        dropTags: [...(o.dropTags ?? []).filter((t) => !addKeys.has(tagKey(t))), ...drop],
      }),
      undo,
      now,
    );
    return undo;
  });
}

/**
 * The rows with the other study cards of their notes (a cloze's other gaps, a reverse card's other side): read by the
 * note's id range, or, for a deck most of whose cards are named, by reading the deck a page at a time.
 */
async function withSiblings(db: DockdeckDB, rows: CardRow[]): Promise<CardRow[]> {
  const have = new Map(rows.map((r) => [r.id, r]));
  const notes = new Set(rows.map((r) => r.noteId));
  const list = [...notes];
  for (let i = 0; i < list.length; i += READ_SLICE) {
    const found = await Promise.all(
      list.slice(i, i + READ_SLICE).map((n) =>
        db.cards
          .where('id')
          .between(n, `${n}:\uffff`, true, true)
          .filter((r) => r.noteId === n)
          .toArray(),
      ),
    );
    for (const r of found.flat()) if (!have.has(r.id)) have.set(r.id, r);
  }
  return [...have.values()];
}

/** Writes a new memory (and other fields) for each card `next` gives one for, with a manual log entry each. */
async function rescheduleCards(
  db: DockdeckDB,
  rows: readonly CardRow[],
  rating: ManualAction,
  next: (row: CardRow) => { memory: Memory; extra?: CardFields } | null,
  now: number,
): Promise<BulkUndo> {
  const undo = emptyUndo();
  const puts: CardRow[] = [];
  const logs: ReviewLogRow[] = [];
  for (const row of rows) {
    const n = next(row);
    if (!n) continue;
    const after: CardFields = { ...n.memory, ...n.extra };
    const keys = Object.keys(after) as (keyof CardFields)[];
    undo.patches.push({ id: row.id, from: row.id, before: pick(row, keys), after });
    puts.push({ ...withFields(row, after), updatedAt: now });
    const log = manualLogEntry(row, rating, memoryOf(row), n.memory, now);
    logs.push(log);
    undo.addedLogs.push(log.id);
  }
  await bulkPutChunked(db.cards, puts);
  await bulkPutChunked(db.reviewLogs, logs);
  return undo;
}

/** The next free places at the end of each deck's new-card order. */
async function nextPositions(db: DockdeckDB, deckIds: Iterable<string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const d of new Set(deckIds)) {
    const last = await db.cards.where('[deckId+position]').between([d, -Infinity], [d, Infinity]).last();
    out.set(d, last ? last.position + 1 : 0);
  }
  return out;
}

/**
 * Anki's Reset (Forget): each card becomes new again, at the end of its deck's new cards (in the order they had), its
 * review and lapse counts kept unless `resetCounts`. A card that is new already (and, with `resetCounts`, has no
 * counts to clear) is left alone.
 */
export async function resetCards(
  db: DockdeckDB,
  ids: readonly string[],
  resetCounts: boolean,
  now: number,
): Promise<BulkUndo> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const rows = (await readCards(db, ids)).filter(
      (r) => r.state !== CardState.New || (resetCounts && (r.reps > 0 || r.lapses > 0)),
    );
    rows.sort((a, b) => a.deckId.localeCompare(b.deckId) || a.position - b.position);
    const next = await nextPositions(
      db,
      rows.map((r) => r.deckId),
    );
    return rescheduleCards(
      db,
      rows,
      'reset',
      (row) => {
        const position = next.get(row.deckId)!;
        next.set(row.deckId, position + 1);
        return { memory: resetMemory(memoryOf(row), now, resetCounts), extra: { position } };
      },
      now,
    );
  });
}

/**
 * Anki's Set due date: each card due `spec` days after the start of today (`todayStart`), a day of the range picked
 * per card from `seed` (the same seed, the same days); see setDueMemory for what becomes of its memory.
 */
export async function setDueCards(
  db: DockdeckDB,
  ids: readonly string[],
  spec: SetDueSpec,
  opts: { now: number; todayStart: number; seed: number; settings: (deckId: string) => SchedulerSettings },
): Promise<BulkUndo> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const rows = await readCards(db, ids);
    return rescheduleCards(
      db,
      rows,
      'set-due',
      (row) => {
        const days = pickDays(spec, rng(subSeed(opts.seed, row.id)));
        const memory = setDueMemory(row.id, memoryOf(row), {
          days,
          setInterval: spec.setInterval,
          todayStart: opts.todayStart,
          now: opts.now,
          settings: opts.settings(row.deckId),
        });
        return { memory };
      },
      opts.now,
    );
  });
}

/** The review-log entries of `cardIds` (read by the card index, a slice of cards at a time). */
export async function logsOf(db: DockdeckDB, cardIds: readonly string[]): Promise<ReviewLogRow[]> {
  const out: ReviewLogRow[] = [];
  for (let i = 0; i < cardIds.length; i += READ_SLICE)
    out.push(
      ...(await db.reviewLogs
        .where('cardId')
        .anyOf(cardIds.slice(i, i + READ_SLICE))
        .toArray()),
    );
  return out;
}

/**
 * Deletes the cards, their marks and their review logs. A built-in deck's card stays deleted when the deck is updated
 * (an override); the undo puts cards, marks, logs and overrides back.
 */
export async function deleteCards(db: DockdeckDB, ids: readonly string[], now: number): Promise<BulkUndo> {
  return db.transaction('rw', [db.decks, db.cards, db.cardMarks, db.reviewLogs, db.builtinOverrides], async () => {
    const undo = emptyUndo();
    undo.deleted = await readCards(db, ids);
    const cardIds = undo.deleted.map((r) => r.id);
    undo.removedLogs = await logsOf(db, cardIds);
    await bulkDeleteChunked(
      db.reviewLogs,
      undo.removedLogs.map((l) => l.id),
    );
    await bulkDeleteChunked(db.cards, cardIds);
    for (const [id, m] of await dropMarks(db, cardIds)) undo.marks.push({ id, before: m, after: null });
    await writeOverrides(db, undo.deleted, (o) => ({ ...o, removed: true }), undo, now);
    return undo;
  });
}

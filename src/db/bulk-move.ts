// Move cards to another deck (Anki's Change Deck), one transaction. A card's id starts with its deck's (`deck/card`,
// see deck-cards.ts), so a moved card gets the id `target/card` (with `-2`, `-3`… on its note's part when the target
// already has or had that note), goes to the end of the target's new cards, and takes its review log along. A card
// moved out of a built-in deck stays out when that deck is updated (an override). Its marks go with it (to its new id).
import type { CardRow, DockdeckDB, ReviewLogRow } from './database';
import { bulkPutChunked, bulkDeleteChunked, forEachSlice } from './chunked';
import { emptyUndo, pick, withFields, type BulkUndo, type CardFields } from './bulk-undo';
import { logsOf, writeOverrides } from './bulk-repo';
import { cardsOfDeck } from './deck-cards';
import { putMarks, readMarks } from './marks-table';
import { uniqueSlug } from '../domain/slug';
import type { CardMarks } from '../domain/marks';

/** Why a move cannot be made. */
export class MoveTargetError extends Error {
  constructor(
    readonly deckId: string,
    readonly reason: 'not-found' | 'builtin',
  ) {
    super(`Cannot move cards to deck ${deckId}: ${reason}`);
    this.name = 'MoveTargetError';
  }
}

const MOVED_KEYS = ['deckId', 'noteId', 'position'] as const satisfies readonly (keyof CardFields)[];

/** The note ids (the part after `target/`) the target deck's cards and review logs use. */
async function usedNotes(db: DockdeckDB, target: string): Promise<Set<string>> {
  const noteOf = (id: string) => id.slice(target.length + 1).split(':')[0]!;
  const used = new Set<string>();
  for (const id of await cardsOfDeck(db, target).primaryKeys()) used.add(noteOf(id));
  for (const id of await db.reviewLogs.where('cardId').startsWith(`${target}/`).uniqueKeys()) used.add(noteOf(`${id}`));
  return used;
}

/** The new note id in `target` for each note moved, free in the target (the same for all cards of a note). */
function noteIds(rows: readonly CardRow[], target: string, used: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of rows) {
    if (out.has(r.noteId)) continue;
    const local = r.noteId.slice(r.deckId.length + 1);
    const free = used.has(local) ? uniqueSlug(local, (x) => used.has(x)) : local;
    used.add(free);
    out.set(r.noteId, `${target}/${free}`);
  }
  return out;
}

/**
 * Moves the cards of `ids` to deck `target` (a deck of the user's: a built-in deck is made from its file, which would
 * take the cards out again). Cards already there are left alone. Refused with a MoveTargetError, nothing written, when
 * the target is missing or built in.
 */
export async function moveCards(
  db: DockdeckDB,
  ids: readonly string[],
  target: string,
  now: number,
): Promise<BulkUndo> {
  return db.transaction('rw', [db.decks, db.cards, db.cardMarks, db.reviewLogs, db.builtinOverrides], async () => {
    const deck = await db.decks.get(target);
    if (!deck) throw new MoveTargetError(target, 'not-found');
    if (deck.builtin) throw new MoveTargetError(target, 'builtin');
    const rows: CardRow[] = [];
    await forEachSlice(db, [...new Set(ids)], (slice) => {
      for (const r of slice) if (r && r.deckId !== target) rows.push(r);
    });
    rows.sort((a, b) => a.deckId.localeCompare(b.deckId) || a.position - b.position);
    const notes = noteIds(rows, target, await usedNotes(db, target));
    const last = await db.cards.where('[deckId+position]').between([target, -Infinity], [target, Infinity]).last();
    let position = last ? last.position + 1 : 0;
    const undo = emptyUndo();
    const puts: CardRow[] = [];
    const newId = new Map<string, string>();
    for (const row of rows) {
      const noteId = notes.get(row.noteId)!;
      const id = noteId + row.id.slice(row.noteId.length);
      newId.set(row.id, id);
      const after: CardFields = { deckId: target, noteId, position: position++ };
      undo.patches.push({ id, from: row.id, before: pick(row, MOVED_KEYS), after });
      puts.push({ ...withFields(row, after, id), updatedAt: now });
    }
    await bulkDeleteChunked(
      db.cards,
      rows.map((r) => r.id),
    );
    await bulkPutChunked(db.cards, puts);
    await moveMarks(db, newId, undo);
    await moveLogs(db, newId, target, undo);
    // Cards moved out of a built-in deck stay out of it when it is updated.
    await writeOverrides(db, rows, (o) => ({ ...o, removed: true }), undo, now);
    return undo;
  });
}

/** The moved cards' marks, from their old ids to their new ones. */
async function moveMarks(db: DockdeckDB, newId: Map<string, string>, undo: BulkUndo): Promise<void> {
  const marks = await readMarks(db, newId.keys());
  if (marks.size === 0) return;
  const puts = new Map<string, CardMarks | null>();
  for (const [from, m] of marks) {
    const to = newId.get(from)!;
    puts.set(from, null);
    puts.set(to, m);
    undo.marks.push({ id: from, before: m, after: null }, { id: to, before: null, after: m });
  }
  await putMarks(db, puts);
}

async function moveLogs(db: DockdeckDB, newId: Map<string, string>, target: string, undo: BulkUndo): Promise<void> {
  const logs = await logsOf(db, [...newId.keys()]);
  const puts: ReviewLogRow[] = [];
  for (const log of logs) {
    const after = { cardId: newId.get(log.cardId)!, deckId: target };
    undo.movedLogs.push({ id: log.id, before: { cardId: log.cardId, deckId: log.deckId }, after });
    puts.push({ ...log, ...after });
  }
  await bulkPutChunked(db.reviewLogs, puts);
}

// The version 11 upgrade: the user's marks move out of the card rows (where versions 6 to 10 kept them, with the
// sparse `parkedDeck` index key) into the `cardMarks` table; nothing else of a card row changes.
import type { Transaction } from 'dexie';
import type { CardMarks } from '../domain/marks';
import { bucketRows, hasMarks, splitMarks } from './marks-table';

type OldCard = CardMarks & { id: string; parkedDeck?: string };

const MARK_KEYS = ['suspended', 'buriedUntil', 'flag', 'parkedDeck'] as const;

export async function moveMarksOutOfCards(tx: Transaction): Promise<void> {
  const moved: Array<[string, CardMarks]> = [];
  await tx
    .table<OldCard, string>('cards')
    .toCollection()
    .filter((row) => MARK_KEYS.some((k) => k in row))
    .modify((row: OldCard) => {
      const { marks } = splitMarks(row);
      if (hasMarks(marks)) moved.push([row.id, marks]);
      for (const k of MARK_KEYS) delete row[k];
    });
  const rows = bucketRows(moved);
  if (rows.length > 0) await tx.table('cardMarks').bulkPut(rows);
}

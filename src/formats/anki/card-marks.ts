// A card's marks in an Anki collection, both ways: suspended and buried cards sit in negative queues of `cards.queue`
// and the flag is in the low three bits of `cards.flags` (rslib/src/card/mod.rs CardQueue, Card::flags; the other
// bits are Anki's own). The writer (write-package.ts) and the reader (read-package.ts) share these numbers.
import { MAX_FLAG } from '../../domain/marks';
import type { ImportedMarks } from '../import/draft';

export const ANKI_QUEUE = {
  suspended: -1,
  /** Buried by a sibling being answered (and, in the v1 scheduler, any burial). */
  schedBuried: -2,
  /** Buried by the user. */
  userBuried: -3,
} as const;

/** The bits of `cards.flags` that hold the flag number (1–7). */
export const ANKI_FLAG_MASK = 0b111;

export type AnkiMarks = Omit<ImportedMarks, 'cardId'>;

/** The marks of an Anki card with this queue and flags; null when it has none. */
export function ankiMarks(queue: number, flags: number): AnkiMarks | null {
  const flag = Number.isInteger(flags) ? flags & ANKI_FLAG_MASK : 0;
  const marks: AnkiMarks = {
    ...(queue === ANKI_QUEUE.suspended ? { suspended: true as const } : {}),
    ...(queue === ANKI_QUEUE.schedBuried || queue === ANKI_QUEUE.userBuried ? { buried: true as const } : {}),
    ...(flag > 0 && flag <= MAX_FLAG ? { flag } : {}),
  };
  return Object.keys(marks).length > 0 ? marks : null;
}

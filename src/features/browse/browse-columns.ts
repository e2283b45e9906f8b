// The browser's columns: which there are, what each shows of a card, and how each sorts (in memory, one key per row
// worked out once per sort, so that 100,000 rows sort in a blink).
import type { Text } from '../../domain/deck-schema';
import { retrievabilityNow } from '../../domain/search/match';
import { CardState } from '../../domain/scheduler';
import type { Lang } from '../../domain/text';
import type { BrowseRow } from '../../db/browse-repo';
import type { UiLang } from '../../lib/i18n';
import { answerText, questionText } from './card-summary';

export const COLUMN_IDS = [
  'question',
  'answer',
  'deck',
  'tags',
  'due',
  'interval',
  'stability',
  'difficulty',
  'retrievability',
  'reviews',
  'lapses',
  'added',
  'marks',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export const DEFAULT_COLUMNS: readonly ColumnId[] = ['question', 'answer', 'deck', 'due', 'interval', 'marks'];

/** Column widths in rem (the table has a fixed layout, so a column does not jump as rows scroll by). */
export const COLUMN_WIDTH: Record<ColumnId, number> = {
  question: 20,
  answer: 14,
  deck: 11,
  tags: 9,
  due: 8.5,
  interval: 6,
  stability: 6.5,
  difficulty: 6.5,
  retrievability: 6.5,
  reviews: 5.5,
  lapses: 5.5,
  added: 8,
  marks: 8.5,
};

/** Numbers read right-aligned. */
export const NUMERIC: ReadonlySet<ColumnId> = new Set([
  'interval',
  'stability',
  'difficulty',
  'retrievability',
  'reviews',
  'lapses',
]);

export interface SortOrder {
  column: ColumnId;
  descending: boolean;
}

export const DEFAULT_SORT: SortOrder = { column: 'due', descending: false };

export interface ColumnEnv {
  /** The language card text is shown in (the study language). */
  cardLang: Lang;
  uiLang: UiLang;
  now: number;
  deckTitles: ReadonlyMap<string, Text>;
  /** A deck's FSRS weights (its preset's): a card's retrievability follows its own deck's forgetting curve. */
  weightsOf: (deckId: string) => readonly number[];
}

const texts = new WeakMap<BrowseRow, Partial<Record<string, string>>>();

/** The question or answer of a row as plain text, worked out once per row and language. */
export function rowText(row: BrowseRow, which: 'question' | 'answer', lang: Lang): string {
  let cache = texts.get(row);
  if (!cache) texts.set(row, (cache = {}));
  const key = `${which}-${lang}`;
  return (cache[key] ??= which === 'question' ? questionText(row.content, lang) : answerText(row.content, lang));
}

/** Added cards come after every card with a due time, in the order they are introduced (as Anki's due column). */
const NEW_AFTER = 1e15;

/** What a row sorts by in a column; a card with no value (a new card's stability) sorts as -1, before the rest. */
export function sortKey(column: ColumnId, row: BrowseRow, env: ColumnEnv): string | number {
  const c = row.card;
  const studied = c.state !== CardState.New;
  switch (column) {
    case 'question':
    case 'answer':
      return rowText(row, column, env.cardLang).toLowerCase();
    case 'deck':
      return (env.deckTitles.get(c.deckId)?.[env.uiLang] ?? c.deckId).toLowerCase();
    case 'tags':
      return c.tags.join(' ').toLowerCase();
    case 'due':
      return studied ? c.due : NEW_AFTER + row.position;
    case 'interval':
      return c.scheduledDays;
    case 'stability':
      return studied ? c.stability : -1;
    case 'difficulty':
      return studied ? c.difficulty : -1;
    case 'retrievability':
      return retrievabilityNow(c, env.now, env.weightsOf(c.deckId)) ?? -1;
    case 'reviews':
      return c.reps;
    case 'lapses':
      return c.lapses;
    case 'added':
      return c.createdAt;
    case 'marks':
      return (c.suspended ? 20 : 0) + (c.buriedUntil !== undefined && c.buriedUntil > env.now ? 10 : 0) + (c.flag ?? 0);
  }
}

/** The rows in `sort` order; rows with the same key keep id order, so the order is the same on every run. */
export function sortRows(rows: readonly BrowseRow[], sort: SortOrder, env: ColumnEnv): BrowseRow[] {
  const keyed = rows.map((row) => ({ row, key: sortKey(sort.column, row, env), id: row.card.id }));
  const dir = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * dir;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}

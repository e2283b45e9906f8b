// The card editor's draft: what the form holds (every text as typed, in both languages), and the deck card it makes.
// The card is made as typed and checked by the deck file's own door (checkCardEdit); the draft only adds what a form
// needs: list entries with keys, an mcq answer or an item's category not chosen yet, ids made for new entries.
import type { AnkiNoteRef, DeckCard, Source, Text } from '../../domain/deck-schema';
import { slugOf, uniqueSlug } from '../../domain/slug';

export type CardType = DeckCard['type'];
export const CARD_TYPES: readonly CardType[] = ['basic', 'reverse', 'cloze', 'mcq', 'classify', 'type-in'];

export interface Category {
  key: string;
  /** The saved category's id (kept: items name it); a new one gets one from its label. */
  id?: string;
  label: Text;
}
export interface Item {
  key: string;
  /** The saved item's id (its study card's history is kept under it); a new one gets one from its text. */
  id?: string;
  text: Text;
  /** The key of its category, '' until one is chosen. */
  category: string;
}

export interface Draft {
  type: CardType;
  /** The saved card's id; null for a new card (its id is made from its text when it is saved). */
  id: string | null;
  front: Text;
  back: Text;
  text: Text;
  extra: Text;
  question: Text;
  choices: { key: string; text: Text }[];
  /** The index of the right choice; null until one is picked. */
  answer: number | null;
  explanation: Text;
  prompt: Text;
  categories: Category[];
  items: Item[];
  typedAnswer: Text;
  /** Other accepted spellings, one a line. */
  accept: string;
  /** Tags separated by spaces or commas. */
  tags: string;
  /** A document's name, or a page's https:// address. */
  sourceRef: string;
  section: string;
  note: Text;
  /** What the card has that the form does not show: the Anki note it came from (see `ankiOf`). */
  anki?: AnkiNoteRef;
  /** The saved card as the form had it, without its Anki note: what tells an edit of the note from none. */
  ankiBase?: string;
}

let keys = 0;
export const newKey = () => `k${++keys}`;

const blank = (): Text => ({ en: '', zh: '' });

/** An empty draft of a new card, citing `source` (the deck's last card's, so a user types it once per deck). */
export function emptyDraft(type: CardType, source?: Source, tags: readonly string[] = []): Draft {
  return {
    type,
    id: null,
    front: blank(),
    back: blank(),
    text: blank(),
    extra: blank(),
    question: blank(),
    choices: [0, 1, 2].map(() => ({ key: newKey(), text: blank() })),
    answer: null,
    explanation: blank(),
    prompt: blank(),
    categories: [0, 1].map(() => ({ key: newKey(), label: blank() })),
    items: [{ key: newKey(), text: blank(), category: '' }],
    typedAnswer: blank(),
    accept: '',
    tags: tags.join(' '),
    sourceRef: source ? (source.url ?? source.doc ?? '') : '',
    section: source?.section ?? '',
    note: blank(),
  };
}

/** The draft of a saved card: its fields in the form, the others as a new card of that type would have them. */
export function draftOf(card: DeckCard): Draft {
  const d: Draft = { ...emptyDraft(card.type, card.source, card.tags), id: card.id };
  if (card.note) d.note = card.note;
  const full = draftFields(d, card);
  // Taken before the note is put in: cardOf compares the card without it.
  return card.anki ? { ...full, ankiBase: JSON.stringify(cardOf(full, card.id)), anki: card.anki } : full;
}

function draftFields(d: Draft, card: DeckCard): Draft {
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return { ...d, front: card.front, back: card.back };
    case 'cloze':
      return { ...d, text: card.text, extra: card.extra ?? blank() };
    case 'mcq':
      return {
        ...d,
        question: card.question,
        choices: card.choices.map((text) => ({ key: newKey(), text })),
        answer: card.answer,
        explanation: card.explanation ?? blank(),
      };
    case 'classify': {
      const categories = card.categories.map((c) => ({ key: newKey(), id: c.id, label: c.label }));
      const keyOf = new Map(categories.map((c) => [c.id, c.key]));
      const items = card.items.map((i) => ({
        key: newKey(),
        id: i.id,
        text: i.text,
        category: keyOf.get(i.category) ?? '',
      }));
      return { ...d, prompt: card.prompt, categories, items };
    }
    case 'type-in':
      return { ...d, prompt: card.prompt, typedAnswer: card.answer, accept: card.accept.join('\n') };
  }
}

/** An optional text: left out when both languages are blank (then neither is asked for). */
function optional<K extends string>(key: K, t: Text): Partial<Record<K, Text>> {
  return t.en.trim() === '' && t.zh.trim() === '' ? {} : ({ [key]: t } as Record<K, Text>);
}

export function sourceOf(ref: string, section: string): Source {
  const r = ref.trim();
  if (r === '') return { section };
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(r) ? { url: r, section } : { doc: r, section };
}

export function tagsOf(tags: string): string[] {
  return tags.split(/[\s,，、]+/).filter((t) => t !== '');
}

/** Ids for new entries from their text (`"Virtual machine"` → `virtual-machine`), unique among the list's ids. */
function withIds<T extends { id?: string }>(list: readonly T[], textOf: (e: T) => Text, fallback: string): string[] {
  const used = new Set(list.flatMap((e) => (e.id ? [e.id] : [])));
  return list.map((e, i) => {
    if (e.id) return e.id;
    const t = textOf(e);
    const id = uniqueSlug(slugOf(t.en, 40) || slugOf(t.zh, 40) || `${fallback}-${i + 1}`, (x) => used.has(x));
    used.add(id);
    return id;
  });
}

/** The deck card the draft makes, as typed (it may not be valid: checkCardEdit says where not). */
export function cardOf(d: Draft, id: string): DeckCard {
  const base = {
    id,
    tags: tagsOf(d.tags),
    source: sourceOf(d.sourceRef, d.section),
    ...optional('note', d.note),
  };
  const card = typedCard(d, base);
  const anki = ankiOf(d, card);
  return anki ? { ...card, anki } : card;
}

/**
 * The Anki note of an edited card. A note read from an Anki package is exported with its raw field values; once its
 * text is edited here, those would write the old text back, so it keeps only its GUID and note id (Anki then updates
 * the same note), and is written from the card, as dockdeck's own cards are.
 */
function ankiOf(d: Draft, card: DeckCard): AnkiNoteRef | undefined {
  if (!d.anki) return undefined;
  if (d.ankiBase === undefined || JSON.stringify(card) === d.ankiBase) return d.anki;
  return { guid: d.anki.guid, ...(d.anki.noteId ? { noteId: d.anki.noteId } : {}) };
}

type Base = Pick<DeckCard, 'id' | 'tags' | 'source' | 'note'>;

function typedCard(d: Draft, base: Base): DeckCard {
  switch (d.type) {
    case 'basic':
      return { ...base, type: 'basic', front: d.front, back: d.back };
    case 'reverse':
      return { ...base, type: 'reverse', front: d.front, back: d.back };
    case 'cloze':
      return { ...base, type: 'cloze', text: d.text, ...optional('extra', d.extra) };
    case 'mcq':
      return {
        ...base,
        type: 'mcq',
        question: d.question,
        choices: d.choices.map((c) => c.text),
        // Not picked yet: the draft's own problem says so (draftProblems), not a number's.
        answer: d.answer ?? 0,
        ...optional('explanation', d.explanation),
      };
    case 'classify': {
      const catIds = withIds(d.categories, (c) => c.label, 'category');
      const idOfKey = new Map(d.categories.map((c, i) => [c.key, catIds[i]!]));
      const itemIds = withIds(d.items, (i) => i.text, 'item');
      return {
        ...base,
        type: 'classify',
        prompt: d.prompt,
        categories: d.categories.map((c, i) => ({ id: catIds[i]!, label: c.label })),
        items: d.items.map((item, i) => ({
          id: itemIds[i]!,
          text: item.text,
          category: idOfKey.get(item.category) ?? '',
        })),
      };
    }
    case 'type-in':
      return {
        ...base,
        type: 'type-in',
        prompt: d.prompt,
        answer: d.typedAnswer,
        accept: d.accept
          .split('\n')
          .map((a) => a.trim())
          .filter((a) => a !== ''),
      };
  }
}

/** What the draft lacks that the card cannot say: an mcq's right answer, an item's category. Slots, as fields. */
export function draftProblems(d: Draft): { field: string; key: 'pick-answer' | 'pick-category' | 'no-source' }[] {
  // Said at once, not only after the texts are in (the deck file's rule for it runs on a card of the right shape).
  const source = d.sourceRef.trim() === '' ? [{ field: 'source.ref', key: 'no-source' as const }] : [];
  return [...source, ...typeProblems(d)];
}

function typeProblems(d: Draft): { field: string; key: 'pick-answer' | 'pick-category' }[] {
  if (d.type === 'mcq' && (d.answer === null || d.answer >= d.choices.length))
    return [{ field: 'answer', key: 'pick-answer' }];
  if (d.type === 'classify') {
    const cats = new Set(d.categories.map((c) => c.key));
    return d.items.flatMap((item, i) =>
      cats.has(item.category) ? [] : [{ field: `items[${i}].category`, key: 'pick-category' as const }],
    );
  }
  return [];
}

/** The text field the first study card of a type is asked with: where the cursor goes. */
export function firstSlot(type: CardType): string {
  if (type === 'basic' || type === 'reverse') return 'front.en';
  if (type === 'cloze') return 'text.en';
  if (type === 'mcq') return 'question.en';
  return 'prompt.en';
}

/**
 * The cloze number a new gap in `text` gets: the lowest one the other language has and this one lacks (so both
 * languages keep the same numbers), else one more than any used.
 */
export function nextClozeNumber(text: string, other: string): number {
  const nums = (s: string) => new Set([...s.matchAll(/\{\{c(\d+)::/g)].map((m) => Number(m[1])));
  const mine = nums(text);
  const theirs = [...nums(other)].sort((a, b) => a - b);
  const missing = theirs.find((n) => !mine.has(n));
  if (missing !== undefined) return missing;
  return Math.max(0, ...mine, ...theirs) + 1;
}

/** `text` with its selection [start, end) wrapped in `{{cN::…}}`; the new selection is the gap's answer. */
export function wrapCloze(
  text: string,
  start: number,
  end: number,
  n: number,
): { text: string; start: number; end: number } {
  const inner = text.slice(start, end) || '…';
  const open = `{{c${n}::`;
  return {
    text: `${text.slice(0, start)}${open}${inner}}}${text.slice(end)}`,
    start: start + open.length,
    end: start + open.length + inner.length,
  };
}

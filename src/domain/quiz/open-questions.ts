// Interview questions ("What is the difference between a container and a VM?") with key points derived from the decks.
//
// Key points come only from data the decks hold, never invented:
// - a deck's own interview question (`interviews` in the deck file) has one key point per card it lists: the card's
//   back, with its front as a hint;
// - a trait table gives "What is the difference: A vs B?" with one key point per row, "trait: A — cell; B — cell",
//   each tied to the row's compare card;
// - a source section with at least three basic cards gives "Explain “section”" with one key point per card: its
//   answer (the back), with its question as a hint, tied to that card. A section of more than ten such cards is
//   too broad for one answer and is asked about per tag (its cards grouped by their first tag). The question quotes
//   the heading, so it is made only where the heading reads in the study language (no Chinese heading quoted in an
//   English question).
// A question keeps at most MAX_KEY_POINTS points, chosen with the seed and kept in deck order.
import type { Interview, TraitTable } from '../deck-schema';
import { sourceName } from '../source';
import type { Lang } from '../text';
import type { QuizCard } from './facts';
import type { KeyPoint, Question, Text } from './quiz-schema';
import { rng, sampleIndexes, subSeed } from './random';

export const MAX_KEY_POINTS = 6;
export const MIN_KEY_POINTS = 2;
/** A section needs this many basic cards to make a question worth answering at length. */
export const MIN_SECTION_CARDS = 3;
/** A section with more basic cards than this is asked about tag by tag. */
export const MAX_SECTION_CARDS = 10;

export type OpenQuestion = Extract<Question, { kind: 'open' }>;

export interface QuizDeck {
  id: string;
  title: Text;
  tables: TraitTable[];
  /** The deck's own interview questions. */
  interviews?: Interview[] | undefined;
  /** How the deck writes its text (Markdown unless said otherwise). */
  textFormat?: 'markdown' | 'html';
}

function listLabels(labels: string[], and: string): string {
  if (labels.length <= 2) return labels.join(and);
  return `${labels.slice(0, -1).join(', ')}${and}${labels.at(-1)}`;
}

/** Keeps at most MAX_KEY_POINTS of the items, chosen with the seed, in their original order. */
function choose<T>(items: T[], seed: number, name: string): T[] {
  if (items.length <= MAX_KEY_POINTS) return items;
  const keep = sampleIndexes(items.length, MAX_KEY_POINTS, rng(subSeed(seed, name))).sort((a, b) => a - b);
  return keep.map((i) => items[i]!);
}

/** An open question about `cards` (the first card's source cites it), tagged with every tag they carry. */
function openQuestion(
  deckId: string,
  cards: readonly QuizCard[],
  fields: Pick<OpenQuestion, 'prompt' | 'keyPoints'> & { kicker?: Text | undefined },
): OpenQuestion {
  const { kicker, ...rest } = fields;
  return {
    kind: 'open',
    id: '',
    deckId,
    tags: [...new Set(cards.flatMap((c) => c.tags))],
    source: cards[0]!.source,
    ...(kicker ? { kicker } : {}),
    ...rest,
  };
}

/** A basic card as a key point: its answer, with its question as the hint. */
function backPoint(c: QuizCard): KeyPoint {
  const content = c.content as Extract<QuizCard['content'], { kind: 'basic' }>;
  return { cardId: c.id, text: content.back, hint: content.front };
}

function tableQuestion(
  deck: QuizDeck,
  table: TraitTable,
  byId: Map<string, QuizCard>,
  seed: number,
): OpenQuestion | null {
  const rows = table.rows.filter((r) => byId.get(`${deck.id}/table:${table.id}/${r.id}`)?.content.kind === 'compare');
  if (rows.length < MIN_KEY_POINTS) return null;
  const picked = choose(rows, seed, `table|${deck.id}|${table.id}`);
  const cell = (row: (typeof rows)[number], lang: 'en' | 'zh', sep: string) =>
    table.columns
      .map((c) => `${c.label[lang]} — ${Object.hasOwn(row.cells, c.id) ? row.cells[c.id]![lang] : ''}`)
      .join(sep);
  const keyPoints: KeyPoint[] = picked.map((row) => ({
    cardId: `${deck.id}/table:${table.id}/${row.id}`,
    text: { en: `**${row.trait.en}**: ${cell(row, 'en', '; ')}`, zh: `**${row.trait.zh}**：${cell(row, 'zh', '；')}` },
  }));
  const cards = keyPoints.map((k) => byId.get(k.cardId)!);
  const en = table.columns.map((c) => c.label.en);
  const zh = table.columns.map((c) => c.label.zh);
  return openQuestion(deck.id, cards, {
    kicker: table.title,
    prompt: {
      en: `What is the difference between ${listLabels(en, ' and ')}?`,
      zh: `${listLabels(zh, '和')}有什么区别？`,
    },
    keyPoints,
  });
}

function interviewQuestion(deck: QuizDeck, interview: Interview, byId: Map<string, QuizCard>): OpenQuestion | null {
  const cards = interview.points
    .map((id) => byId.get(`${deck.id}/${id}`))
    .filter((c): c is QuizCard => c !== undefined && c.content.kind === 'basic' && !c.content.reversed);
  if (cards.length < MIN_KEY_POINTS) return null;
  return openQuestion(deck.id, cards, {
    kicker: deck.title,
    prompt: interview.question,
    keyPoints: cards.map(backPoint),
  });
}

/** Han characters: a heading with them does not read as English. */
const HAN = /\p{Script=Han}/u;

/** Whether a heading can be quoted in a question in this language. */
export function readsIn(heading: string, lang: Lang): boolean {
  return lang === 'zh' || !HAN.test(heading);
}

function byFirstTag(cards: QuizCard[]): Array<{ list: QuizCard[]; tag: string }> {
  const groups = new Map<string, QuizCard[]>();
  for (const c of cards) {
    const tag = c.tags[0];
    if (tag === undefined) continue;
    const list = groups.get(tag);
    if (list) list.push(c);
    else groups.set(tag, [c]);
  }
  return [...groups].map(([tag, list]) => ({ tag, list }));
}

function sectionQuestion(
  deck: QuizDeck | undefined,
  cards: QuizCard[],
  tag: string | null,
  seed: number,
): OpenQuestion | null {
  const first = cards[0];
  if (!first || cards.length < MIN_SECTION_CARDS) return null;
  const picked = choose(cards, seed, `section|${first.deckId}|${first.source.section}|${tag ?? ''}`);
  const section = tag === null ? first.source.section : `${first.source.section} — ${tag}`;
  return openQuestion(first.deckId, picked, {
    kicker: deck?.title,
    prompt: { en: `Explain “${section}”: what are the key points?`, zh: `讲一讲“${section}”：要点有哪些？` },
    keyPoints: picked.map(backPoint),
  });
}

/**
 * Every open question the cards in scope support: each interview question of the decks, one per trait table, one per
 * section with enough basic cards whose heading reads in the study language `lang`.
 */
export function openQuestions(
  cards: readonly QuizCard[],
  decks: readonly QuizDeck[],
  seed: number,
  lang: Lang,
): OpenQuestion[] {
  const byId = new Map(cards.map((c) => [c.id, c]));
  const deckById = new Map(decks.map((d) => [d.id, d]));
  const out: OpenQuestion[] = [];
  for (const deck of decks) {
    for (const interview of deck.interviews ?? []) {
      const q = interviewQuestion(deck, interview, byId);
      if (q) out.push(q);
    }
    for (const table of deck.tables) {
      const q = tableQuestion(deck, table, byId, seed);
      if (q) out.push(q);
    }
  }
  const sections = new Map<string, QuizCard[]>();
  for (const c of cards) {
    if (c.content.kind !== 'basic' || c.content.reversed || !readsIn(c.source.section, lang)) continue;
    const key = `${c.deckId}\u0000${sourceName(c.source)}\u0000${c.source.section}`;
    const list = sections.get(key);
    if (list) list.push(c);
    else sections.set(key, [c]);
  }
  for (const list of sections.values()) {
    list.sort((a, b) => a.position - b.position);
    // A long section covers too much for one answer: its cards are grouped by their first tag instead.
    const groups = list.length <= MAX_SECTION_CARDS ? [{ list, tag: null }] : byFirstTag(list);
    for (const g of groups) {
      const q = sectionQuestion(deckById.get(g.list[0]!.deckId), g.list, g.tag, seed);
      if (q) out.push(q);
    }
  }
  return out;
}

// What a study card asks and answers, in a form quiz questions are built from: prompt, answer text and answer family.
import { normalizeAnswer } from '../answer-match';
import type { Source } from '../deck-schema';
import type { CardStateValue } from '../scheduler';
import type { StudyContent } from '../study-card';
import { renderCloze } from '../text';
import type { Text } from './quiz-schema';

/** The card fields quiz generation reads (a subset of the stored card row). */
export interface QuizCard {
  id: string;
  deckId: string;
  noteId: string;
  tags: string[];
  source: Source;
  content: StudyContent;
  state: CardStateValue;
  position: number;
}

/**
 * Answers that can stand in for each other as distractors. Backs of basic cards are sentences, cloze gaps and
 * typed answers are terms, reversed cards answer with a question: options are only ever drawn from one family.
 */
export type Family = 'back' | 'reverse' | 'term';

/** A card with a free-text answer (basic, reverse, cloze, type-in). */
export interface Fact {
  card: QuizCard;
  prompt: Text;
  answer: Text;
  accept: string[];
  family: Family;
  /** The answer normalised per language, computed once: distractor checks compare these. */
  norm: NormText;
}

export interface NormText {
  en: string;
  zh: string;
}

export function normText(t: Text): NormText {
  return { en: normalizeAnswer(t.en), zh: normalizeAnswer(t.zh) };
}

/** The text of gap `index` of a cloze, if there is exactly one such gap. */
function clozeGap(text: string, index: number): string | null {
  const gaps = [...text.matchAll(/\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g)].filter((m) => Number(m[1]) === index);
  return gaps.length === 1 ? gaps[0]![2]!.trim() || null : null;
}

/** The card's prompt and free-text answer, or null for cards whose answer is a choice (mcq, classify, compare). */
export function factOf(card: QuizCard): Fact | null {
  const c = card.content;
  const make = (prompt: Text, answer: Text, family: Family, accept: string[] = []): Fact => ({
    card,
    prompt,
    answer,
    accept,
    family,
    norm: normText(answer),
  });
  switch (c.kind) {
    case 'basic':
      return make(c.front, c.back, c.reversed ? 'reverse' : 'back');
    case 'type-in':
      return make(c.prompt, c.answer, 'term', c.accept);
    case 'cloze': {
      const en = clozeGap(c.text.en, c.index);
      const zh = clozeGap(c.text.zh, c.index);
      if (en === null || zh === null) return null;
      const prompt = { en: renderCloze(c.text.en, c.index, false), zh: renderCloze(c.text.zh, c.index, false) };
      return make(prompt, { en, zh }, 'term');
    }
    default:
      return null;
  }
}

/**
 * Whether an answer is short enough to type: a term of at most four words and 30 characters. Basic cards whose
 * back is a sentence are not asked as type-in questions: nobody can type a sentence the forgiving match accepts.
 */
export function isTypeable(f: Fact): boolean {
  if (f.family === 'term') return true;
  const words = f.norm.en.split(' ').length;
  return f.norm.en.length <= 30 && words <= 4 && f.norm.zh.length <= 20;
}

/** What a card asks, as one line of text: for lists of cards (what to study, mistakes). */
export function promptOf(content: StudyContent): Text {
  switch (content.kind) {
    case 'basic':
      return content.front;
    case 'cloze':
      return {
        en: renderCloze(content.text.en, content.index, false),
        zh: renderCloze(content.text.zh, content.index, false),
      };
    case 'mcq':
      return content.question;
    case 'classify':
      return { en: `${content.prompt.en} ${content.item.en}`, zh: `${content.prompt.zh} ${content.item.zh}` };
    case 'type-in':
      return content.prompt;
    case 'compare':
      return { en: `${content.title.en}: ${content.trait.en}`, zh: `${content.title.zh}：${content.trait.zh}` };
  }
}

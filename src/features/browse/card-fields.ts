// A card's fields as the info panel lists them: each with its name and its text in both languages (or one list of
// strings, as a type-in card's accepted answers), whatever the card's type.
import type { Text } from '../../domain/deck-schema';
import type { StudyContent } from '../../domain/study-card';
import { CHOICE_LETTERS } from '../../domain/choice-order';
import { renderCloze } from '../../domain/text';

export type FieldName =
  | 'question'
  | 'answer'
  | 'text'
  | 'extra'
  | 'choice'
  | 'choice-answer'
  | 'explanation'
  | 'prompt'
  | 'item'
  | 'category'
  | 'accept'
  | 'table'
  | 'trait'
  | 'cell'
  | 'note';

export interface CardField {
  name: FieldName;
  /** Fills the name's words: a choice's letter, a table column's label (in the interface language). */
  param?: Text;
  text: Text;
}

const both = (s: string): Text => ({ en: s, zh: s });

/** The fields of a card, in the order its deck file has them. */
export function cardFields(content: StudyContent, note?: Text): CardField[] {
  const out: CardField[] = [];
  switch (content.kind) {
    case 'basic':
      out.push({ name: 'question', text: content.front }, { name: 'answer', text: content.back });
      break;
    case 'cloze':
      // The card's own deletion marked, as its answer shows it.
      out.push({
        name: 'text',
        text: {
          en: renderCloze(content.text.en, content.index, true),
          zh: renderCloze(content.text.zh, content.index, true),
        },
      });
      if (content.extra) out.push({ name: 'extra', text: content.extra });
      break;
    case 'mcq':
      out.push({ name: 'question', text: content.question });
      content.choices.forEach((c, i) =>
        out.push({
          name: i === content.answer ? 'choice-answer' : 'choice',
          param: both(CHOICE_LETTERS[i] ?? String(i + 1)),
          text: c,
        }),
      );
      if (content.explanation) out.push({ name: 'explanation', text: content.explanation });
      break;
    case 'classify': {
      out.push({ name: 'prompt', text: content.prompt }, { name: 'item', text: content.item });
      const answer = content.categories.find((c) => c.id === content.answer);
      out.push({ name: 'answer', text: answer?.label ?? both(content.answer) });
      break;
    }
    case 'type-in':
      out.push({ name: 'prompt', text: content.prompt }, { name: 'answer', text: content.answer });
      if (content.accept.length > 0) out.push({ name: 'accept', text: both(content.accept.join(', ')) });
      break;
    case 'compare':
      out.push({ name: 'table', text: content.title }, { name: 'trait', text: content.trait });
      for (const col of content.columns) out.push({ name: 'cell', param: col.label, text: col.cell });
      break;
  }
  if (note) out.push({ name: 'note', text: note });
  return out;
}

// Where each problem of a card shows in the editor: an issue's field path (`choices[2].en`, `source.doc`) mapped to
// the input (a "slot") that holds that text, and the words for the slot ("Choice 3 — English") and the problem.
import type { Issue } from '../../domain/issue';
import type { Lang } from '../../domain/text';
import { issueMessage } from '../../formats/issue-text';
import { draftProblems, tagsOf, type Draft } from './card-editor-draft';
import type { cardEditorMessages } from './card-editor-messages';

type Key = keyof (typeof cardEditorMessages)['en'];
export type EditorT = (key: Key, params?: Record<string, string | number>) => string;

const bi = (name: string) => [`${name}.en`, `${name}.zh`];

/** Every slot of the form for the draft's type, in the order they stand on screen. */
export function slotsOf(d: Draft): string[] {
  const common = ['tags', 'source.ref', 'source.section', ...bi('note')];
  switch (d.type) {
    case 'basic':
    case 'reverse':
      return ['type', ...bi('front'), ...bi('back'), ...common];
    case 'cloze':
      return ['type', ...bi('text'), ...bi('extra'), ...common];
    case 'mcq':
      return [
        'type',
        ...bi('question'),
        'choices',
        'answer',
        ...d.choices.flatMap((_, i) => bi(`choices[${i}]`)),
        ...bi('explanation'),
        ...common,
      ];
    case 'classify':
      return [
        'type',
        ...bi('prompt'),
        'categories',
        ...d.categories.flatMap((_, i) => bi(`categories[${i}].label`)),
        'items',
        ...d.items.flatMap((_, i) => [...bi(`items[${i}].text`), `items[${i}].category`]),
        ...common,
      ];
    case 'type-in':
      return ['type', ...bi('prompt'), ...bi('answer'), 'accept', ...common];
  }
}

/** The slot an issue's field shows at: itself, else the nearest enclosing one (`choices[9]` → `choices`), else the card. */
export function slotOf(field: string | undefined, slots: ReadonlySet<string>): string {
  if (field === undefined || field === '') return 'card';
  if (field === 'source' || field === 'source.doc' || field === 'source.url') return 'source.ref';
  // A made id says what its text says: a category's or an item's id comes from its label or text.
  const made = /^(categories|items)\[(\d+)\]\.id$/.exec(field);
  if (made) return made[1] === 'categories' ? `categories[${made[2]}].label.en` : `items[${made[2]}].text.en`;
  for (let f = field; f !== ''; f = f.replace(/(?:\.[^.[\]]+|\[\d+\])$/, '')) {
    if (slots.has(f)) return f;
    if (!/(?:\.[^.[\]]+|\[\d+\])$/.test(f)) break;
  }
  return 'card';
}

const LIST_NOUN: Record<string, Key> = {
  choices: 'field.choice',
  categories: 'field.category',
  items: 'field.item',
};

const PLAIN: Record<string, Key> = {
  type: 'field.type',
  card: 'field.card',
  front: 'field.front',
  back: 'field.back',
  text: 'field.text',
  extra: 'field.extra',
  question: 'field.question',
  explanation: 'field.explanation',
  choices: 'field.choices',
  categories: 'field.categories',
  items: 'field.items',
  accept: 'field.accept',
  tags: 'field.tags',
  note: 'field.note',
  'source.ref': 'field.source',
  'source.section': 'field.section',
};

/** The words for a slot, as its input is labelled: "Front — English", "Category of item 2". */
export function slotLabel(slot: string, d: Draft, m: EditorT): string {
  const lang = /\.(en|zh)$/.exec(slot)?.[1] as Lang | undefined;
  const base = lang ? slot.slice(0, -3) : slot;
  const entry = /^(\w+)\[(\d+)\](?:\.(\w+))?$/.exec(base);
  let name: string;
  if (entry) {
    const n = Number(entry[2]) + 1;
    name = entry[3] === 'category' ? m('field.item-category', { n }) : m(LIST_NOUN[entry[1]!] ?? 'field.card', { n });
  } else if (base === 'answer') name = m(d.type === 'mcq' ? 'field.answer' : 'field.typed-answer');
  else if (base === 'prompt') name = m(d.type === 'classify' ? 'field.classify-prompt' : 'field.prompt');
  else name = m(PLAIN[base] ?? 'field.card');
  return lang ? m('field.in-lang', { field: name, lang: m(`lang.${lang}`) }) : name;
}

export interface Problem {
  slot: string;
  /** What is wrong, without where ("must not be empty"). */
  message: string;
}

/**
 * The problems of the draft in the order of the form: the draft's own (no answer picked), then the card's issues (a
 * slot the draft already faults gets only its own), each issue's words in the user's language.
 */
export function problemsOf(d: Draft, issues: readonly Issue[], lang: Lang, m: EditorT): Problem[] {
  const slots = slotsOf(d);
  const known = new Set(slots);
  const own = draftProblems(d).map((p) => ({ slot: p.field, message: m(`problem.${p.key}`) }));
  const faulted = new Set(own.map((p) => p.slot));
  const tags = tagsOf(d.tags);
  const accepted = d.accept.split('\n').filter((a) => a.trim() !== '');
  const found = issues.flatMap((issue) => {
    const slot = slotOf(issue.field, known);
    if (faulted.has(slot)) return [];
    // An entry of a one-line list is named by its value, since the list is one input.
    const at = /^(tags|accept)\[(\d+)\]$/.exec(issue.field ?? '');
    const value = at ? (at[1] === 'tags' ? tags : accepted)[Number(at[2])] : undefined;
    const message = issueMessage(issue, lang);
    return [{ slot, message: value === undefined ? message : `“${value}”: ${message}` }];
  });
  const order = (p: Problem) => (p.slot === 'card' ? -1 : slots.indexOf(p.slot));
  return [...own, ...found].sort((a, b) => order(a) - order(b));
}

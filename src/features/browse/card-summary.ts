// A card's question and answer as one line of plain text, for the browser's columns and their sort (the info panel
// draws the card's fields in full, through the one sanitising renderer).
import type { StudyContent } from '../../domain/study-card';
import type { Lang } from '../../domain/text';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
/** Tags after which the text goes on as a new line or cell: they part words. */
const BREAK_TAGS = /<\/?(?:br|p|div|li|tr|td|th|h[1-6]|hr|ul|ol|table|blockquote|pre)\b[^>]*>/gi;
const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
const MARKUP = /[<&[`*_#>\n\t]|^\s*(?:[-+]|\d+\.)\s|\s\s/;
/** Longer than any column shows: the rest is never seen and only costs sorting time. */
const MAX_CHARS = 160;

/** Markdown or HTML as a line of plain text: tags, Markdown marks and link targets out, entities decoded. */
export function plainText(text: string): string {
  // Most card text is plain words: only text with a mark that could be markup goes through the replacements.
  if (!MARKUP.test(text)) return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text.trim();
  let s = text;
  if (s.includes('<')) s = s.replace(BREAK_TAGS, ' ').replace(/<[^>]*>/g, '');
  if (s.includes('&')) s = s.replace(/&(#39|[a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
  s = s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/```[^\n]*\n?/g, ' ')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS - 1)}…` : s;
}

/** A cloze text with deletion `index` hidden as `[…]` (or its hint) and the others shown. */
function clozeQuestion(text: string, index: number): string {
  return text.replace(CLOZE, (_m, n: string, answer: string, hint?: string) =>
    Number(n) === index ? `[${hint ?? '…'}]` : answer,
  );
}

function clozeAnswer(text: string, index: number): string {
  return [...text.matchAll(CLOZE)]
    .filter((m) => Number(m[1]) === index)
    .map((m) => m[2] ?? '')
    .join(', ');
}

/** What the card asks, in `lang`, as plain text. */
export function questionText(content: StudyContent, lang: Lang): string {
  switch (content.kind) {
    case 'basic':
      return plainText(content.front[lang]);
    case 'cloze':
      return plainText(clozeQuestion(content.text[lang], content.index));
    case 'mcq':
      return plainText(content.question[lang]);
    case 'classify':
      return plainText(`${content.item[lang]} · ${content.prompt[lang]}`);
    case 'type-in':
      return plainText(content.prompt[lang]);
    case 'compare':
      return plainText(`${content.title[lang]} · ${content.trait[lang]}`);
  }
}

/** The card's answer, in `lang`, as plain text. */
export function answerText(content: StudyContent, lang: Lang): string {
  switch (content.kind) {
    case 'basic':
      return plainText(content.back[lang]);
    case 'cloze':
      return plainText(clozeAnswer(content.text[lang], content.index));
    case 'mcq':
      return plainText(content.choices[content.answer]?.[lang] ?? '');
    case 'classify':
      return plainText(content.categories.find((c) => c.id === content.answer)?.label[lang] ?? content.answer);
    case 'type-in':
      return plainText(content.answer[lang]);
    case 'compare':
      return plainText(content.columns.map((c) => `${c.label[lang]}: ${c.cell[lang]}`).join('; '));
  }
}

// Card text for Anki and plain-text exports: Markdown → HTML in the chosen language(s), and a readable
// front/back for the kinds Anki has no note type for (mcq, classify, trait-table rows).
import { Marked } from 'marked';
import type { Text } from '../../domain/deck-schema';
import type { StudyContent } from '../../domain/study-card';
import { renderCloze } from '../../domain/text';
import { CHOICE_LETTERS as LETTERS } from '../../domain/choice-order';

/** Which text goes into the exported fields: one language, or both (English first, Chinese below). */
export type ExportLang = 'en' | 'zh' | 'both';

// The same Markdown options the app renders cards with (src/ui/card-text.tsx), so the HTML looks the same.
const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown → HTML; a lone paragraph is unwrapped so short text stays inline in Anki's fields. */
export function markdownHtml(markdown: string): string {
  const html = (marked.parse(markdown) as string).trim();
  const lone = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return lone && !lone[1]!.includes('<p>') ? lone[1]! : html;
}

/** Bilingual text as HTML. With `both`, text that is the same in both languages (one-language imports) appears once. */
export function textHtml(text: Text, lang: ExportLang): string {
  if (lang !== 'both') return markdownHtml(text[lang]);
  if (text.en === text.zh) return markdownHtml(text.en);
  return `<div lang="en">${markdownHtml(text.en)}</div><div lang="zh">${markdownHtml(text.zh)}</div>`;
}

/** Plain text of one language (for Anki's typed-answer comparison, which wants no markup): `both` uses English. */
export function textPlain(text: Text, lang: ExportLang): string {
  return text[lang === 'both' ? 'en' : lang];
}

/** An outdated-fact note, marked so that a card template can style it. */
export function noteHtml(note: Text | undefined, lang: ExportLang): string {
  return note ? `<div class="dockdeck-note">${textHtml(note, lang)}</div>` : '';
}

/** Non-empty parts, a blank line apart. */
export function joinHtml(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('<br><br>');
}

export interface FrontBack {
  front: string;
  back: string;
}

/**
 * A readable front and back for one study card, as a Basic note shows it:
 * - basic, type-in: the card's own sides;
 * - cloze: the text with this number's deletions hidden / marked, as the app shows it (Anki gets a Cloze note instead);
 * - mcq: the question with the choices lettered A, B, …; the back names the right letter and choice, then the explanation;
 * - classify: the prompt, the item, and the categories to choose from; the back is the right category;
 * - compare (trait-table row): the table title and trait; the back lists each column with its cell.
 * An outdated-fact `note` is added to the back.
 */
export function studyFrontBack(content: StudyContent, lang: ExportLang, note?: Text): FrontBack {
  const t = (x: Text) => textHtml(x, lang);
  switch (content.kind) {
    case 'basic':
      return { front: t(content.front), back: joinHtml(t(content.back), noteHtml(note, lang)) };
    case 'type-in':
      return { front: t(content.prompt), back: joinHtml(t(content.answer), noteHtml(note, lang)) };
    case 'cloze': {
      const side = (revealed: boolean) =>
        t({
          en: renderCloze(content.text.en, content.index, revealed),
          zh: renderCloze(content.text.zh, content.index, revealed),
        });
      return {
        front: side(false),
        back: joinHtml(side(true), content.extra ? t(content.extra) : '', noteHtml(note, lang)),
      };
    }
    case 'mcq': {
      const choices = content.choices.map((c) => `<li>${t(c)}</li>`).join('');
      const right = content.choices[content.answer];
      return {
        front: `${t(content.question)}<ol type="A">${choices}</ol>`,
        back: joinHtml(
          `${LETTERS[content.answer] ?? content.answer + 1}. ${right ? t(right) : ''}`,
          content.explanation ? t(content.explanation) : '',
          noteHtml(note, lang),
        ),
      };
    }
    case 'classify': {
      const right = content.categories.find((c) => c.id === content.answer);
      return {
        front: joinHtml(
          t(content.prompt),
          `<b>${t(content.item)}</b>`,
          content.categories.map((c) => t(c.label)).join(' / '),
        ),
        back: joinHtml(right ? t(right.label) : content.answer, noteHtml(note, lang)),
      };
    }
    case 'compare':
      return {
        front: `${t(content.title)}: ${t(content.trait)}`,
        back: joinHtml(
          `<table>${content.columns.map((c) => `<tr><th>${t(c.label)}</th><td>${t(c.cell)}</td></tr>`).join('')}</table>`,
          noteHtml(note, lang),
        ),
      };
  }
}

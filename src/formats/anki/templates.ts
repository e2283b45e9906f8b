// Renders an Anki card template with a note's fields: `{{Field}}`, `{{FrontSide}}`, `{{#Field}}…{{/Field}}`,
// `{{^Field}}…{{/Field}}`, filters (`text:`, `hint:`, `type:`, `cloze:`, `cloze-only:`, `furigana:`, `kana:`,
// `kanji:`, `tts …:`), and the legacy `{{=<% %>=}}` syntax. Follows rslib/src/template.rs (parsing, conditionals)
// and rslib/src/template_filters.rs (filters) in the Anki repository, but is lenient where Anki shows an error
// (an unclosed `{{#X}}` closes at the end, a stray `{{/X}}` is ignored): imported cards should still show something.
// `[sound:x]` and `<img src="x">` are left as they are: the app resolves media by name.
import { renderCloze } from '../../domain/text';
import { escapeHtml, fieldIsEmpty, htmlToText, ruby } from './html';

export type TemplateNode =
  | { kind: 'text'; text: string }
  | { kind: 'field'; key: string; filters: string[] }
  | { kind: 'if' | 'unless'; key: string; children: TemplateNode[] };

/**
 * How `{{cloze:Field}}` renders. `raw`: the field with its `{{c1::…}}` markers (a dockdeck cloze card keeps them);
 * `omit`: nothing (to get what a cloze card's answer adds); `card`: the deletion for the card's number, hidden on the
 * front and shown on the back, for the rare normal note type that uses the cloze filter.
 */
export type ClozeMode = 'raw' | 'omit' | 'card';

export interface RenderContext {
  /** Field name → HTML, plus the special fields (Tags, Type, Deck, Subdeck, Card, CardFlag). */
  fields: ReadonlyMap<string, string>;
  side: 'front' | 'back';
  /** What `{{FrontSide}}` shows; dockdeck shows the front above the back, so it is usually ''. */
  frontSide: string;
  cloze: ClozeMode;
  /** The card's template ordinal (cloze number − 1 for cloze note types). */
  ord: number;
}

export interface Rendered {
  html: string;
  /** Field names the template uses that the note type does not have. */
  unknown: string[];
}

const ALT_SYNTAX = '{{=<% %>=}}';

/** Parses a template. Never throws: unbalanced conditionals are closed or ignored. */
export function parseTemplate(source: string): TemplateNode[] {
  let src = source;
  if (src.trimStart().startsWith(ALT_SYNTAX)) {
    src = src.trimStart().slice(ALT_SYNTAX.length).replaceAll('<%', '{{').replaceAll('%>', '}}');
  }
  const root: TemplateNode[] = [];
  const stack: { key: string; children: TemplateNode[] }[] = [];
  const current = () => stack[stack.length - 1]?.children ?? root;
  const pushText = (text: string) => {
    if (text === '') return;
    const list = current();
    const prev = list[list.length - 1];
    if (prev?.kind === 'text') prev.text += text;
    else list.push({ kind: 'text', text });
  };
  let i = 0;
  while (i < src.length) {
    const open = src.indexOf('{{', i);
    if (open < 0) {
      pushText(src.slice(i));
      break;
    }
    pushText(src.slice(i, open));
    const close = src.indexOf('}}', open + 2);
    const inner = close < 0 ? '' : src.slice(open + 2, close);
    if (close < 0 || inner.includes('{{')) {
      pushText('{{');
      i = open + 2;
      continue;
    }
    i = close + 2;
    const handle = inner.trim();
    const sigil = handle.length >= 2 ? handle[0] : '';
    const key = handle.slice(1).trim();
    if (sigil === '#' || sigil === '^') {
      const node: TemplateNode = { kind: sigil === '#' ? 'if' : 'unless', key, children: [] };
      current().push(node);
      stack.push(node);
    } else if (sigil === '/') {
      const at = stack.map((s) => s.key).lastIndexOf(key);
      if (at >= 0) stack.length = at;
    } else {
      const parts = handle.split(':');
      const name = parts.pop()!.trim();
      current().push({ kind: 'field', key: name, filters: parts.reverse().map((f) => f.trim()) });
    }
  }
  return root;
}

function clozeOnly(text: string, index: number): string {
  const answers: string[] = [];
  for (const m of text.matchAll(/\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}/g)) if (Number(m[1]) === index) answers.push(m[2]!);
  return answers.join(', ');
}

function applyFilters(text: string, filters: string[], field: string, ctx: RenderContext): string {
  // `{{type:…:Field}}` is a typing box whatever else it says (template_filters.rs `apply_filters`). dockdeck has no
  // box inside a card: the question shows nothing, the answer shows the expected answer (Anki shows it compared
  // with what was typed). A typed cloze shows nothing: the cloze answer is already on the card.
  if (filters[filters.length - 1] === 'type') {
    return ctx.side === 'front' || ctx.cloze === 'omit' || filters.includes('cloze') ? '' : text;
  }
  let out = text;
  for (const f of filters) {
    if (f === 'text') out = escapeHtml(htmlToText(out));
    else if (f === 'hint')
      out = fieldIsEmpty(out) ? out : `<details class="hint"><summary>${escapeHtml(field)}</summary>${out}</details>`;
    else if (f === 'furigana') out = ruby(out, (b, r) => `<ruby><rb>${b}</rb><rt>${r}</rt></ruby>`);
    else if (f === 'kana') out = ruby(out, (_b, r) => r);
    else if (f === 'kanji') out = ruby(out, (b) => b);
    else if (f === 'cloze' || f === 'cloze-only') {
      if (ctx.cloze === 'omit') out = '';
      else if (ctx.cloze === 'card')
        out = f === 'cloze' ? renderCloze(out, ctx.ord + 1, ctx.side === 'back') : clozeOnly(out, ctx.ord + 1);
      else if (f === 'cloze-only') out = '';
    }
    // `tts …` speaks the text in Anki; dockdeck shows it. Unknown filters leave the text as it is, as in Anki.
  }
  return out;
}

function nonEmpty(ctx: RenderContext, key: string): boolean {
  const v = key === 'FrontSide' ? ctx.frontSide : ctx.fields.get(key);
  return v !== undefined && !fieldIsEmpty(v);
}

function renderNodes(nodes: TemplateNode[], ctx: RenderContext, out: string[], unknown: Set<string>): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out.push(node.text);
        break;
      case 'if':
      case 'unless':
        if (nonEmpty(ctx, node.key) === (node.kind === 'if')) renderNodes(node.children, ctx, out, unknown);
        break;
      case 'field': {
        const value = node.key === 'FrontSide' ? ctx.frontSide : ctx.fields.get(node.key);
        if (value === undefined) {
          if (node.key !== '') unknown.add(node.key);
        } else out.push(node.filters.length === 0 ? value : applyFilters(value, node.filters, node.key, ctx));
      }
    }
  }
}

export function renderTemplate(nodes: TemplateNode[], ctx: RenderContext): Rendered {
  const out: string[] = [];
  const unknown = new Set<string>();
  renderNodes(nodes, ctx, out, unknown);
  return { html: out.join(''), unknown: [...unknown] };
}

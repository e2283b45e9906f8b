// How each Anki note type becomes dockdeck cards. Decided once per note type, from the templates' structure rather
// than the note type's name (names are translated and renamed; "Basic" is "Einfach" in a German collection):
//   cloze note type                                   → one `cloze` card (Anki's {{c1::…}} syntax is dockdeck's)
//   two templates {{A}} → {{B}} and {{B}} → {{A}}      → one `reverse` card (Basic (and reversed / optional reversed))
//   one template whose question has {{type:B}}         → one `type-in` card (Basic (type in the answer))
//   one template                                      → one `basic` card (Basic, and any one-template note type)
//   anything else                                     → one `basic` card per Anki card, rendered from its template
// The stock templates are in rslib/src/notetype/stock.rs.
import type { AnkiNotetype } from './collection';
import { parseTemplate, type TemplateNode } from './templates';

export interface ParsedCardTemplate {
  name: string;
  q: TemplateNode[];
  a: TemplateNode[];
}

export type PlanKind = 'cloze' | 'reverse' | 'type-in' | 'basic' | 'per-card';

export interface NotetypePlan {
  notetype: AnkiNotetype;
  kind: PlanKind;
  /** Template by ordinal. */
  templates: Map<number, ParsedCardTemplate>;
  /** For `type-in`: the field the answer is typed against. */
  typeField?: string;
}

/** The template text without white space, and the answer divider in one spelling. */
function shape(src: string): string {
  return src.replace(/\s+/g, '').replace(/<hrid=["']?answer["']?\/?>/gi, '<hr>');
}

const FIELD = String.raw`\{\{([^#^/{}:][^{}:]*)\}\}`;
const QUESTION = new RegExp(`^${FIELD}$`);
const OPTIONAL_QUESTION = new RegExp(String.raw`^\{\{#([^{}]+)\}\}${FIELD}\{\{/\1\}\}$`);
const ANSWER = new RegExp(String.raw`^\{\{FrontSide\}\}<hr>${FIELD}$`);

/** Basic (and reversed card) and Basic (optional reversed card), in any language: A→B and B→A. */
function isReversePair(nt: AnkiNotetype): boolean {
  if (nt.cloze || nt.templates.length !== 2) return false;
  const [t0, t1] = nt.templates;
  const q0 = QUESTION.exec(shape(t0!.qfmt));
  const a0 = ANSWER.exec(shape(t0!.afmt));
  const q1 = QUESTION.exec(shape(t1!.qfmt)) ?? OPTIONAL_QUESTION.exec(shape(t1!.qfmt));
  const a1 = ANSWER.exec(shape(t1!.afmt));
  if (!q0 || !a0 || !q1 || !a1) return false;
  const front = q0[1];
  const back = a0[1];
  const q1Field = q1.length === 3 ? q1[2] : q1[1];
  return front !== back && q1Field === back && a1[1] === front;
}

/** The field of the one `{{type:Field}}` in a question, if there is exactly one (and it is not a typed cloze). */
function typedField(nodes: TemplateNode[], fields: string[]): string | undefined {
  const found: string[] = [];
  const walk = (list: TemplateNode[]) => {
    for (const n of list) {
      if (n.kind === 'field' && n.filters[n.filters.length - 1] === 'type' && !n.filters.includes('cloze'))
        found.push(n.key);
      else if (n.kind === 'if' || n.kind === 'unless') walk(n.children);
    }
  };
  walk(nodes);
  return found.length === 1 && fields.includes(found[0]!) ? found[0] : undefined;
}

export function planNotetype(nt: AnkiNotetype): NotetypePlan {
  const templates = new Map<number, ParsedCardTemplate>();
  for (const t of nt.templates)
    templates.set(t.ord, { name: t.name, q: parseTemplate(t.qfmt), a: parseTemplate(t.afmt) });
  if (nt.cloze) return { notetype: nt, kind: 'cloze', templates };
  if (isReversePair(nt)) return { notetype: nt, kind: 'reverse', templates };
  if (nt.templates.length === 1) {
    const typeField = typedField(templates.get(nt.templates[0]!.ord)!.q, nt.fields);
    return typeField === undefined
      ? { notetype: nt, kind: 'basic', templates }
      : { notetype: nt, kind: 'type-in', templates, typeField };
  }
  return { notetype: nt, kind: 'per-card', templates };
}

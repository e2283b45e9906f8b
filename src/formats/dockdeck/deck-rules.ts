// The rules of a deck file that its schema cannot say: unique ids, cited sources, answers in range, closed clozes.
import { clozeNumbers } from '../../domain/cloze.ts';
import type { Deck } from '../../domain/deck-schema';
import type { Issue, IssueCode, IssueParams } from '../../domain/issue';

function duplicates<T>(values: readonly T[]): T[] {
  const seen = new Set<T>();
  const dup = new Set<T>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

const LANGS = ['en', 'zh'] as const;

/** Checks that a valid-shaped deck is also consistent. Returns the problems; an empty list means good. */
export function checkDeckRules(file: string, deck: Deck): Issue[] {
  const issues: Issue[] = [];
  const add = (card: string | undefined, field: string, code: IssueCode, params?: IssueParams) =>
    issues.push({
      file,
      ...(card === undefined ? {} : { place: { card } }),
      field,
      code,
      ...(params === undefined ? {} : { params }),
    });
  const docs = new Set(deck.sources.map((s) => s.doc));
  const checkSource = (card: string, doc: string) => {
    if (!docs.has(doc)) add(card, 'source.doc', 'deck.source-not-listed', { doc });
  };

  for (const id of duplicates(deck.cards.map((c) => c.id))) add(id, 'id', 'deck.duplicate-card-id');
  for (const id of duplicates(deck.tables.map((t) => t.id))) add(`table:${id}`, 'id', 'deck.duplicate-table-id');
  for (const doc of duplicates(deck.sources.map((s) => s.doc)))
    add(undefined, 'sources', 'deck.duplicate-source', { doc });

  for (const card of deck.cards) {
    checkSource(card.id, card.source.doc);
    if (card.type === 'mcq') {
      const n = card.choices.length;
      if (card.answer >= n) add(card.id, 'answer', 'deck.answer-out-of-range', { answer: card.answer, n, last: n - 1 });
      for (const lang of LANGS) {
        const norm = card.choices.map((ch) => ch[lang].trim().toLowerCase());
        for (const c of duplicates(norm))
          add(card.id, `choices[${norm.lastIndexOf(c)}].${lang}`, 'deck.duplicate-choice', { choice: c });
      }
    }
    if (card.type === 'classify') {
      const cats = new Set(card.categories.map((c) => c.id));
      for (const id of duplicates(card.categories.map((c) => c.id)))
        add(card.id, 'categories', 'deck.duplicate-category', { id });
      for (const id of duplicates(card.items.map((i) => i.id))) add(card.id, 'items', 'deck.duplicate-item', { id });
      card.items.forEach((item, i) => {
        if (!cats.has(item.category))
          add(card.id, `items[${i}].category`, 'deck.unknown-category', {
            category: item.category,
            categories: [...cats],
          });
      });
    }
    if (card.type === 'cloze') {
      for (const lang of LANGS) {
        const text = card.text[lang];
        if (!/\{\{c\d+::/.test(text)) add(card.id, `text.${lang}`, 'deck.no-cloze');
        else if ((text.match(/\{\{c\d+::/g) ?? []).length !== (text.match(/\{\{c\d+::[^]*?\}\}/g) ?? []).length)
          add(card.id, `text.${lang}`, 'deck.unclosed-cloze');
      }
      const en = clozeNumbers(card.text.en).join(',');
      const zh = clozeNumbers(card.text.zh).join(',');
      if (en !== zh && en !== '' && zh !== '') add(card.id, 'text.zh', 'deck.cloze-numbers-differ', { en, zh });
    }
  }

  for (const table of deck.tables) {
    const cols = table.columns.map((c) => c.id);
    for (const id of duplicates(cols)) add(`table:${table.id}`, 'columns', 'deck.duplicate-column', { id });
    for (const id of duplicates(table.rows.map((r) => r.id)))
      add(`table:${table.id}/${id}`, 'id', 'deck.duplicate-row-id');
    for (const row of table.rows) {
      const card = `table:${table.id}/${row.id}`;
      checkSource(card, row.source.doc);
      for (const col of cols) if (!Object.hasOwn(row.cells, col)) add(card, `cells.${col}`, 'value.missing');
      for (const key of Object.keys(row.cells))
        if (!cols.includes(key)) add(card, `cells.${key}`, 'deck.unknown-column', { columns: cols });
      // Equal cells would make a "which column?" card with two right answers.
      for (const lang of LANGS) {
        const texts = cols.filter((c) => Object.hasOwn(row.cells, c)).map((c) => row.cells[c]![lang].trim());
        for (const text of duplicates(texts)) add(card, 'cells', 'deck.same-cells', { lang, text });
      }
    }
  }
  return issues;
}

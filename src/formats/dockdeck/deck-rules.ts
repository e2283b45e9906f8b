// The rules of a deck file that its schema cannot say: unique ids, cited sources, answers in range, closed clozes.
import { clozeNumbers } from '../../domain/cloze.ts';
import type { Deck, Source } from '../../domain/deck-schema';
import { sourceName } from '../../domain/source.ts';
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
  const listed = new Set(deck.sources.map(sourceName));
  const checkSource = (card: string, source: Source) => {
    // Exactly one of a document and a page.
    if ((source.doc === undefined) === (source.url === undefined))
      add(card, 'source', source.doc === undefined ? 'deck.source-no-doc' : 'deck.source-doc-and-url');
    else if (!listed.has(sourceName(source)))
      add(card, source.doc === undefined ? 'source.url' : 'source.doc', 'deck.source-not-listed', {
        doc: sourceName(source),
      });
  };

  for (const id of duplicates(deck.cards.map((c) => c.id))) add(id, 'id', 'deck.duplicate-card-id');
  for (const id of duplicates(deck.tables.map((t) => t.id))) add(`table:${id}`, 'id', 'deck.duplicate-table-id');
  deck.sources.forEach((s, i) => {
    if ((s.doc === undefined) === (s.url === undefined))
      add(undefined, `sources[${i}]`, s.doc === undefined ? 'deck.source-no-doc' : 'deck.source-doc-and-url');
  });
  for (const doc of duplicates(deck.sources.map(sourceName)))
    add(undefined, 'sources', 'deck.duplicate-source', { doc });

  for (const card of deck.cards) {
    checkSource(card.id, card.source);
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
      checkSource(card, row.source);
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
  checkInterviews(deck, add);
  return issues;
}

type Add = (card: string | undefined, field: string, code: IssueCode, params?: IssueParams) => void;

/** Each interview's key points are basic cards of the deck, each listed once. */
function checkInterviews(deck: Deck, add: Add): void {
  const interviews = deck.interviews ?? [];
  const types = new Map(deck.cards.map((c) => [c.id, c.type]));
  for (const id of duplicates(interviews.map((q) => q.id))) add(`interview:${id}`, 'id', 'deck.duplicate-interview-id');
  for (const q of interviews) {
    const place = `interview:${q.id}`;
    for (const id of duplicates(q.points)) add(place, 'points', 'deck.duplicate-point', { id });
    q.points.forEach((id, i) => {
      const type = types.get(id);
      if (type === undefined) add(place, `points[${i}]`, 'deck.unknown-point', { id });
      else if (type !== 'basic') add(place, `points[${i}]`, 'deck.point-not-basic', { id, type });
    });
  }
}

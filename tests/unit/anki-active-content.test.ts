// Issue #9 item 7: a shared Anki deck whose templates and fields carry scripts is imported with them taken out and
// counted, not refused; its exports then re-import (JSON refuses active content, so none may be left).
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { findActiveContent } from '../../src/formats/import/active-content-scan';
import { lines } from './helpers/issue-lines';
import { readAnkiPackage } from '../../src/formats/anki/read-package';
import { buildApkg, buildLegacyApkg, type BuildCollection } from './helpers/anki-build';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const col: BuildCollection = {
  notetypes: [
    {
      id: 7,
      name: 'Scripted',
      fields: ['Front', 'Back'],
      css: '.card { color: navy; }',
      templates: [
        {
          name: 'Card 1',
          qfmt: '<script>document.title = "{{Front}}"</script><div onclick="flip()">{{Front}}</div>',
          afmt: '{{FrontSide}}<hr id=answer><a href="javascript:alert(1)">{{Back}}</a>',
        },
      ],
    },
  ],
  decks: [{ id: 1, name: 'Shared' }],
  notes: [
    {
      id: 1,
      guid: 'g1',
      mid: 7,
      fields: ['What is KVM?', 'A hypervisor <img src="x.png" onerror="steal()">'],
      cards: [{ id: 10, ord: 0, deck: 1 }],
    },
    { id: 2, guid: 'g2', mid: 7, fields: ['Plain', 'Answer'], cards: [{ id: 11, ord: 0, deck: 1 }] },
  ],
};

for (const legacy of [false, true])
  test(`${legacy ? 'legacy' : 'current'} package: scripts, handlers and javascript: links are taken out and counted`, async () => {
    const bytes = legacy ? buildLegacyApkg(SQL, col) : await buildApkg(SQL, col);
    const { drafts, warnings } = await readAnkiPackage(bytes, {
      fileName: 'shared.apkg',
      includeScheduling: false,
      sql: SQL,
      now: new Date(0),
    });
    expect(drafts).toHaveLength(1);
    const deck = drafts[0]!.deck;
    expect(deck.cards).toHaveLength(2);
    // Template: one <script>, one onclick, one javascript: link; note 1: one onerror.
    expect(warnings).toContainEqual({ file: 'shared.apkg', code: 'warn.active-removed', params: { n: 4 } });
    expect(lines(warnings)).toContain(
      'shared.apkg: 4 scripts, event handlers or javascript: links were taken out of the note types and notes (dockdeck never runs them)',
    );
    const texts = JSON.stringify(deck);
    expect(texts).not.toMatch(/<script|onclick|onerror|javascript:/i);
    for (const nt of deck.ankiNotetypes ?? [])
      for (const t of nt.templates)
        expect([findActiveContent(t.qfmt), findActiveContent(t.afmt)]).toEqual([null, null]);
    const first = deck.cards.find((c) => c.anki?.guid === 'g1')!;
    expect(first.type === 'basic' && first.front.en).toContain('What is KVM?');
    expect(first.anki?.fields?.[1]).toContain('<img src="x.png"');
  });

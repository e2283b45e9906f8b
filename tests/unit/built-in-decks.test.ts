// Checks the decks shipped in decks/: valid, bilingual everywhere, and citing sections that really exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDeckFiles } from '../../scripts/lib/deck-files';
import { parseDeckText } from '../../src/formats/dockdeck/validate';
import { lines } from './helpers/issue-lines';
import { deckCitations } from '../../scripts/lib/citations';
import { computeCoverage } from '../../scripts/lib/coverage';
import { builtinDeckGate, readDeckAudits } from '../../scripts/lib/deck-audit';
import { findSections, parseDocHeadings, suggestSections, type DocOutline } from '../../scripts/lib/doc-outline';

const root = resolve(import.meta.dirname, '../..');
const decksDir = join(root, 'decks');
// Where CI keeps the source documents; they are never copied into the repo.
const seedsDir = resolve(root, '../shared/seeds');

const files = readdirSync(decksDir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
  .sort()
  .map((f) => ({ name: `decks/${f}`, text: readFileSync(join(decksDir, f), 'utf8') }));

/** Every `{ en, zh }` text in the raw JSON, with where it is, so a blank one can be named. */
function texts(value: unknown, path: string, out: Array<{ path: string; en: unknown; zh: unknown }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if ('en' in record || 'zh' in record) out.push({ path, en: record.en, zh: record.zh });
    for (const [k, v] of Object.entries(record)) texts(v, path === '' ? k : `${path}.${k}`, out);
  }
  return out;
}

test('all decks validate together (ids unique across files)', () => {
  expect(lines(parseDeckFiles(files).issues)).toEqual([]);
});

test('the decks pass the deck lint, less what their audit sidecars allow, and retire no id that is in use', () => {
  // Duplicates across decks, answers given away by their question, more than half of a deck's mcq answers at one
  // position, the longest choice as the answer; a retired id used again; a fact "held" by a card that is not there.
  expect(builtinDeckGate(decksDir).errors, 'run `npm run decks:lint`').toEqual([]);
});

describe.each(files)('$name', ({ name, text }) => {
  const parsed = parseDeckText(name, text);

  test('parses with no issues', () => {
    expect(parsed.ok ? [] : lines(parsed.issues)).toEqual([]);
  });

  test('has at least one card', () => {
    expect(parsed.ok ? parsed.deck.cards.length : 0).toBeGreaterThan(0);
  });

  test('every card and table row has non-empty en and zh text everywhere', () => {
    const blank = texts(JSON.parse(text), '')
      .filter(({ en, zh }) => typeof en !== 'string' || typeof zh !== 'string' || en.trim() === '' || zh.trim() === '')
      .map(({ path }) => path);
    expect(blank, `texts without both en and zh in ${name}`).toEqual([]);
  });
});

describe('citations', () => {
  const seeds = existsSync(seedsDir);
  if (!seeds) console.warn(`[built-in-decks] ${seedsDir} not found: skipping the check that cited sections exist`);

  test.skipIf(!seeds)('every cited section exists in the cited document', () => {
    const outlines = new Map<string, DocOutline>();
    const outline = (doc: string) => {
      if (!outlines.has(doc)) {
        const path = join(seedsDir, doc);
        if (existsSync(path)) outlines.set(doc, parseDocHeadings(readFileSync(path, 'utf8')));
      }
      return outlines.get(doc);
    };
    const { decks } = parseDeckFiles(files);
    const problems: string[] = [];
    for (const c of deckCitations(decks)) {
      // A public page is not in the folder; `npm run decks:coverage` lists those citations for a reader.
      if (c.url !== undefined) continue;
      const o = outline(c.doc);
      if (!o) problems.push(`${c.by}: cites "${c.doc}", which is not in ${seedsDir}`);
      else if (findSections(o, c.section).length === 0) {
        const hint = suggestSections(o, c.section);
        problems.push(
          `${c.by}: ${c.doc} has no section "${c.section}"${hint.length > 0 ? ` (did you mean "${hint.join('" or "')}"?)` : ''}`,
        );
      }
    }
    expect(problems, 'run `npm run decks:coverage` to see the section names').toEqual([]);
  });

  test.skipIf(!seeds)('every heading of the documents that holds facts is cited by at least one card', () => {
    const documents = readdirSync(seedsDir)
      .filter((f) => /\.(txt|md)$/.test(f))
      .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));
    const uncited = [...readDeckAudits(decksDir).audits.values()].flatMap((a) => a.uncited);
    const report = computeCoverage(documents, parseDeckFiles(files).decks, uncited);
    const uncovered = report.docs.flatMap((d) =>
      d.sections
        .filter((s) => s.section.hasFacts && s.citedBy.length === 0 && s.uncited === undefined)
        .map((s) => `${d.doc}: ${s.section.citation}`),
    );
    expect(report.summary.withFacts).toBeGreaterThan(30);
    expect(uncovered, 'run `npm run decks:coverage -- ../shared/seeds`').toEqual([]);
  });
});

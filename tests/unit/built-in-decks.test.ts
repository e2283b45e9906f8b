// Checks the decks shipped in decks/: valid, bilingual everywhere, and citing sections that really exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDeckFiles } from '../../scripts/lib/deck-files';
import { parseDeckText } from '../../src/formats/dockdeck/validate';
import { lines } from './helpers/issue-lines';
import { deckCitations } from '../../scripts/lib/citations';
import { computeCoverage } from '../../scripts/lib/coverage';
import { lintDecks } from '../../scripts/lib/deck-lint';
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

test('no deck has more than half of its multiple-choice answers at one position in the file', () => {
  // Review shuffles the choices anyway; the files vary the position too, so an export to Anki does not teach "A".
  const skew = lintDecks(parseDeckFiles(files).decks).filter((f) => f.rule === 'mcq-position-skew');
  expect(skew.map((f) => f.message)).toEqual([]);
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
    const report = computeCoverage(documents, parseDeckFiles(files).decks);
    const uncovered = report.docs.flatMap((d) =>
      d.sections
        .filter((s) => s.section.hasFacts && s.citedBy.length === 0)
        .map((s) => `${d.doc}: ${s.section.citation}`),
    );
    expect(report.summary.withFacts).toBeGreaterThan(30);
    expect(uncovered, 'run `npm run decks:coverage -- ../shared/seeds`').toEqual([]);
  });
});
